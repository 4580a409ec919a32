import assert from "node:assert/strict";
import { test } from "node:test";
import { formatFileSize } from "./format.ts";

test("file sizes: bytes, then kB and MB of 1,024, one decimal in the reader's notation", () => {
  assert.equal(formatFileSize(0, "da"), "0 byte");
  assert.equal(formatFileSize(812, "da"), "812 byte");
  assert.equal(formatFileSize(812, "en"), "812 bytes");
  assert.equal(formatFileSize(1023, "da"), "1023 byte");
  assert.equal(formatFileSize(1024, "da"), "1 kB");
  assert.equal(formatFileSize(3_000, "da"), "2,9 kB");
  assert.equal(formatFileSize(12_595, "da"), "12,3 kB");
  assert.equal(formatFileSize(12_595, "en"), "12.3 kB");
  assert.equal(formatFileSize(1024 * 1024, "da"), "1 MB");
  assert.equal(formatFileSize(1_258_292, "da"), "1,2 MB");
  assert.equal(formatFileSize(1_258_292, "en"), "1.2 MB");
  assert.equal(formatFileSize(100 * 1024 * 1024, "da"), "100 MB");
  assert.equal(formatFileSize(1536 * 1024 * 1024, "da"), "1.536 MB");
});
