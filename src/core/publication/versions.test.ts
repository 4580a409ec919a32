import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { makeAgendaItem, makeMeeting, publicReader, secretariat } from "../../../test/support/factories.ts";
import { updateMeeting } from "../meetings/meetings.ts";
import { recentPublications, versionsOf } from "./versions.ts";
import { CLOSED_ITEM_TITLE } from "./visibility.ts";

forEachStore("published versions", (store) => {
  test("publishing the agenda makes version 1; the public sees it with closed items redacted", async () => {
    const { db } = store();
    const meeting = await makeMeeting(db);
    await makeAgendaItem(db, { meetingId: meeting.id, number: "1", title: "Åbent punkt" });
    await makeAgendaItem(db, {
      meetingId: meeting.id,
      number: "2",
      title: "Hemmeligt salg",
      isPublic: false,
    });
    assert.deepEqual(await versionsOf(publicReader(db), meeting.id, "agenda"), []);

    await updateMeeting(secretariat(db), meeting.id, { state: "agenda_published" });
    const [internal] = await versionsOf(secretariat(db), meeting.id, "agenda");
    assert.equal(internal?.version, 1);
    assert.deepEqual(
      internal?.content.agendaItems.map((i) => i.title),
      ["Åbent punkt", "Hemmeligt salg"],
    );
    const [shown] = await versionsOf(publicReader(db), meeting.id, "agenda");
    assert.deepEqual(
      shown?.content.agendaItems.map((i) => i.title),
      ["Åbent punkt", CLOSED_ITEM_TITLE],
    );
    assert.doesNotMatch(JSON.stringify(shown), /Hemmeligt/);
  });

  test("approved minutes are a version the public sees only once they are published", async () => {
    const { db } = store();
    const meeting = await makeMeeting(db);
    await makeAgendaItem(db, { meetingId: meeting.id, number: "1", title: "Punkt", decision: "Godkendt." });
    for (const state of ["agenda_published", "held", "minutes_approved"] as const) {
      await updateMeeting(secretariat(db), meeting.id, { state });
    }
    assert.equal((await versionsOf(secretariat(db), meeting.id, "minutes")).length, 1);
    assert.deepEqual(await versionsOf(publicReader(db), meeting.id, "minutes"), []);
    const before = await recentPublications(publicReader(db), {
      organizationId: meeting.organizationId,
      limit: 10,
    });
    assert.deepEqual(
      before.map((p) => p.kind),
      ["agenda"],
    );

    await updateMeeting(secretariat(db), meeting.id, { state: "minutes_published" });
    const after = await recentPublications(publicReader(db), {
      organizationId: meeting.organizationId,
      limit: 10,
    });
    assert.deepEqual(after.map((p) => p.kind).sort(), ["agenda", "minutes"]);
    const minutes = after.find((p) => p.kind === "minutes");
    assert.equal(minutes?.content.agendaItems[0]?.decision, "Godkendt.");
  });
});
