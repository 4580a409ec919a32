import type { Block, Run } from "./markdown.ts";
import { toWinAnsi } from "./win-ansi.ts";

export type Doc = PDFKit.PDFDocument;
export type Element = PDFKit.PDFStructureElement;

/** The standard fonts: no font file to ship, and WinAnsi covers Danish. */
export const fonts = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
  mono: "Courier",
} as const;

export const colors = { text: "#1a1a1a", muted: "#3d3d3d", link: "#1f4e9c", rule: "#8a8a8a" } as const;

export const sizes = { body: 10.5, small: 9.5, footer: 8.5 } as const;

/** Space between lines, and after a paragraph. */
const LINE_GAP = 2.5;
const PARAGRAPH_GAP = 6;
const TIGHT_GAP = 2;
const BULLET_WIDTH = 14;

export interface Box {
  x: number;
  width: number;
}

interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  gapAfter?: number;
}

function fontOf(run: Run): string {
  if (run.code) return fonts.mono;
  if (run.bold && run.italic) return fonts.boldItalic;
  if (run.bold) return fonts.bold;
  if (run.italic) return fonts.italic;
  return fonts.regular;
}

export const plainRun = (text: string, style: Partial<Run> = {}): Run => ({
  text,
  bold: false,
  italic: false,
  code: false,
  href: null,
  ...style,
});

/**
 * Writes tagged content with pdfkit: every piece of text is marked content of a structure element
 * (H1..H6, P, L/LI/Lbl/LBody, Link, Table), everything decorative is an artifact. Content is drawn
 * by closures added to elements already attached to the tree, so pdfkit marks it as it is drawn;
 * a page break inside such a closure continues the marking on the next page. Pages are only added
 * between closures (`ensureSpace`), never inside one. Containers (sections, lists) are not ended
 * here: ending one ends all it holds, and a paragraph may still get content once the pages are
 * known (page references); the document's root ends them all at the end.
 */
export class TaggedWriter {
  readonly doc: Doc;

