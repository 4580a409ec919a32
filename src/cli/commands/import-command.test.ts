import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { openDatabase } from "../../platform/db/open-database.ts";
import { importCommand } from "./import-command.ts";

const fixturesDir = path.resolve(import.meta.dirname, "../../../test/fixtures/import");

function capture() {
  let text = "";
  return {
    write(chunk: string) {
      text += chunk;
      return true;
    },
    isTTY: false,
    get text() {
      return text;
    },
  };
}

async function run(args: string[]) {
  const stdout = capture();
  const stderr = capture();
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    await importCommand({ stdout, stderr }).parseAsync(args, { from: "user" });
    return { code: process.exitCode ?? 0, stdout: stdout.text, stderr: stderr.text };
  } finally {
    process.exitCode = previous;
  }
}

test("samraad import: one line per file off a terminal, a summary, exit code 1 when a file failed", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-import-cli-"));
  const folder = path.join(dataDir, "archive");
  fs.mkdirSync(folder);
  fs.copyFileSync(path.join(fixturesDir, "regionsraad-referat.html"), path.join(folder, "referat.html"));
  fs.copyFileSync(path.join(fixturesDir, "truncated.pdf"), path.join(folder, "truncated.pdf"));
  try {
    const first = await run([folder, "--data", dataDir]);
    assert.equal(first.code, 1);
    assert.match(first.stdout, /\[1\/2\] imported referat\.html/);
    assert.match(first.stdout, /\[2\/2\] failed truncated\.pdf: truncated\.pdf: truncated PDF/);
    assert.match(first.stdout, /imported 1, unchanged 0, failed 1/);
    assert.ok(fs.existsSync(path.join(dataDir, "import-journal.json")));

    fs.rmSync(path.join(folder, "truncated.pdf"));
    const second = await run([folder, "--data", dataDir]);
    assert.equal(second.code, 0);
    assert.match(second.stdout, /imported 0, unchanged 1, failed 0/);

    const db = await openDatabase({ dataDir, databaseUrl: null });
    try {
      const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM meetings");
      assert.equal(row?.n, 1);
    } finally {
      await db.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("samraad import --max-bytes refuses larger files", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-import-cli-"));
  try {
    const result = await run([
      path.join(fixturesDir, "regionsraad-referat.html"),
      "--data",
      dataDir,
      "--max-bytes",
      "100",
    ]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /over the limit of 100 bytes \(import\.too_large\)/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
