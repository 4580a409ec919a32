/**
 * Parse throughput: text documents per second and MB/s, and PDF pages per second, each next to
 * the text extraction alone measured in the same run, so the parser's own share shows as a
 * ratio. Targets: at least 200 text documents/s on one core; the parser adds at most 25 % to
 * PDF extraction time.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import PDFDocument from "pdfkit";
import { extractPdf } from "../src/import/extract/extract-pdf.ts";
import { decodeText } from "../src/import/extract/extract-text.ts";
import { linesFromPlainText, type SourceLine } from "../src/import/extract/source-lines.ts";
import { parseSourceLines } from "../src/import/parse/parse-meeting.ts";
import { parseDocument } from "../src/import/parse-document.ts";

const seeds = new URL("../../shared/seeds/", import.meta.url);
const fixtures = new URL("../test/fixtures/import/", import.meta.url);

const textDocuments: { name: string; bytes: Uint8Array }[] = [
  { name: "001_fc010784cd8fe213.txt", url: new URL("001_fc010784cd8fe213.txt", seeds) },
  { name: "002_b19148eff8b2a7c8.txt", url: new URL("002_b19148eff8b2a7c8.txt", seeds) },
  { name: "firstagenda-oekonomiudvalget.txt", url: new URL("firstagenda-oekonomiudvalget.txt", fixtures) },
  { name: "sbsys-byraad-windows-1252.txt", url: new URL("sbsys-byraad-windows-1252.txt", fixtures) },
].map(({ name, url }) => ({ name, bytes: new Uint8Array(readFileSync(url)) }));

/** Runs `work` over and over for at least `seconds`; returns runs per second. */
async function rate(seconds: number, work: () => unknown): Promise<{ perSecond: number; runs: number }> {
  for (let i = 0; i < 3; i++) await work();
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < seconds * 1000) {
    await work();
    runs++;
  }
  return { perSecond: (runs * 1000) / (performance.now() - start), runs };
}

/** A seed document typeset as a PDF the way a secretariat's Word export would look. */
function typeset(text: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 60, bufferPages: true });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    for (const line of text.split("\n")) {
      const heading = /^\d+(?:\.\d+)*\.\s/.test(line);
      doc.font(heading ? "Helvetica-Bold" : "Helvetica").fontSize(heading ? 13 : 10);
      doc.text(line.replace(/\t/g, "    ") || " ");
    }
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font("Helvetica")
        .fontSize(8)
        .text(`Side ${i + 1} af ${range.count}`, 60, doc.page.height - 40, { lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}

function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

export async function benchParse(): Promise<void> {
  const seconds = 2;
  console.log(`parse bench: node ${process.version}, one core, ${seconds} s per measurement`);

  // Text: decoding and splitting into lines is the "extraction"; parseDocument does both plus parsing.
  const totalBytes = textDocuments.reduce((sum, doc) => sum + doc.bytes.length, 0);
  const n = textDocuments.length;
  const extractText = await rate(seconds, () => {
    for (const doc of textDocuments) linesFromPlainText(decodeText(doc.bytes).text);
  });
  const parseText = await rate(seconds, async () => {
    for (const doc of textDocuments) await parseDocument(doc.bytes, doc.name);
  });
  const textDocsPerSecond = parseText.perSecond * n;
  console.log(
    `text: ${n} documents, ${fixed(totalBytes / 1024)} KB; extraction alone ${fixed(extractText.perSecond * n, 0)} documents/s; ` +
      `extraction + parse ${fixed(textDocsPerSecond, 0)} documents/s, ${fixed((parseText.perSecond * totalBytes) / 1048576, 2)} MB/s ` +
      `(target >= 200 documents/s: ${textDocsPerSecond >= 200 ? "met" : "NOT met"})`,
  );

  // PDF: pdf.js extraction alone versus extraction + parse, on the seeds typeset as PDFs.
  const pdfs = await Promise.all(
    textDocuments.slice(0, 2).map(async (doc) => ({
      name: doc.name.replace(".txt", ".pdf"),
      bytes: await typeset(decodeText(doc.bytes).text),
    })),
  );
  const extracted: SourceLine[][] = [];
  let pages = 0;
  for (const pdf of pdfs) {
    const result = await extractPdf(pdf.bytes, pdf.name);
    extracted.push(result.lines);
    pages += result.pages;
  }
  const extractPdfRate = await rate(seconds, async () => {
    for (const pdf of pdfs) await extractPdf(pdf.bytes, pdf.name);
  });
  const parseOnly = await rate(seconds, () => {
    for (const lines of extracted)
      parseSourceLines(lines, { fileName: null, format: "pdf", pages: null, encoding: null });
  });
  const full = await rate(seconds, async () => {
    for (const pdf of pdfs) await parseDocument(pdf.bytes, pdf.name);
  });
  const extractSeconds = 1 / extractPdfRate.perSecond;
  const parseSeconds = 1 / parseOnly.perSecond;
  const overhead = parseSeconds / extractSeconds;
  console.log(
    `pdf: ${pdfs.length} documents, ${pages} pages; extraction alone ${fixed(extractPdfRate.perSecond * pages)} pages/s; ` +
      `extraction + parse ${fixed(full.perSecond * pages)} pages/s; parser alone ${fixed(parseOnly.perSecond * pages, 0)} pages/s`,
  );
  console.log(
    `pdf: parser overhead ${fixed(overhead * 100)} % of extraction time (ratio ${fixed(overhead, 3)}; target <= 25 %: ${overhead <= 0.25 ? "met" : "NOT met"})`,
  );
}

if (import.meta.main) await benchParse();
