import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import PDFKit from "pdfkit";

interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

/** What a reader (and a screen reader) gets out of a PDF: lines per page, outline, tags, metadata. */
export interface ReadPdf {
  pageCount: number;
  /** The visual lines of each page, top to bottom (page 1 is index 0). */
  pages: string[][];
  outline: OutlineNode[];
  marked: boolean;
  info: { Title?: string; Language?: string; Author?: string; Subject?: string };
  /** Link descriptions (/Contents) of every annotation. */
  annotationTexts: string[];
  /** Roles of the structure tree of each page (null when the page has none). */
  structureRoles: (string[] | null)[];
  catalog: { structTreeRoot: boolean; lang: string | null; displayDocTitle: boolean };
}

function lines(items: readonly TextItem[]): string[] {
  const rows = new Map<number, { x: number; width: number; str: string }[]>();
  for (const item of items) {
    if (!item.str) continue;
    const y = Math.round(item.transform[5] ?? 0);
    const key = [...rows.keys()].find((known) => Math.abs(known - y) <= 2) ?? y;
    const row = rows.get(key) ?? [];
    row.push({ x: item.transform[4] ?? 0, width: item.width, str: item.str });
    rows.set(key, row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) => {
      let text = "";
      let end = Number.NEGATIVE_INFINITY;
      // Pieces that touch are one word; a gap between them is a space.
      for (const part of row.sort((a, b) => a.x - b.x)) {
        text += part.x - end > 1 ? ` ${part.str}` : part.str;
        end = part.x + part.width;
      }
      return text.replace(/\s+/g, " ").trim();
    })
    .filter(Boolean);
}

function roles(node: unknown, into: string[]): string[] {
  const { role, children } = node as { role?: string; children?: unknown[] };
  if (role) into.push(role);
  for (const child of children ?? []) roles(child, into);
  return into;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes over (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[][] = [];
    const annotationTexts: string[] = [];
    const structureRoles: (string[] | null)[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(lines(content.items.filter((item): item is TextItem & typeof item => "str" in item)));
      for (const annotation of await page.getAnnotations()) {
        const text = (annotation as { contentsObj?: { str?: string } }).contentsObj?.str;
        if (text) annotationTexts.push(text);
      }
      const tree = await page.getStructTree();
      structureRoles.push(tree ? roles(tree, []) : null);
    }
    const outline = ((await pdf.getOutline()) ?? []) as unknown as OutlineNode[];
    const marked = (await pdf.getMarkInfo())?.Marked === true;
    const info = (await pdf.getMetadata()).info as ReadPdf["info"];
    const lib = await PDFDocument.load(bytes, { updateMetadata: false });
    const viewer = lib.catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict);
    const catalog = {
      structTreeRoot: lib.catalog.has(PDFName.of("StructTreeRoot")),
      lang:
        lib.catalog
          .lookup(PDFName.of("Lang"))
          ?.toString()
          .replace(/^\(|\)$/g, "") ?? null,
      displayDocTitle: viewer?.get(PDFName.of("DisplayDocTitle"))?.toString() === "true",
    };
    return {
      pageCount: pdf.numPages,
      pages,
      outline,
      marked,
      info,
      annotationTexts,
      structureRoles,
      catalog,
    };
  } finally {
    await pdf.destroy();
  }
}

/** Every outline entry's title, depth first. */
export function outlineTitles(nodes: readonly OutlineNode[]): string[] {
  return nodes.flatMap((node) => [node.title, ...outlineTitles(node.items)]);
}

/** A plain (untagged) PDF of `pages` pages reading "<label> side N", as an attachment. */
export function samplePdf(
  label: string,
  pages: number,
  options: { password?: string } = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFKit({ size: "A4", ...(options.password ? { userPassword: options.password } : {}) });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    for (let page = 1; page <= pages; page++) {
      if (page > 1) doc.addPage();
      doc.fontSize(18).text(`${label} side ${page}`, 72, 100);
    }
    doc.end();
  });
}
