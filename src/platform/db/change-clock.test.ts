import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { forEachStore } from "../../../test/support/databases.ts";
import { openDatabase } from "./open-database.ts";

/** Waits until `check` holds, for at most `ms`. */
async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("the condition did not come true in time");
    await sleep(20);
  }
}

const insertOrganization = `INSERT INTO organizations (id, name, kind, created_by, updated_by)
  VALUES (gen_random_uuid(), 'Udvalget', 'committee', 'test', 'test')`;

forEachStore("the change clock", (store) => {
  test("a write moves the clock once it has finished; a read does not", async () => {
    const { db } = store();
    await sleep(100); // notices of the migrations may still be on their way
    const before = db.changes.current;
    assert.equal(typeof before, "number");
    await db.query("SELECT count(*) FROM organizations");
    assert.equal(db.changes.current, before, "a read is no change");
    await db.query(insertOrganization);
    const afterWrite = db.changes.current ?? 0;
    assert.ok(afterWrite > (before ?? 0), "a statement that writes ticks");
    await sleep(100); // on a server, the write's own notice arrives a moment later
    const beforeTransaction = db.changes.current ?? 0;
    await db.transaction(async (tx) => {
      await tx.query(insertOrganization);
      assert.equal(db.changes.current, beforeTransaction, "no tick before the commit");
    });
    assert.ok((db.changes.current ?? 0) > beforeTransaction, "a committed transaction ticks");
  });

  test("on a server, another process's write moves this process's clock", async (t) => {
    const { db, databaseUrl, dataDir } = store();
    if (!databaseUrl) return t.skip("PGlite has one process: its own writes are all there are");
    const other = await openDatabase({ dataDir, databaseUrl }, { migrate: false });
    try {
      await sleep(100);
      const before = db.changes.current ?? 0;
      await other.query(insertOrganization);
      await eventually(() => (db.changes.current ?? 0) > before);
    } finally {
      await other.close();
    }
  });

  test("on a server, the clock is blind while its notice connection is down, and sees again after", async (t) => {
    const { db, databaseUrl } = store();
    if (!databaseUrl) return t.skip("PGlite has no notice connection");
    const before = db.changes.current ?? 0;
    await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND query = 'LISTEN samraad_record_changed'`,
    );
    await eventually(() => db.changes.current === null);
    await eventually(() => db.changes.current !== null);
    assert.ok((db.changes.current ?? 0) > before, "what happened while blind counts as a change");
  });
});
