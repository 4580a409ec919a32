import type { SourceFormat } from "../parsed-meeting.ts";

/**
 * The common representation every converter produces and the parser reads: the document's
 * lines in reading order, an empty `text` for a paragraph break.
 */
export interface SourceLine {
  text: string;
  /** 1-based page number where the format has pages (PDF, form feeds in text); else null. */
  page: number | null;
  /** Visually a heading: an HTML/DOCX heading, or a PDF line set larger than the body text. */
  heading: boolean;
  /**
   * The line ran to the right margin, so the paragraph goes on in the next line (PDF only).
   * Lets the parser join lines that a text file would have kept as one.
   */
  wrapped: boolean;
}

export interface ExtractedText {
  format: SourceFormat;
  lines: SourceLine[];
  pages: number | null;
  encoding: string | null;
}

/** Plain text (one line per line, form feeds as page breaks) as source lines. */
export function linesFromPlainText(text: string): { lines: SourceLine[]; pages: number | null } {
  const lines: SourceLine[] = [];
  const pageTexts = text.split("\f");
  let page = 1;
  for (const pageText of pageTexts) {
    for (const raw of pageText.split(/\r\n|\r|\n|\u2028|\u2029/)) {
      lines.push({ text: raw, page: pageTexts.length > 1 ? page : null, heading: false, wrapped: false });
    }
    page++;
  }
  return { lines, pages: pageTexts.length > 1 ? pageTexts.length : null };
}
