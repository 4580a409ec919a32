import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { makeOrganization } from "../../../test/support/factories.ts";
import { defaultSeedsDir } from "../../cli/commands/demo-command.ts";
import type { Database } from "../../platform/db/database.ts";
import { generateBatch, generateSetup, type SyntheticBatch } from "./generate.ts";
import { loadSynthetic } from "./load-synthetic.ts";

const ITEMS = 1500;

function allBatches(items: number, seed = 1): SyntheticBatch[] {
  const setup = generateSetup({ items, seed, seedsDir: defaultSeedsDir });
  return Array.from({ length: setup.batchCount }, (_, index) => generateBatch(setup, index, seed));
}

test("the same options give the same corpus; another seed another", () => {
  const first = JSON.stringify(allBatches(ITEMS));
  assert.equal(JSON.stringify(allBatches(ITEMS)), first);
  assert.notEqual(JSON.stringify(allBatches(ITEMS, 2)), first);
});

test("the corpus has the asked number of items and a realistic mix", () => {
  const setup = generateSetup({ items: ITEMS, seedsDir: defaultSeedsDir });
  const batches = allBatches(ITEMS);
  const items = batches.flatMap((b) => b.agendaItems);
  assert.equal(items.length, ITEMS);
  assert.equal(new Set(items.map((i) => i.id)).size, ITEMS);
  assert.ok(setup.organizations.length >= 4);
  assert.ok(
    setup.people.some((p) => /[æøå]/i.test(String(p.name))),
    "Danish names",
  );
  const states = new Set(batches.flatMap((b) => b.meetings.map((m) => m.state)));
  for (const state of ["minutes_published", "planned"]) assert.ok(states.has(state), state);
  const closed = items.filter((i) => i.is_public === false).length;
  assert.ok(closed > 0 && closed < ITEMS * 0.1, `closed items: ${closed}`);
  const text = items.map((i) => `${i.title} ${i.case_presentation ?? ""}`).join(" ");
  for (const word of ["uddannelse", "uddannelserne", "kommune", "borgere"]) {
    assert.ok(text.toLowerCase().includes(word), word);
  }
  assert.ok(
    batches.some((b) => b.files.length > 0),
    "attachments",
  );
  assert.ok(
    batches.some((b) => b.attendance.length > 0),
    "attendance",
  );
});

test("cases travel through two to four different bodies, in date order", () => {
  const batches = allBatches(ITEMS * 4);
  const meetings = new Map(batches.flatMap((b) => b.meetings.map((m) => [m.id, m] as const)));
  const items = new Map(batches.flatMap((b) => b.agendaItems.map((i) => [i.id, i] as const)));
  const consultations = batches.flatMap((b) => b.consultations).filter((c) => c.agenda_item_id);
  const cases = batches.flatMap((b) => b.cases);
  assert.ok(cases.length > 10, `cases: ${cases.length}`);
  for (const c of cases) {
    const stops = consultations
      .filter((k) => k.case_id === c.id)
      .map((k) => meetings.get(String(items.get(String(k.agenda_item_id))?.meeting_id)));
    assert.ok(stops.length >= 2 && stops.length <= 4, `${c.reference}: ${stops.length} stops`);
    const bodies = stops.map((m) => m?.organization_id);
    assert.equal(new Set(bodies).size, bodies.length, `${c.reference} visits a body twice`);
    const dates = stops.map((m) => String(m?.start_at));
    assert.deepEqual(dates, [...dates].sort());
  }
});

/** A database whose `failAt`-th transaction fails, as an interrupted load would. */
function failingTransaction(db: Database, failAt: number): Database {
  let transactions = 0;
  return {
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (work) => {
      if (++transactions === failAt) return Promise.reject(new Error("interrupted"));
      return db.transaction(work);
    },
  };
}

forEachStore("synthetic corpus", (store) => {
  test("an interrupted load resumes where it stopped, and then the record holds the whole corpus", async () => {
    const { db } = store();
    await assert.rejects(
      loadSynthetic(failingTransaction(db, 3), { items: ITEMS, seedsDir: defaultSeedsDir }),
      /interrupted/,
    );
    const resumed = await loadSynthetic(db, { items: ITEMS, seedsDir: defaultSeedsDir });
    assert.equal(resumed.skippedBatches, 1);
    assert.equal(resumed.loadedBatches + resumed.skippedBatches, Math.ceil(ITEMS / 16 / 64));
    const [counts] = await db.query<{ items: number; search: number; consultations: number }>(
      `SELECT (SELECT count(*)::int FROM agenda_items) AS items,
         (SELECT count(*)::int FROM agenda_item_search) AS search,
         (SELECT count(*)::int FROM consultations) AS consultations`,
    );
    assert.equal(counts?.items, ITEMS);
    assert.equal(counts?.search, ITEMS);
    const expected = allBatches(ITEMS).reduce((sum, b) => sum + b.consultations.length, 0);
    assert.equal(counts?.consultations, expected);
    const again = await loadSynthetic(db, { items: ITEMS, seedsDir: defaultSeedsDir });
    assert.equal(again.loadedBatches, 0);
  });

  test("a record with other data is refused", async () => {
    const { db } = store();
    await makeOrganization(db, "Et andet udvalg");
    await assert.rejects(loadSynthetic(db, { items: 100, seedsDir: defaultSeedsDir }), /not empty/);
  });
});