  constructor(doc: Doc) {
    this.doc = doc;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get box(): Box {
    return { x: this.left, width: this.width };
  }

  pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  lineHeight(size: number = sizes.body, font: string = fonts.regular): number {
    return this.doc.font(font).fontSize(size).currentLineHeight(true) + LINE_GAP;
  }

  /** Starts a new page unless `height` still fits on this one; true when it broke. */
  ensureSpace(height: number): boolean {
    if (this.doc.y + height <= this.doc.page.maxY()) return false;
    this.doc.addPage();
    return true;
  }

  /** Draws something that is not content (rules, leaders, page numbers) as an artifact. */
  artifact(draw: () => void, type?: "Pagination" | "Layout"): void {
    this.doc.markContent("Artifact", type ? { type } : undefined);
    draw();
    this.doc.endMarkedContent();
  }

  /** One element holding one piece of plain text, e.g. a heading. */
  text(parent: Element, type: string, text: string, box: Box, style: TextStyle = {}): void {
    this.runs(parent, type, [plainRun(text)], box, style);
  }

  /** A heading that is not left alone at the bottom of a page: `keepLines` lines follow it there. */
  heading(
    parent: Element,
    level: number,
    text: string,
    box: Box,
    style: TextStyle & { keepLines?: number; destination?: string; placed?: (top: number) => void } = {},
  ): void {
    const size = style.size ?? sizes.body;
    const font = style.font ?? fonts.bold;
    const height = this.doc
      .font(font)
      .fontSize(size)
      .heightOfString(toWinAnsi(text), { width: box.width, lineGap: LINE_GAP });
    this.ensureSpace(height + (style.keepLines ?? 3) * this.lineHeight());
    if (style.destination) this.doc.addNamedDestination(style.destination, "XYZ", null, this.doc.y, null);
    style.placed?.(this.doc.y);
    this.text(parent, `H${Math.min(6, Math.max(1, level))}`, text, box, { ...style, font, size });
  }

  /**
   * Styled runs as one element (a paragraph). Runs with a link become Link elements inside it, with
   * their annotation in the structure tree as PDF/UA asks. With `open`, the element is returned
   * unended, with the top of its last line, for content to be added later.
   */
  runs(
    parent: Element,
    type: string,
    runs: readonly Run[],
    box: Box,
    style: TextStyle & { open?: boolean } = {},
  ): { element: Element; lastLineY: number } | null {
    const doc = this.doc;
    const size = style.size ?? sizes.body;
    const color = style.color ?? colors.text;
    const written = runs.map((run) => ({ ...run, text: toWinAnsi(run.text) })).filter((run) => run.text);
    if (written.length === 0) return null;
    this.ensureSpace(this.lineHeight(size));
    const element = doc.struct(type);
    parent.add(element);
    let first = true;
    const last = written.length - 1;
    const draw = (run: Run, index: number) => {
      doc
        .font(run.bold || run.italic || run.code ? fontOf(run) : (style.font ?? fonts.regular))
        .fontSize(run.code ? size - 0.5 : size)
        .fillColor(run.href ? colors.link : color);
      const options: PDFKit.Mixins.TextOptions = {
        width: box.width,
        lineGap: LINE_GAP,
        continued: index < last,
        underline: run.href !== null,
      };
      if (run.href) options.link = run.href;
      if (first) doc.text(run.text, box.x, doc.y, options);
      else doc.text(run.text, options);
      first = false;
    };
    // Consecutive runs with the same link (or none) are one piece of marked content.
    let index = 0;
    while (index <= last) {
      const href = written[index]?.href ?? null;
      const from = index;
      while (index <= last && (written[index]?.href ?? null) === href) index++;
      const piece = () => {
        for (let i = from; i < index; i++) draw(written[i] as Run, i);
      };
      if (href) {
        const link = doc.struct("Link");
        element.add(link);
        link.add(piece);
        link.end();
      } else {
        element.add(piece);
      }
    }
    if (!style.open) element.end();
    doc.fillColor(colors.text);
    doc.x = box.x;
    const lastLineY = doc.y - this.lineHeight(size);
    doc.y += style.gapAfter ?? PARAGRAPH_GAP;
    return { element, lastLineY };
  }

  /** A list whose items are drawn by `drawItem` into their LBody. */
  list<T>(
    parent: Element,
    items: readonly T[],
    labelOf: (item: T, index: number) => string,
    box: Box,
    drawItem: (body: Element, item: T, box: Box) => void,
    style: { size?: number; gapAfter?: number } = {},
  ): void {
    const doc = this.doc;
    const size = style.size ?? sizes.body;
    if (items.length === 0) return;
    doc.font(fonts.regular).fontSize(size);
    const labels = items.map((item, index) => toWinAnsi(labelOf(item, index)));
    const labelWidth = Math.max(BULLET_WIDTH, ...labels.map((label) => doc.widthOfString(label) + 6));
    const list = doc.struct("L");
    parent.add(list);
    const inner = { x: box.x + labelWidth, width: box.width - labelWidth };
    items.forEach((item, index) => {
      this.ensureSpace(this.lineHeight(size) * 1.5);
      const listItem = doc.struct("LI");
      list.add(listItem);
      const y = doc.y;
      listItem.add(
        doc.struct("Lbl", {}, () => {
          doc
            .font(fonts.regular)
            .fontSize(size)
            .fillColor(colors.text)
            .text(labels[index] ?? "", box.x, y, { lineBreak: false });
        }),
      );
      doc.x = inner.x;
      doc.y = y;
      const body = doc.struct("LBody");
      listItem.add(body);
      drawItem(body, item, inner);
    });
    doc.x = box.x;
    doc.y += (style.gapAfter ?? PARAGRAPH_GAP) - TIGHT_GAP;
  }

  /** Markdown blocks; `headingLevel` is the level of the section they sit under. */
  blocks(parent: Element, blocks: readonly Block[], box: Box, headingLevel: number): void {
    for (const block of blocks) {
      switch (block.type) {
        case "paragraph":
          this.runs(parent, "P", block.runs, box, { gapAfter: block.tight ? TIGHT_GAP : PARAGRAPH_GAP });
          break;
        case "heading":
          this.doc.y += 2;
          this.heading(
            parent,
            headingLevel + Math.max(1, block.level - 1),
            block.runs.map((run) => run.text).join(""),
            box,
            { keepLines: 2 },
          );
          break;
        case "list":
          this.list(
            parent,
            block.items,
            (item) => item.label,
            box,
            (body, item, inner) => this.blocks(body, item.blocks, inner, headingLevel),
          );
          break;
        case "quote": {
          const quote = this.doc.struct("BlockQuote");
          parent.add(quote);
          this.blocks(quote, block.blocks, { x: box.x + 16, width: box.width - 16 }, headingLevel);
          break;
        }
        case "code":
          this.runs(parent, "P", [plainRun(block.text, { code: true })], box);
          break;
        case "table":
          this.table(parent, block.header, block.rows, box);
          break;
        case "rule": {
          this.ensureSpace(12);
          const y = this.doc.y + 4;
          this.artifact(() => {
            this.doc
              .moveTo(box.x, y)
              .lineTo(box.x + box.width, y)
              .lineWidth(0.5)
              .strokeColor(colors.rule)
              .stroke();
          }, "Layout");
          this.doc.y = y + 8;
          break;
        }
      }
    }
  }

  /** A Markdown table as a tagged table (Table, TR, TH, TD), from pdfkit's table support. */
  table(parent: Element, header: readonly string[], rows: readonly string[][], box: Box): void {
    const doc = this.doc;
    const columns = Math.max(header.length, ...rows.map((row) => row.length));
    if (columns === 0) return;
    this.ensureSpace(this.lineHeight(sizes.small) * 2 + 8);
    doc.font(fonts.regular).fontSize(sizes.small).fillColor(colors.text);
    const cell = (text: string | undefined) => toWinAnsi(text ?? "");
    const data: PDFKit.Mixins.CellOptions[][] = [];
    if (header.length) {
      data.push(
        Array.from({ length: columns }, (_, i) => ({
          text: cell(header[i]),
          type: "TH" as const,
          font: { src: fonts.bold },
        })),
      );
    }
    for (const row of rows) data.push(Array.from({ length: columns }, (_, i) => ({ text: cell(row[i]) })));
    doc.table({
      position: { x: box.x, y: doc.y },
      maxWidth: box.width,
      defaultStyle: { padding: 3, border: 0.5, borderColor: colors.rule },
      data,
      structParent: parent,
    } as PDFKit.Mixins.TableOptionsWithData);
    doc.x = box.x;
    doc.y += PARAGRAPH_GAP;
  }
}
