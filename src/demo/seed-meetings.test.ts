import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { forEachStore } from "../../test/support/databases.ts";
import { importActor } from "../import/import-documents.ts";
import { importSeedMeetings } from "./seed-meetings.ts";

const seedsDir = path.resolve(import.meta.dirname, "../../../shared/seeds");

forEachStore("importSeedMeetings", (store) => {
  test("the demo gains the meetings of seeds 001 and 002, once", async () => {
    const ctx = { db: store().db, files: store().files, actor: importActor };
    const first = await importSeedMeetings(ctx, seedsDir);
    assert.deepEqual(first.failed, []);
    assert.deepEqual(
      first.imported.map((doc) => [path.basename(doc.path), doc.items]),
      [
        ["001_fc010784cd8fe213.txt", 21],
        ["002_b19148eff8b2a7c8.txt", 12],
      ],
    );
    const again = await importSeedMeetings(ctx, seedsDir);
    assert.equal(again.unchanged.length, 2);
    const [row] = await store().db.query<{ n: number }>("SELECT count(*)::int AS n FROM meetings");
    assert.equal(row?.n, 2);
  });
});
