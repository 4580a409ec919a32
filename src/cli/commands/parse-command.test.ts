import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import type { ParsedMeeting } from "../../import/parsed-meeting.ts";
import { parseCommand } from "./parse-command.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/import/${name}`, import.meta.url));

let out = "";
let err = "";
const output = {
  stdout: { write: (text: string) => (out += text) },
  stderr: { write: (text: string) => (err += text) },
};

beforeEach(() => {
  out = "";
  err = "";
  process.exitCode = undefined;
});

afterEach(() => {
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<number> {
  const program = new Command("samraad").exitOverride();
  program.addCommand(parseCommand(output));
  await program.parseAsync(["parse", ...args], { from: "user" });
  return Number(process.exitCode ?? 0);
}

test("parse FILE --json prints the meeting as JSON", async () => {
  const code = await run(fixture("sbsys-byraad-windows-1252.txt"), "--json");
  assert.equal(code, 0);
  const meeting = JSON.parse(out) as ParsedMeeting;
  assert.equal(meeting.body, "Byrådet");
  assert.deepEqual(
    meeting.items.map((item) => item.number),
    ["715", "716", "717", "718"],
  );
});

test("parse FILE prints a short summary", async () => {
  const code = await run(fixture("firstagenda-oekonomiudvalget.txt"));
  assert.equal(code, 0);
  assert.match(out, /^Minutes: Referat Økonomiudvalget/);
  assert.match(out, /When: {5}2023-03-14 16:00–18:30/);
  assert.match(out, / {4}4 {2}Salg af grund ved havnen {2}\[closed; postponed; 23\/1002\]/);
});

test("bad input: the reason on stderr, exit code 1, nothing on stdout", async () => {
  const code = await run(fixture("scanned-no-text.pdf"), "--json");
  assert.equal(code, 1);
  assert.equal(out, "");
  assert.match(
    err,
    /scanned-no-text\.pdf: no text layer: the PDF is scanned; OCR is not supported \(import\.no_text_layer\)/,
  );
});

test("the size limit is checked before reading", async () => {
  const code = await run(fixture("single-item.txt"), "--max-bytes", "10");
  assert.equal(code, 1);
  assert.match(err, /over the limit of 10 bytes \(import\.too_large\)/);
});

test("a missing file", async () => {
  const code = await run("/nonexistent/referat.pdf");
  assert.equal(code, 1);
  assert.match(err, /no such file/);
});
