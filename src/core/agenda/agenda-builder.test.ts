import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { makeMeeting, makeOrganization, secretariat } from "../../../test/support/factories.ts";
import type { Database } from "../../platform/db/database.ts";
import { createCase, createConsultation } from "../cases/cases.ts";
import { markHeld, planMeeting, publishAgenda } from "../meetings/meeting-life.ts";
import { versionsOf } from "../publication/versions.ts";
import { addItem, editItem, moveItem, removeItem, renumberAgenda, setItemGroup } from "./agenda-builder.ts";
import { agendaOf } from "./agenda-items.ts";
import { saveAgendaSettings } from "./agenda-settings.ts";
import { numberItems } from "./numbering.ts";
import { fillStandardItems } from "./standard-items.ts";

describe("numbering by the body's scheme", () => {
  test("flat numbers 1..n, grouped numbers runs of a heading g.1, g.2 and lone items g", () => {
    const items = [
      { groupHeading: null },
      { groupHeading: "Sager" },
      { groupHeading: "Sager" },
      { groupHeading: "Orientering" },
      { groupHeading: null },
    ];
    assert.deepEqual(numberItems("flat", items), ["1", "2", "3", "4", "5"]);
    assert.deepEqual(numberItems("grouped", items), ["1", "2.1", "2.2", "3.1", "4"]);
  });
});

async function agendaOfMeeting(db: Database, meetingId: string) {
  return (await agendaOf(secretariat(db), meetingId)).map((item) => `${item.number} ${item.title}`);
}

/** A body without standard items, so that the tests see only their own items. */
async function bareBody(db: Database, numbering: "flat" | "grouped") {
  const body = await makeOrganization(db);
  await saveAgendaSettings(secretariat(db), body.id, { numbering, standardItems: [] });
  return body;
}

