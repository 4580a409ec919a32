import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, test } from "node:test";
import { checkAttachment, detectKind } from "./attachments.ts";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(`test/fixtures/import/${name}`));

describe("attachments are what their bytes say", () => {
  test("real files of each accepted kind are recognised", () => {
    assert.equal(detectKind(fixture("seed-001_fc010784cd8fe213.pdf")), "pdf");
    assert.equal(detectKind(fixture("seed-001_fc010784cd8fe213.docx")), "docx");
    assert.equal(detectKind(fixture("single-item.txt")), "text");
    assert.equal(detectKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), "png");
    assert.equal(detectKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), "jpeg");
    assert.equal(detectKind(fixture("binary-noise.bin")), null);
  });

  test("a name that lies about the content is refused, whatever the browser claimed", () => {
    assert.deepEqual(
      checkAttachment("Bilag.PDF", fixture("seed-001_fc010784cd8fe213.pdf")).mediaType,
      "application/pdf",
    );
    assert.throws(() => checkAttachment("budget.pdf", fixture("seed-001_fc010784cd8fe213.docx")), {
      code: "upload.unsupported_type",
      details: { field: "file", reason: "disguised", extension: "pdf", claimed: "pdf", actual: "docx" },
    });
    assert.throws(() => checkAttachment("notat.txt", fixture("binary-noise.bin")), {
      code: "upload.unsupported_type",
    });
    assert.throws(() => checkAttachment("program.exe", new Uint8Array([0x4d, 0x5a])), {
      code: "upload.unsupported_type",
      details: { field: "file", reason: "type", extension: "exe" },
    });
    assert.throws(() => checkAttachment("tom.pdf", new Uint8Array()), { code: "validation.invalid" });
  });
});
