import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { forEachStore, openTestStore } from "../../../test/support/databases.ts";
import { countRows, makeAgendaItem, makeMeeting, secretariat } from "../../../test/support/factories.ts";
import { loadDemoWorld } from "../../demo/load-demo-world.ts";
import { addFile } from "../files/files.ts";
import { exportRecord } from "./export-record.ts";
import { nonRecordTables, recordTables } from "./record-tables.ts";
import { restoreRecord } from "./restore-record.ts";

function readFolder(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ["records", "files"]) {
    for (const name of fs.readdirSync(path.join(folder, sub)).sort()) {
      out[`${sub}/${name}`] = fs.readFileSync(path.join(folder, sub, name)).toString("base64");
    }
  }
  return out;
}

forEachStore("export and restore", (store) => {
  test("export -> restore into an empty database -> export gives the same content", async () => {
    const { db, files, kind } = store();
    const ctx = secretariat(db);
    await loadDemoWorld(ctx);
    const meeting = await makeMeeting(db, { start: "2021-06-18T10:00:00+02:00" });
    const item = await makeAgendaItem(db, {
      meetingId: meeting.id,
      isPublic: false,
      decision: "Besluttet æøå",
    });
    await addFile(
      { ...ctx, files },
      {
        name: "bilag.pdf",
        mediaType: "application/pdf",
        bytes: new Uint8Array([37, 80, 68, 70]),
        agendaItemId: item.id,
      },
    );
    // Tombstones are record too: a reader synchronising by change time must still learn of it.
    const removed = await makeAgendaItem(db, { meetingId: meeting.id });
    await db.query("DELETE FROM agenda_items WHERE id = $1", [removed.id]);
    assert.equal((await countRows(db)).deleted_records, 1);
    const first = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-export-"));
    const second = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-export-"));
    await exportRecord(db, files, first);

    const target = await openTestStore(kind);
    try {
      await restoreRecord(target.db, target.files, first);
      assert.deepEqual(await countRows(target.db), await countRows(db));
      await exportRecord(target.db, target.files, second);
      assert.deepEqual(readFolder(second), readFolder(first));
      // A restore refuses a database that has a record already.
      await assert.rejects(restoreRecord(target.db, target.files, first), { code: "restore.not_empty" });
    } finally {
      await target.close();
      fs.rmSync(first, { recursive: true, force: true });
      fs.rmSync(second, { recursive: true, force: true });
    }
  });

  test("every table the migrations create is exported", async () => {
    const rows = await store().db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    const known = new Set<string>([...recordTables, ...nonRecordTables]);
    assert.deepEqual(
      rows.map((r) => r.name).filter((name) => !known.has(name)),
      [],
    );
  });
});
