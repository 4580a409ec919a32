/**
 * Plain text files: UTF-8 (with or without BOM), UTF-16 with BOM, and Windows-1252, the
 * encoding of older Danish Windows exports, detected when the bytes are not valid UTF-8.
 */

interface DecodedText {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const cp1252 = new TextDecoder("windows-1252");
const SAMPLE_BYTES = 65_536;

/** True when the bytes hold control characters no text file has: a binary file, not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SAMPLE_BYTES);
  if (length === 0) return false;
  let control = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return control / length > 0.01;
}

function hasUtf16Bom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** Decodes a text file; the caller checks `looksBinary` first for files without a UTF-16 BOM. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = hasUtf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes.subarray(2)), encoding: utf16 };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: utf8.decode(bytes.subarray(start)), encoding: "utf-8" };
  } catch {
    return { text: cp1252.decode(bytes), encoding: "windows-1252" };
  }
}

export function isUtf16(bytes: Uint8Array): boolean {
  return hasUtf16Bom(bytes) !== null;
}
