import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ImportError } from "../import-error.ts";
import type { SourceLine } from "./source-lines.ts";

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface VisualLine {
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
}

interface ExtractedPdf {
  lines: SourceLine[];
  pages: number;
}

const EOF_WINDOW = 2048;
/** Fewer visible characters per page than this, and the PDF is taken for a scan. */
const MIN_CHARACTERS_PER_PAGE = 8;

function hasEndOfFile(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .subarray(Math.max(0, bytes.length - EOF_WINDOW))
    .toString("latin1");
  return tail.includes("%%EOF");
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof (item as PdfTextItem).str === "string" && Array.isArray((item as PdfTextItem).transform);
}

/** Text items of one page in visual lines: a new line where the baseline moves or pdf.js saw a line end. */
function pageLines(items: readonly PdfTextItem[]): VisualLine[] {
  const lines: VisualLine[] = [];
  let current: VisualLine | null = null;
  let breakNext = false;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.transform[3] ?? item.height) || item.height || 10;
    if (!item.str) {
      if (item.hasEOL) breakNext = true;
      continue;
    }
    const sameLine = current !== null && !breakNext && Math.abs(current.y - y) < size * 0.5;
    if (!sameLine || !current) {
      current = { text: item.str, x, xEnd: x + item.width, y, size };
      lines.push(current);
    } else {
      const gap = x - current.xEnd;
      const joiner =
        gap > size * 2.5
          ? "\t"
          : gap > size * 0.2 && !current.text.endsWith(" ") && !item.str.startsWith(" ")
            ? " "
            : "";
      current.text += joiner + item.str;
      current.xEnd = Math.max(current.xEnd, x + item.width);
      current.size = Math.max(current.size, size);
    }
    breakNext = item.hasEOL;
  }
  return lines.filter((line) => line.text.trim().length > 0);
}

/** The most common font size, weighted by text length: the body text's size. */
function bodySize(pages: readonly VisualLine[][]): number {
  const weights = new Map<number, number>();
  for (const page of pages) {
    for (const line of page) {
      const key = Math.round(line.size * 2) / 2;
      weights.set(key, (weights.get(key) ?? 0) + line.text.length);
    }
  }
  let best = 10;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * PDF text through pdf.js, with positions used where they help: paragraph breaks from vertical
 * gaps, headings from larger type, and lines that ran to the right margin marked as wrapped.
 */
export async function extractPdf(bytes: Uint8Array, fileName: string): Promise<ExtractedPdf> {
  if (!hasEndOfFile(bytes)) {
    throw new ImportError(
      "import.truncated_pdf",
      fileName,
      "truncated PDF: the file ends before its %%EOF marker",
    );
  }
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  const task = getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "PasswordException") {
      throw new ImportError("import.encrypted_pdf", fileName, "encrypted PDF: it needs a password to open", {
        cause: error,
      });
    }
    throw new ImportError("import.corrupt_pdf", fileName, `unreadable PDF: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    const pages: VisualLine[][] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items as unknown[]) if (isTextItem(item)) items.push(item);
      const lines = pageLines(items);
      for (const line of lines) characters += line.text.replace(/\s+/g, "").length;
      pages.push(lines);
      page.cleanup();
    }
    if (characters < MIN_CHARACTERS_PER_PAGE * Math.max(1, pdf.numPages) && characters < 40) {
      throw new ImportError(
        "import.no_text_layer",
        fileName,
        "no text layer: the PDF is scanned; OCR is not supported",
      );
    }
    const body = bodySize(pages);
    const out: SourceLine[] = [];
    pages.forEach((lines, index) => {
      const page = index + 1;
      const left = Math.min(...lines.map((line) => line.x));
      const right = Math.max(...lines.map((line) => line.xEnd));
      const width = Math.max(1, right - left);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as VisualLine;
        const next = lines[i + 1];
        const previous = lines[i - 1];
        if (previous) {
          const gap = previous.y - line.y;
          if (gap > Math.max(previous.size, line.size) * 1.75 || gap < 0)
            out.push({ text: "", page, heading: false, wrapped: false });
        }
        const heading = line.size >= body * 1.15;
        const wrapped =
          next !== undefined &&
          line.y - next.y <= line.size * 1.75 &&
          line.xEnd >= right - width * 0.12 &&
          Math.abs(next.size - line.size) < 0.5;
        out.push({ text: line.text, page, heading, wrapped });
      }
    });
    return { lines: out, pages: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}
