import { Parser } from "htmlparser2";
import type { SourceLine } from "./source-lines.ts";

const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "address",
  "figure",
  "figcaption",
  "caption",
]);
/** Blocks after which a paragraph break belongs. */
const PARAGRAPH = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "ul",
  "ol",
  "blockquote",
  "pre",
  "dl",
  "hr",
]);
const HEADING = /^h[1-6]$/;
const SKIPPED = new Set(["script", "style", "head", "template", "noscript", "svg", "object"]);
const CELL = new Set(["td", "th"]);

/**
 * HTML (and the HTML mammoth makes of DOCX) as source lines: one line per block, table cells
 * separated by tabs, list items as `- ` bullets, headings flagged.
 */
export function htmlToLines(html: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let buffer = "";
  let heading = 0;
  let skip = 0;
  let pre = 0;
  let cellsInRow = 0;

  const flush = () => {
    const text = buffer.replace(/[ \t\u00a0]*\t[ \t\u00a0]*/g, "\t").trim();
    if (text) lines.push({ text, page: null, heading: heading > 0, wrapped: false });
    buffer = "";
  };
  const paragraphBreak = () => {
    flush();
    if (lines.length && lines[lines.length - 1]?.text !== "")
      lines.push({ text: "", page: null, heading: false, wrapped: false });
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) {
          skip++;
          return;
        }
        if (skip) return;
        if (name === "br") {
          flush();
          return;
        }
        if (CELL.has(name)) {
          if (cellsInRow++ > 0) buffer += "\t";
          return;
        }
        if (name === "tr") cellsInRow = 0;
        if (BLOCK.has(name)) flush();
        if (name === "li") buffer += "- ";
        if (HEADING.test(name)) heading++;
        if (name === "pre") pre++;
      },
      ontext(text) {
        if (skip) return;
        if (pre) {
          const parts = text.split("\n");
          parts.forEach((part, index) => {
            if (index > 0) flush();
            buffer += part;
          });
        } else buffer += text.replace(/\s+/g, " ");
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        if (PARAGRAPH.has(name)) paragraphBreak();
        else if (BLOCK.has(name)) flush();
        if (HEADING.test(name)) heading = Math.max(0, heading - 1);
        if (name === "pre") pre = Math.max(0, pre - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines;
}
