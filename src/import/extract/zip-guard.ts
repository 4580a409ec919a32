import { inflateRawSync } from "node:zlib";
import { ImportError } from "../import-error.ts";

/** Limits for DOCX (zip) files, checked before any XML is read. */
interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Uncompressed size over compressed size of one entry; Word XML compresses about 5-20 times. */
  maxRatio: number;
  maxEntries: number;
}

const defaultZipLimits: ZipLimits = {
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 5000,
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

function readEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new ImportError(
      "import.corrupt_docx",
      fileName,
      "not a readable DOCX: the zip directory is missing (truncated file?)",
    );
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) {
      throw new ImportError(
        "import.corrupt_docx",
        fileName,
        "not a readable DOCX: the zip directory is damaged",
      );
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function bomb(fileName: string, detail: string): ImportError {
  return new ImportError("import.zip_bomb", fileName, `refused as a zip bomb: ${detail}`);
}

/**
 * Checks a DOCX before mammoth inflates it: the sizes the zip directory declares, their ratio,
 * and then the actual inflated size of each entry (a bomb may declare small sizes and lie).
 */
export function guardZip(bytes: Uint8Array, fileName: string, limits: ZipLimits = defaultZipLimits): void {
  const entries = readEntries(bytes, fileName);
  if (entries.length > limits.maxEntries) throw bomb(fileName, `${entries.length} entries`);
  if (!entries.some((entry) => entry.name === "word/document.xml")) {
    throw new ImportError(
      "import.unsupported_format",
      fileName,
      "a zip file that is not a Word document (no word/document.xml)",
    );
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) {
      throw bomb(fileName, `${entry.name} declares a ZIP64 size (over 4 GB)`);
    }
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw bomb(
        fileName,
        `it declares ${Math.round(total / 1048576)} MB uncompressed (limit ${Math.round(limits.maxUncompressedBytes / 1048576)} MB)`,
      );
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > limits.maxRatio && entry.uncompressedSize > 1024 * 1024) {
      throw bomb(fileName, `${entry.name} expands ${Math.round(ratio)} times`);
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    if (entry.method !== 8) continue;
    const local = entry.localHeaderOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) {
      throw new ImportError("import.corrupt_docx", fileName, `not a readable DOCX: ${entry.name} is damaged`);
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    try {
      inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw bomb(fileName, `${entry.name} inflates beyond its declared ${entry.uncompressedSize} bytes`);
      }
      throw new ImportError(
        "import.corrupt_docx",
        fileName,
        `not a readable DOCX: ${entry.name} does not inflate`,
        { cause: error },
      );
    }
  }
}
