import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { makeMeeting, makeOrganization, secretariat } from "../../../test/support/factories.ts";
import { addItem, removeItem } from "../agenda/agenda-builder.ts";
import { agendaOf } from "../agenda/agenda-items.ts";
import { saveAgendaSettings } from "../agenda/agenda-settings.ts";
import { getCaseById } from "./cases.ts";
import { casesAwaitingAgenda, placeAwaitingCase, sendOn } from "./send-on.ts";

forEachStore("sending a case on", (store) => {
  test("a case sent on waits at the other body, goes on its agenda, and back to waiting when removed", async () => {
    const { db } = store();
    const ctx = secretariat(db);
    const network = await makeOrganization(db, "KD-Net");
    const council = await makeOrganization(db, "KKR");
    for (const body of [network, council]) {
      await saveAgendaSettings(ctx, body.id, { numbering: "flat", standardItems: [] });
    }
    const here = await makeMeeting(db, { organizationId: network.id, start: "2030-01-22T10:00:00+01:00" });
    const there = await makeMeeting(db, { organizationId: council.id, start: "2030-04-23T10:00:00+02:00" });
    const item = await addItem(ctx, here.id, { title: "Busplan", isPublic: true });
    await assert.rejects(
      sendOn(ctx, item, { organizationId: council.id, meetingId: there.id, purpose: "decision" }),
      {
        code: "validation.invalid",
      },
    );
    const withCase = await addItem(ctx, here.id, {
      title: "Trafikplan",
      isPublic: true,
      newCase: { title: "Trafikplan for Midtjylland", reference: "SAG-2030-7" },
    });
    await sendOn(ctx, withCase, { organizationId: council.id, meetingId: there.id, purpose: "decision" });
    await assert.rejects(
      sendOn(ctx, withCase, { organizationId: council.id, date: "2030-04-23", purpose: "decision" }),
      { code: "validation.invalid" },
    );
    await assert.rejects(
      sendOn(ctx, withCase, { organizationId: council.id, date: "2001-01-01", purpose: "decision" }),
      {
        code: "validation.invalid",
      },
    );

    const [awaiting] = await casesAwaitingAgenda(ctx, council.id);
    assert.equal(awaiting?.caseTitle, "Trafikplan for Midtjylland");
    assert.equal(awaiting?.plannedDate, "2030-04-23");
    assert.equal(awaiting?.fromOrganizationName, "KD-Net");
    const path = (await getCaseById(ctx, awaiting?.caseId ?? "")).consultations;
    assert.deepEqual(
      path.map((c) => [c.organizationId, c.date, c.planned]),
      [
        [network.id, "2030-01-22", false],
        [council.id, "2030-04-23", true],
      ],
    );

    const placed = await placeAwaitingCase(ctx, awaiting?.consultationId ?? "", there.id);
    assert.deepEqual(await casesAwaitingAgenda(ctx, council.id), []);
    const [onAgenda] = await agendaOf(ctx, there.id);
    assert.equal(onAgenda?.title, "Trafikplan for Midtjylland");
    assert.equal(onAgenda?.caseId, awaiting?.caseId);
    assert.equal((await getCaseById(ctx, awaiting?.caseId ?? "")).consultations.at(-1)?.planned, false);

    await removeItem(ctx, placed);
    assert.equal((await casesAwaitingAgenda(ctx, council.id)).length, 1);
  });
});