forEachStore("the agenda builder", (store) => {
  test("a flat agenda renumbers itself on insert, move and remove", async () => {
    const { db } = store();
    const ctx = secretariat(db);
    const body = await bareBody(db, "flat");
    const meeting = await makeMeeting(db, { organizationId: body.id });
    const a = await addItem(ctx, meeting.id, { title: "A", isPublic: true });
    const b = await addItem(ctx, meeting.id, { title: "B", isPublic: true });
    await addItem(ctx, meeting.id, { title: "C", isPublic: false });
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), ["1 A", "2 B", "3 C"]);

    await moveItem(ctx, b, "up");
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), ["1 B", "2 A", "3 C"]);
    await moveItem(ctx, a, "down");
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), ["1 B", "2 C", "3 A"]);
    await assert.rejects(moveItem(ctx, a, "down"), { code: "validation.invalid" });

    await removeItem(ctx, b);
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), ["1 C", "2 A"]);
  });

  test("a grouped agenda numbers g.1, g.2 and keeps a group together", async () => {
    const { db } = store();
    const ctx = secretariat(db);
    const body = await bareBody(db, "grouped");
    const meeting = await makeMeeting(db, { organizationId: body.id });
    await addItem(ctx, meeting.id, { title: "Godkendelse", isPublic: true });
    const s1 = await addItem(ctx, meeting.id, { title: "Sag 1", isPublic: true, groupHeading: "Sager" });
    await addItem(ctx, meeting.id, { title: "Orientering 1", isPublic: true, groupHeading: "Orientering" });
    const s2 = await addItem(ctx, meeting.id, { title: "Sag 2", isPublic: true });
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), [
      "1 Godkendelse",
      "2.1 Sag 1",
      "3.1 Orientering 1",
      "4 Sag 2",
    ]);
    // Joining a group used elsewhere moves the item to the end of that group.
    await setItemGroup(ctx, s2, "Sager");
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), [
      "1 Godkendelse",
      "2.1 Sag 1",
      "2.2 Sag 2",
      "3.1 Orientering 1",
    ]);
    // At the edge of its group an item first crosses into the neighbouring group.
    await moveItem(ctx, s1, "up");
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), [
      "1 Godkendelse",
      "2 Sag 1",
      "3.1 Sag 2",
      "4.1 Orientering 1",
    ]);
    await moveItem(ctx, s1, "up");
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), [
      "1 Sag 1",
      "2 Godkendelse",
      "3.1 Sag 2",
      "4.1 Orientering 1",
    ]);
    await removeItem(ctx, s1);
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), [
      "1 Godkendelse",
      "2.1 Sag 2",
      "3.1 Orientering 1",
    ]);
  });

  test("changing the body's scheme and renumbering gives the new numbers", async () => {
    const { db } = store();
    const ctx = secretariat(db);
    const body = await bareBody(db, "flat");
    const meeting = await makeMeeting(db, { organizationId: body.id });
    await addItem(ctx, meeting.id, { title: "A", isPublic: true, groupHeading: "G" });
    await addItem(ctx, meeting.id, { title: "B", isPublic: true, groupHeading: "G" });
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), ["1 A", "2 B"]);
    await saveAgendaSettings(ctx, body.id, { numbering: "grouped", standardItems: [] });
    await renumberAgenda(ctx, meeting.id);
    assert.deepEqual(await agendaOfMeeting(db, meeting.id), ["1.1 A", "1.2 B"]);
  });

  test("standard items fill themselves from the record", async () => {
    const { db } = store();
    const ctx = secretariat(db);
    const body = await makeOrganization(db);
    const earlier = await planMeeting(ctx, {
      organizationId: body.id,
      title: "Møde i marts",
      start: "2030-03-04T10:00:00+01:00",
    });
    const meetingId = await planMeeting(ctx, {
      organizationId: body.id,
      title: "Møde i april",
      start: "2030-04-09T09:00:00+02:00",
    });
    await planMeeting(ctx, {
      organizationId: body.id,
      title: "Møde i juni",
      start: "2030-06-18T13:00:00+02:00",
      location: "Scandic Silkeborg",
    });
    const awaiting = await createCase(ctx, { title: "Klimastrategi", reference: "SAG-2030-1" });
    await createConsultation(ctx, {
      caseId: awaiting.id,
      organizationId: body.id,
      plannedDate: "2030-06-18",
      purpose: "decision",
    });
    await addItem(ctx, meetingId, { title: "Budget", isPublic: true });
    await fillStandardItems(ctx, meetingId);

    const items = await agendaOf(ctx, meetingId);
    assert.deepEqual(
      items.map((i) => `${i.number} ${i.title}`),
      [
        "1 Godkendelse af dagsorden",
        "2 Godkendelse af referat fra mødet den 4. marts 2030",
        "3 Budget",
        "4 Kommende møder",
        "5 Punkter til næste møde",
        "6 Eventuelt",
      ],
    );
    const section = (kind: string) => items.find((i) => i.standardKind === kind)?.casePresentation ?? "";
    assert.match(section("approve_minutes"), new RegExp(`/moeder/${earlier}`));
    assert.match(section("coming_meetings"), /tirsdag den 18\. juni 2030 kl\. 13\.00, Scandic Silkeborg/);
    assert.match(section("next_meeting_items"), /Klimastrategi \(SAG-2030-1\), til beslutning/);
    // Filling again refreshes, it does not add.
    await fillStandardItems(ctx, meetingId);
    assert.equal((await agendaOf(ctx, meetingId)).length, 6);
  });

  test("publishing makes version 1; a later edit needs a note and makes version 2 with it", async () => {
    const { db } = store();
    const ctx = secretariat(db);
    const body = await bareBody(db, "flat");
    const meeting = await makeMeeting(db, { organizationId: body.id });
    const item = await addItem(ctx, meeting.id, { title: "Trafikplan", isPublic: true });
    await publishAgenda(ctx, meeting.id);
    assert.deepEqual(
      (await versionsOf(ctx, meeting.id, "agenda")).map((v) => [v.version, v.note]),
      [[1, null]],
    );

    await assert.rejects(
      editItem(ctx, item, { title: "Trafikplan 2030", isPublic: true }),
      (error: Error) => {
        return (error as { details?: { field?: string } }).details?.field === "note";
      },
    );
    await editItem(ctx, item, { title: "Trafikplan 2030", isPublic: true, note: "Titlen er præciseret" });
    const versions = await versionsOf(ctx, meeting.id, "agenda");
    assert.deepEqual(
      versions.map((v) => [v.version, v.note]),
      [
        [1, null],
        [2, "Titlen er præciseret"],
      ],
    );
    assert.equal(versions[1]?.content.agendaItems[0]?.title, "Trafikplan 2030");

    await markHeld(ctx, meeting.id);
    await assert.rejects(addItem(ctx, meeting.id, { title: "For sent", isPublic: true, note: "x" }), {
      code: "agenda.locked",
    });
  });

  test("an item may create its case, and removing the item sends a planned case back to waiting", async () => {
    const { db } = store();
    const ctx = secretariat(db);
    const body = await bareBody(db, "flat");
    const meeting = await makeMeeting(db, { organizationId: body.id });
    const item = await addItem(ctx, meeting.id, {
      title: "Ny sag",
      isPublic: true,
      newCase: { title: "Busplan", reference: "SAG-1" },
    });
    const [shown] = await agendaOf(ctx, meeting.id);
    assert.ok(shown?.caseId);
    await removeItem(ctx, item);
    const rows = await db.query("SELECT 1 FROM consultations WHERE case_id = $1", [shown?.caseId]);
    assert.equal(rows.length, 0);
  });
});
