import mammoth from "mammoth";
import { ImportError } from "../import-error.ts";
import { htmlToLines } from "./extract-html.ts";
import type { SourceLine } from "./source-lines.ts";
import { guardZip } from "./zip-guard.ts";

/** DOCX through mammoth (headings, lists and tables kept) and then the HTML converter. */
export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<SourceLine[]> {
  guardZip(bytes, fileName);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are not needed for the text; skipping them keeps memory flat.
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), externalFileAccess: false },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError(
      "import.corrupt_docx",
      fileName,
      "not a readable DOCX: Word's XML could not be read",
      { cause: error },
    );
  }
  return htmlToLines(html);
}
