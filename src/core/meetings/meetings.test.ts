import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import {
  countRows,
  makeAgendaItem,
  makeMeeting,
  makeOrganization,
  makePerson,
  secretariat,
} from "../../../test/support/factories.ts";
import type { Database } from "../../platform/db/database.ts";
import type { AppError } from "../../platform/errors.ts";
import { createAgendaItem, updateAgendaItem } from "../agenda/agenda-items.ts";
import { addFile } from "../files/files.ts";
import { createMeeting, findMeetings, getMeetingById, updateMeeting } from "./meetings.ts";

/** The database, with `beforeQuery` called before every query, inside transactions too. */
function instrumented(db: Database, beforeQuery: () => void): Database {
  const wrap = (inner: Database): Database => ({
    query: (sql, params) => {
      try {
        beforeQuery();
      } catch (error) {
        return Promise.reject(error);
      }
      return inner.query(sql, params);
    },
    exec: (sql) => inner.exec(sql),
    transaction: (work) => inner.transaction((tx) => work(wrap(tx))),
  });
  return wrap(db);
}

/** A database whose `failAt`-th query throws, as a crash in the middle of a write would. */
function failingAt(db: Database, failAt: number): Database {
  let queries = 0;
  return instrumented(db, () => {
    if (++queries === failAt) throw new Error("injected failure");
  });
}

async function approve(db: Database, meetingId: string) {
  for (const state of ["agenda_published", "held", "minutes_approved"] as const) {
    await updateMeeting(secretariat(db), meetingId, { state });
  }
}

forEachStore("meetings and agenda items", (store) => {
  test("an item number is unique within its meeting, not across meetings", async () => {
    const { db } = store();
    const meeting = await makeMeeting(db);
    await makeAgendaItem(db, { meetingId: meeting.id, number: "3.1" });
    await assert.rejects(makeAgendaItem(db, { meetingId: meeting.id, number: "3.1" }), (error: AppError) => {
      return error.code === "agenda_item.number_taken" && error.details.field === "number";
    });
    await makeAgendaItem(db, { number: "3.1" });
  });

  test("a meeting created with a duplicate item number leaves nothing behind", async () => {
    const { db } = store();
    const body = await makeOrganization(db);
    const before = await countRows(db);
    await assert.rejects(
      createMeeting(secretariat(db), {
        organizationId: body.id,
        title: "Møde med fejl",
        start: "2021-01-22T10:00:00+01:00",
        agendaItems: [
          { number: "1", title: "Godkendelse af dagsorden" },
          { number: "2", title: "Orientering" },
          { number: "2", title: "Eventuelt" },
        ],
      }),
      { code: "agenda_item.number_taken" },
    );
    assert.deepEqual(await countRows(db), before);
  });

  test("a failure injected at any point of a write leaves the record as it was", async () => {
    const { db } = store();
    const [body, presenter] = [await makeOrganization(db), await makePerson(db)];
    const write = (database: Database) =>
      createMeeting(
        { db: database, actor: secretariat(db).actor },
        {
          organizationId: body.id,
          title: "Møde",
          start: "2021-01-22T10:00:00+01:00",
          attendance: [{ personId: presenter.id, status: "present" }],
          agendaItems: [
            { number: "1", title: "Første", presenterIds: [presenter.id] },
            { number: "2", title: "Andet" },
          ],
        },
      );
    // One successful run counts the queries the write makes.
    let queries = 0;
    await write(instrumented(db, () => queries++));
    assert.ok(queries >= 8, `the write made ${queries} queries`);
    const before = await countRows(db);
    for (let failAt = 1; failAt <= queries; failAt++) {
      await assert.rejects(write(failingAt(db, failAt)), /injected failure/);
      assert.deepEqual(await countRows(db), before, `failure at query ${failAt} of ${queries} left rows`);
    }
  });

  test("times are stored as instants and shown in Copenhagen time", async () => {
    const { db } = store();
    const summer = await makeMeeting(db, { start: "2021-06-18T08:00:00Z", end: "2021-06-18T10:00:00Z" });
    assert.equal(summer.start, "2021-06-18T10:00:00+02:00");
    assert.equal(summer.end, "2021-06-18T12:00:00+02:00");
    const winter = await makeMeeting(db, { start: "2021-01-22T10:00:00+01:00" });
    assert.equal(winter.start, "2021-01-22T10:00:00+01:00");
    const january = await findMeetings(secretariat(db), {
      organizationId: winter.organizationId,
      from: "2021-01-01T00:00:00+01:00",
      to: "2021-02-01T00:00:00+01:00",
    });
    assert.deepEqual(
      january.data.map((m) => m.id),
      [winter.id],
    );
  });

  test("a meeting moves only along its life", async () => {
    const { db } = store();
    const meeting = await makeMeeting(db);
    await assert.rejects(
      updateMeeting(secretariat(db), meeting.id, { state: "minutes_approved" }),
      (e: AppError) => {
        return e.code === "meeting.invalid_transition" && e.message.includes("agenda_published or cancelled");
      },
    );
    await approve(db, meeting.id);
    const published = await updateMeeting(secretariat(db), meeting.id, { state: "minutes_published" });
    assert.equal(published.state, "minutes_published");
  });

  test("approved minutes cannot change: not the items, the meeting, its attendance or its files", async () => {
    const ctx = secretariat(store().db);
    const { db } = ctx;
    const meeting = await makeMeeting(db);
    const item = await makeAgendaItem(db, { meetingId: meeting.id, number: "1", decision: "Godkendt." });
    await approve(db, meeting.id);
    const before = await countRows(db);
    const refusals = [
      () => updateAgendaItem(ctx, item.id, { decision: "Noget andet." }),
      () => updateAgendaItem(ctx, item.id, { outcome: "rejected" }),
      () => createAgendaItem(ctx, { meetingId: meeting.id, number: "2", title: "Tilføjet bagefter" }),
      () => updateMeeting(ctx, meeting.id, { title: "Nyt navn" }),
      () => updateMeeting(ctx, meeting.id, { attendance: [] }),
      () =>
        addFile(
          { ...ctx, files: store().files },
          {
            name: "bilag.txt",
            mediaType: "text/plain",
            bytes: new TextEncoder().encode("x"),
            agendaItemId: item.id,
          },
        ),
    ];
    for (const refusal of refusals) {
      await assert.rejects(refusal(), (error: AppError) => {
        return error.code === "meeting.minutes_approved" && /approved and cannot change/.test(error.message);
      });
    }
    assert.deepEqual(await countRows(db), before);
    assert.equal((await getMeetingById(ctx, meeting.id)).agendaItems[0]?.decision, "Godkendt.");
  });
});
