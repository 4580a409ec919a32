import { extractDocx } from "./extract/extract-docx.ts";
import { htmlToLines } from "./extract/extract-html.ts";
import { extractPdf } from "./extract/extract-pdf.ts";
import { decodeText, isUtf16, looksBinary } from "./extract/extract-text.ts";
import { type ExtractedText, linesFromPlainText } from "./extract/source-lines.ts";
import { ImportError } from "./import-error.ts";
import { parseSourceLines } from "./parse/parse-meeting.ts";
import type { ParsedMeeting, SourceFormat } from "./parsed-meeting.ts";

/** Files larger than this are refused before they are read. */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

interface ParseOptions {
  /** Refuse files over this many bytes (default 100 MB). */
  maxBytes?: number;
}

const PDF_MAGIC = "%PDF-";
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OTHER_BINARY: { magic: number[]; what: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { magic: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: "a TIFF image" },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: "a TIFF image" },
  { magic: [0x1f, 0x8b], what: "a gzip archive" },
];
const HTML_START =
  /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<div[\s>]|<p[\s>]|<h[1-6][\s>]|<!--)/i;
const HTML_EXTENSION = /\.x?html?$/i;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** The format, from the bytes first and the file name only to tell HTML from text. */
function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    "latin1",
  );
  if (head.includes(PDF_MAGIC)) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) return "docx";
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new ImportError(
      "import.unsupported_format",
      fileName,
      "a legacy Word/Office (.doc) file; save it as DOCX or PDF",
    );
  }
  if (head.startsWith("{\\rtf")) {
    throw new ImportError("import.unsupported_format", fileName, "an RTF file; save it as DOCX, PDF or text");
  }
  for (const { magic, what } of OTHER_BINARY) {
    if (startsWith(bytes, magic))
      throw new ImportError("import.unsupported_format", fileName, `${what}, not a document`);
  }
  if (!isUtf16(bytes) && looksBinary(bytes)) {
    throw new ImportError(
      "import.binary_file",
      fileName,
      "binary data, not a document in a supported format (PDF, DOCX, HTML, text)",
    );
  }
  if (HTML_EXTENSION.test(fileName) || HTML_START.test(head)) return "html";
  return "text";
}

/** Extracts the text of a document as source lines; throws `ImportError` for bad input. */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ExtractedText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength === 0) throw new ImportError("import.empty_file", fileName, "the file is empty");
  if (bytes.byteLength > maxBytes) {
    throw new ImportError(
      "import.too_large",
      fileName,
      `the file is ${bytes.byteLength} bytes, over the limit of ${maxBytes} bytes`,
    );
  }
  const format = detectFormat(bytes, fileName);
  let extracted: ExtractedText;
  if (format === "pdf") {
    const pdf = await extractPdf(bytes, fileName);
    extracted = { format, lines: pdf.lines, pages: pdf.pages, encoding: null };
  } else if (format === "docx") {
    extracted = { format, lines: await extractDocx(bytes, fileName), pages: null, encoding: null };
  } else {
    const decoded = decodeText(bytes);
    if (format === "html") {
      extracted = { format, lines: htmlToLines(decoded.text), pages: null, encoding: decoded.encoding };
    } else {
      const { lines, pages } = linesFromPlainText(decoded.text);
      extracted = { format, lines, pages, encoding: decoded.encoding };
    }
  }
  if (!extracted.lines.some((line) => line.text.trim().length > 0)) {
    throw new ImportError("import.empty_file", fileName, "the document holds no text");
  }
  return extracted;
}

/**
 * Reads an agenda or minutes document (PDF with a text layer, DOCX, HTML, or text in UTF-8 or
 * Windows-1252) into a structured meeting. Writes nothing. Throws `ImportError` for bad input:
 * empty, too large, unsupported or binary, scanned, encrypted or truncated PDF, zip bomb.
 */
export async function parseDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ParsedMeeting> {
  const extracted = await extractDocument(bytes, fileName, options);
  return parseSourceLines(extracted.lines, {
    fileName,
    format: extracted.format,
    pages: extracted.pages,
    encoding: extracted.encoding,
  });
}

/** Parses text already extracted (lines; form feeds between pages) into a meeting. */
export function parseText(text: string, fileName: string | null = null): ParsedMeeting {
  const { lines, pages } = linesFromPlainText(text);
  return parseSourceLines(lines, { fileName, format: "text", pages, encoding: null });
}

export { ImportError };
