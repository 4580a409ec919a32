import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { openPgliteDatabase } from "./pglite-database.ts";

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, "../../../bin/samraad");

test("a second process on the same data folder is refused with a clear message", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-lock-"));
  const owner = await openPgliteDatabase(dataDir);
  try {
    await owner.query("CREATE TABLE kept (value text)");
    await owner.query("INSERT INTO kept VALUES ('committed')");
    const second = await run(cli, ["migrate", "--data", dataDir]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(second.code, 1);
    assert.match(second.stderr, new RegExp(`data folder .* is in use by process ${process.pid}`));
    // Another open in this process is refused too.
    await assert.rejects(openPgliteDatabase(dataDir), { code: "storage.locked" });
    assert.deepEqual(await owner.query("SELECT value FROM kept"), [{ value: "committed" }]);
  } finally {
    await owner.close();
  }
  // Released on close: the next owner opens and finds the committed row.
  const next = await openPgliteDatabase(dataDir);
  assert.deepEqual(await next.query("SELECT value FROM kept"), [{ value: "committed" }]);
  await next.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("a lock left by a process that died is taken over", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-lock-"));
  const { stdout } = await run(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  fs.writeFileSync(
    path.join(dataDir, "samraad.lock"),
    JSON.stringify({ pid: Number(stdout), host: os.hostname(), since: new Date().toISOString() }),
  );
  const db = await openPgliteDatabase(dataDir);
  await db.close();
  assert.equal(fs.existsSync(path.join(dataDir, "samraad.lock")), false);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
