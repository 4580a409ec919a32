import assert from "node:assert/strict";
import type { ReadPdf } from "./pdf-reader.ts";

interface TocLine {
  number: string | null;
  title: string;
  page: number;
}

const tocLine = /^(?:(\d+[a-z]?(?:\.\d+[a-z]?)*)\.\s+)?(.+?)(?:\s+\.)*\s+(\d+)$/;
const footer = /Side (\d+) af (\d+)$/;

/**
 * The table of contents as printed: its pages run from its heading to the page before the first
 * entry's target. Lines wrapped over two lines are skipped (only their second half has a page).
 */
export function tableOfContents(pdf: ReadPdf): { lines: TocLine[]; pages: number[] } {
  const start = pdf.pages.findIndex((page) => page.includes("Indholdsfortegnelse"));
  assert.ok(start >= 0, "the document has a table of contents");
  const parse = (index: number) =>
    (pdf.pages[index] ?? [])
      .filter((line) => !footer.test(line) && line !== "Indholdsfortegnelse")
      .map((line) => tocLine.exec(line))
      .filter((match) => match !== null)
      .map((match) => ({ number: match[1] ?? null, title: match[2] ?? "", page: Number(match[3]) }));
  const firstTarget = parse(start)[0]?.page;
  assert.ok(firstTarget && firstTarget > start + 1, "the first entry points past the table of contents");
  const pages = Array.from({ length: firstTarget - 1 - start }, (_, i) => start + 1 + i);
  return { lines: pages.flatMap((page) => parse(page - 1)), pages };
}

/** Every page carries "Side N af total" with its own number and the true total. */
export function assertPageFooters(pdf: ReadPdf): void {
  pdf.pages.forEach((lines, index) => {
    const match = lines.map((line) => footer.exec(line)).find(Boolean);
    assert.ok(match, `page ${index + 1} has a "Side X af Y" footer: ${lines.at(-1)}`);
    assert.equal(Number(match[1]), index + 1, `page ${index + 1} is numbered ${match[1]}`);
    assert.equal(Number(match[2]), pdf.pageCount, `page ${index + 1} counts ${match[2]} pages`);
  });
}

/**
 * Each item line of the table of contents names the page its heading is on: the first page after
 * the table of contents where a line reads "<number>. <title>".
 */
export function assertTocMatchesHeadings(pdf: ReadPdf, toc: { lines: TocLine[]; pages: number[] }): void {
  const firstBodyPage = Math.max(...toc.pages) + 1;
  for (const entry of toc.lines.filter((line) => line.number !== null)) {
    const heading = `${entry.number}. ${entry.title}`;
    const found = pdf.pages.findIndex(
      (lines, index) => index + 1 >= firstBodyPage && lines.includes(heading),
    );
    assert.ok(found >= 0, `the heading "${heading}" appears in the document`);
    assert.equal(
      entry.page,
      found + 1,
      `"${heading}" is listed on page ${entry.page}, and printed on ${found + 1}`,
    );
  }
}

/** All text a reader could reach: pages, bookmarks, link descriptions, metadata. */
export function everythingReadable(pdf: ReadPdf, outline: string[]): string {
  return [
    ...pdf.pages.flat(),
    ...outline,
    ...pdf.annotationTexts,
    pdf.info.Title ?? "",
    pdf.info.Subject ?? "",
    pdf.info.Author ?? "",
  ].join("\n");
}
