/** Every kind of bad input gets an `ImportError` with a stable code and a message naming the file. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { type ImportError, isImportError } from "./import-error.ts";
import { parseDocument } from "./parse-document.ts";

const fixtures = new URL("../../test/fixtures/import/", import.meta.url);

function bytesOf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, fixtures)));
}

async function rejection(
  bytes: Uint8Array,
  name: string,
  options?: { maxBytes?: number },
): Promise<ImportError> {
  try {
    await parseDocument(bytes, name, options);
  } catch (error) {
    assert.ok(isImportError(error), `expected an ImportError, got ${String(error)}`);
    assert.ok(error.message.startsWith(`${name}: `), `the message names the file: ${error.message}`);
    return error;
  }
  assert.fail(`${name} was accepted`);
}

test("an empty file", async () => {
  const error = await rejection(bytesOf("empty.txt"), "empty.txt");
  assert.equal(error.code, "import.empty_file");
});

test("a file of white space only", async () => {
  const error = await rejection(new TextEncoder().encode("  \n\n\t \n"), "blank.txt");
  assert.equal(error.code, "import.empty_file");
});

test("binary noise", async () => {
  const error = await rejection(bytesOf("binary-noise.bin"), "binary-noise.bin");
  assert.equal(error.code, "import.binary_file");
  assert.match(error.message, /binary data/);
});

test("a truncated PDF", async () => {
  const error = await rejection(bytesOf("truncated.pdf"), "truncated.pdf");
  assert.equal(error.code, "import.truncated_pdf");
  assert.match(error.message, /truncated PDF/);
});

test("an encrypted PDF", async () => {
  const error = await rejection(bytesOf("encrypted.pdf"), "encrypted.pdf");
  assert.equal(error.code, "import.encrypted_pdf");
  assert.match(error.message, /password/);
});

test("a scanned PDF without a text layer", async () => {
  const error = await rejection(bytesOf("scanned-no-text.pdf"), "scanned-no-text.pdf");
  assert.equal(error.code, "import.no_text_layer");
  assert.equal(error.message, "scanned-no-text.pdf: no text layer: the PDF is scanned; OCR is not supported");
});

test("a DOCX zip bomb that declares a huge size", async () => {
  const error = await rejection(bytesOf("zip-bomb-declared.docx"), "zip-bomb-declared.docx");
  assert.equal(error.code, "import.zip_bomb");
});

test("a DOCX zip bomb by compression ratio", async () => {
  const error = await rejection(bytesOf("zip-bomb-ratio.docx"), "zip-bomb-ratio.docx");
  assert.equal(error.code, "import.zip_bomb");
  assert.match(error.message, /expands \d+ times/);
});

test("a DOCX zip bomb that lies about its size", async () => {
  const error = await rejection(bytesOf("zip-bomb-lying.docx"), "zip-bomb-lying.docx");
  assert.equal(error.code, "import.zip_bomb");
  assert.match(error.message, /inflates beyond/);
});

test("a truncated DOCX", async () => {
  const docx = bytesOf("word-styregruppe-referat.docx");
  const error = await rejection(docx.subarray(0, Math.floor(docx.length / 2)), "half.docx");
  assert.equal(error.code, "import.corrupt_docx");
});

test("a file over the size limit (configurable)", async () => {
  const bytes = bytesOf("firstagenda-oekonomiudvalget.txt");
  const error = await rejection(bytes, "big.txt", { maxBytes: 1000 });
  assert.equal(error.code, "import.too_large");
  assert.match(error.message, /over the limit of 1000 bytes/);
  // Under the default limit the same file parses.
  const meeting = await parseDocument(bytes, "big.txt");
  assert.equal(meeting.items.length, 4);
});

test("formats that are not documents", async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assert.equal((await rejection(png, "scan.png")).code, "import.unsupported_format");
  const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  const legacy = await rejection(doc, "old.doc");
  assert.equal(legacy.code, "import.unsupported_format");
  assert.match(legacy.message, /save it as DOCX or PDF/);
});

test("text with no items is not an error, but warns", async () => {
  const meeting = await parseDocument(
    new TextEncoder().encode("Kære alle\n\nHermed en hilsen.\n"),
    "letter.txt",
  );
  assert.deepEqual(meeting.items, []);
  assert.ok(meeting.warnings.some((w) => w.code === "no_items"));
});
