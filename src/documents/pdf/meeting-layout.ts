import { CLOSED_ITEM_TITLE } from "../../core/publication/visibility.ts";
import { formatFileSize } from "../../web/format.ts";
import type {
  DocumentAttachment,
  DocumentAttendee,
  DocumentItem,
  MeetingDocument,
} from "../meeting-document.ts";
import type { Placement } from "./append-attachments.ts";
import { markdownBlocks } from "./markdown.ts";
import {
  type Box,
  colors,
  type Doc,
  type Element,
  fonts,
  plainRun,
  sizes,
  TaggedWriter,
} from "./tagged-writer.ts";
import { toWinAnsi } from "./win-ansi.ts";

/** What the combined edition appends: each readable PDF attachment's page count, by file id. */
export interface AppendPlan {
  pageCounts: ReadonlyMap<string, number>;
  /** PDF attachments that could not be read (damaged, encrypted): listed, not appended. */
  unreadable: ReadonlySet<string>;
}

/** Where things landed: what the second pass needs for its table of contents, and the merge after. */
export interface Layout {
  /** 0-based page index of every table-of-contents entry's target, by entry key. */
  pages: Map<string, number>;
  /** Blank pages held for appended attachments, filled after rendering. */
  placeholders: Placement[];
  pageCount: number;
}

interface Group {
  heading: string | null;
  number: string | null;
  key: string;
  items: { item: DocumentItem; index: number }[];
}

interface TocEntry {
  key: string;
  kind: "group" | "item" | "attachment";
  number: string | null;
  title: string;
  destination: string;
}

const itemKey = (index: number) => `item:${index}`;
const fileKey = (fileId: string) => `file:${fileId}`;

/** `3.1` is written `3.1.` in a heading, as the bodies' own documents do. */
const numbered = (number: string | null, title: string) => (number ? `${number}. ${title}` : title);

/** Consecutive items under the same heading form a group; its number is their common prefix (3 for 3.1, 3.2). */
function groupsOf(items: readonly DocumentItem[]): Group[] {
  const groups: Group[] = [];
  items.forEach((item, index) => {
    const current = groups.at(-1);
    if (current && item.groupHeading !== null && current.heading === item.groupHeading) {
      current.items.push({ item, index });
    } else {
      groups.push({
        heading: item.groupHeading,
        number: null,
        key: `group:${groups.length}`,
        items: [{ item, index }],
      });
    }
  });
  for (const group of groups) {
    const prefixes = new Set(
      group.items.map(({ item }) => (item.number.includes(".") ? item.number.replace(/\.[^.]*$/, "") : null)),
    );
    const [prefix] = prefixes;
    if (group.heading && prefixes.size === 1 && prefix) group.number = prefix;
  }
  return groups;
}

function appendedOf(item: DocumentItem, plan: AppendPlan | null): DocumentAttachment[] {
  return plan ? item.attachments.filter((file) => plan.pageCounts.has(file.fileId)) : [];
}

function tocEntries(groups: readonly Group[], plan: AppendPlan | null): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const group of groups) {
    if (group.heading) {
      entries.push({
        key: group.key,
        kind: "group",
        number: group.number,
        title: group.heading,
        destination: group.key.replace(":", "-"),
      });
    }
    for (const { item, index } of group.items) {
      entries.push({
        key: itemKey(index),
        kind: "item",
        number: item.number,
        title: item.title,
        destination: `punkt-${index + 1}`,
      });
      for (const file of appendedOf(item, plan)) {
        entries.push({
          key: fileKey(file.fileId),
          kind: "attachment",
          number: null,
          title: `Bilag: ${file.name}`,
          destination: `bilag-${file.fileId}`,
        });
      }
    }
  }
  return entries;
}

/** "A, B og C". */
function danishList(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} og ${names.at(-1)}`;
}

const kinds: [RegExp, string][] = [
  [/^application\/pdf$/, "PDF"],
  [/wordprocessingml|msword/, "Word"],
  [/spreadsheetml|ms-excel/, "Excel"],
  [/presentationml|ms-powerpoint/, "PowerPoint"],
  [/^image\//, "billede"],
  [/^text\/html$/, "HTML"],
  [/^text\//, "tekst"],
];

/** "PDF, 245,3 kB": what a reader needs to decide whether to open an attachment. */
function describeFile(file: Pick<DocumentAttachment, "mediaType" | "sizeBytes">): string {
  const kind = kinds.find(([pattern]) => pattern.test(file.mediaType))?.[1] ?? "fil";
  return `${kind}, ${formatFileSize(file.sizeBytes, "da")}`;
}

/** "Side 3 af 12". */
export const pageLabel = (page: number, total: number) => `Side ${page} af ${total}`;

/** The footer's left part: which document this page belongs to, when printed and stapled. */
function footerTitle(model: MeetingDocument): string {
  const marks = [model.edition === "members" ? "Medlemsudgave" : null, model.draft ? "Udkast" : null];
  return [model.documentTitle, ...marks].filter(Boolean).join(" · ");
}

function bookmark(
  doc: Doc,
  parent: PDFKit.PDFOutline,
  title: string,
  top: number,
  expanded = false,
): PDFKit.PDFOutline {
  const entry = parent.addItem(title, { expanded });
  // pdfkit points bookmarks at a whole page (or, given options, at a wrong left edge): point at the
  // heading itself, leaving the horizontal position as it is.
  const data = (entry as unknown as { outlineData?: { Dest?: unknown[] } }).outlineData;
  if (data) data.Dest = [doc.page.dictionary, "XYZ", null, doc.page.height - top, null];
  return entry;
}

class MeetingLayout {
  readonly w: TaggedWriter;
  readonly doc: Doc;
  readonly model: MeetingDocument;
  readonly plan: AppendPlan | null;
  readonly pages = new Map<string, number>();
  readonly placeholders: Layout["placeholders"] = [];
  readonly root: Element;
  /** Page references drawn once every page is known, in the order they were laid out. */
  private readonly pageReferences: (() => void)[] = [];

  constructor(doc: Doc, model: MeetingDocument, plan: AppendPlan | null) {
    this.doc = doc;
    this.w = new TaggedWriter(doc);
    this.model = model;
    this.plan = plan;
    this.root = doc.struct("Document");
    doc.addStructure(this.root);
  }

  run(): Layout {
    const groups = groupsOf(this.model.items);
    this.frontPage();
    if (groups.length > 0) {
      this.doc.addPage();
      this.tableOfContents(tocEntries(groups, this.plan));
      this.doc.addPage();
      this.agenda(groups);
    } else {
      this.doc.y += 10;
      this.w.text(this.root, "P", "Der er ingen punkter på dagsordenen.", this.w.box);
    }
    for (const draw of this.pageReferences) draw();
    this.root.end();
    const pageCount = this.doc.bufferedPageRange().count;
    this.footers(pageCount);
    return { pages: this.pages, placeholders: this.placeholders, pageCount };
  }

  /**
   * Draws `draw` on the page laid out now, once every page is known. The space it fills is
   * reserved now (a column of fixed width), so what it prints moves nothing.
   */
  private later(draw: (pageOf: (key: string) => number) => void): void {
    const page = this.w.pageIndex();
    this.pageReferences.push(() => {
      this.doc.switchToPage(page);
      draw((key) => {
        const target = this.pages.get(key);
        if (target === undefined) throw new Error(`nothing was laid out for ${key}`);
        return target + 1;
      });
    });
  }

  private frontPage(): void {
    const { w, doc, model, root } = this;
    const box = w.box;
    doc.y = doc.page.margins.top + 60;
    w.text(root, "H1", model.heading, box, { font: fonts.bold, size: 30, gapAfter: 4 });
    w.text(root, "P", model.body.name, box, { font: fonts.bold, size: 18, gapAfter: 4 });
    if (model.meetingTitle !== model.body.name) {
      w.text(root, "P", model.meetingTitle, box, { size: 13, color: colors.muted });
    }
    doc.y += 22;
    const facts: [string, string | null][] = [
      ["Dato", model.date],
      ["Tid", model.time],
      ["Sted", model.place],
    ];
    for (const [label, value] of facts) {
      if (value)
        w.runs(root, "P", [plainRun(`${label}: `, { bold: true }), plainRun(value)], box, { size: 11.5 });
    }
    if (model.onlineUrl) {
      w.runs(
        root,
        "P",
        [plainRun("Online: ", { bold: true }), plainRun(model.onlineUrl, { href: model.onlineUrl })],
        box,
        { size: 11.5 },
      );
    }
    doc.y += 16;
    if (model.cancelled) w.text(root, "P", "Mødet er aflyst.", box, { font: fonts.bold, size: 12 });
    if (model.draft) {
      const what =
        model.kind === "agenda" ? "Dagsordenen er ikke udsendt endnu." : "Referatet er ikke godkendt endnu.";
      w.runs(root, "P", [plainRun("Udkast. ", { bold: true }), plainRun(what)], box);
    }
    w.runs(
      root,
      "P",
      model.edition === "members"
        ? [
            plainRun("Medlemsudgave ", { bold: true }),
            plainRun("med lukkede punkter. Må ikke offentliggøres eller videregives."),
          ]
        : [
            plainRun("Offentlig udgave. ", { bold: true }),
            plainRun(`Lukkede punkter vises kun med nummer og teksten »${CLOSED_ITEM_TITLE}«.`),
          ],
      box,
      { size: sizes.small, color: colors.muted },
    );
    if (model.attendance) {
      doc.y += 10;
      const { present, excused, absent } = model.attendance;
      this.people("Deltagere", present);
      this.people("Afbud", excused);
      this.people("Fraværende", absent);
    }
    if (model.meetingAttachments.length) {
      doc.y += 10;
      w.heading(root, 2, "Bilag til mødet", box, { size: 12 });
      this.attachmentList(root, model.meetingAttachments);
    }
  }

  private people(heading: string, people: readonly DocumentAttendee[]): void {
    if (people.length === 0) return;
    const { w, root } = this;
    w.heading(root, 2, heading, w.box, { size: 12, keepLines: 2 });
    w.list(
      root,
      people,
      () => "•",
      w.box,
      (body, person, box) => {
        const details = [
          person.title,
          person.substituteFor ? `stedfortræder for ${person.substituteFor}` : null,
          person.note,
        ].filter(Boolean);
        const runs = [plainRun(person.name)];
        if (details.length) runs.push(plainRun(`, ${details.join(", ")}`, {}));
        w.runs(body, "P", runs, box, { gapAfter: 1 });
      },
    );
  }

  private tableOfContents(entries: readonly TocEntry[]): void {
    const { w, doc, root } = this;
    const box = w.box;
    w.heading(root, 2, "Indholdsfortegnelse", box, {
      size: 15,
      destination: "indholdsfortegnelse",
      placed: (top) => bookmark(doc, doc.outline, "Indholdsfortegnelse", top),
    });
    doc.y += 4;
    const toc = doc.struct("TOC");
    root.add(toc);
    doc.font(fonts.bold).fontSize(sizes.body);
    const numberWidth =
      Math.max(0, ...entries.map((entry) => doc.widthOfString(toWinAnsi(numbered(entry.number, ""))))) + 10;
    const pageWidth = doc.widthOfString("0000");
    for (const entry of entries) this.tocLine(toc, entry, box, numberWidth, pageWidth);
  }

  private tocLine(toc: Element, entry: TocEntry, box: Box, numberWidth: number, pageWidth: number): void {
    const { w, doc } = this;
    const font =
      entry.kind === "group" ? fonts.bold : entry.kind === "attachment" ? fonts.italic : fonts.regular;
    const size = entry.kind === "attachment" ? sizes.small : sizes.body;
    const indent = entry.kind === "attachment" ? numberWidth + 12 : numberWidth;
    const titleWidth = box.width - indent - pageWidth - 16;
    doc.font(font).fontSize(size);
    const lines = wrapWords(doc, toWinAnsi(entry.title), titleWidth);
    const lineHeight = w.lineHeight(size, font);
    if (entry.kind === "group") doc.y += 6;
    w.ensureSpace(lines.length * lineHeight);
    const top = doc.y;
    const lastY = top + (lines.length - 1) * lineHeight;
    const item = doc.struct("TOCI");
    toc.add(item);
    const link = doc.struct("Link");
    item.add(link);
    link.add(() => {
      doc.font(font).fontSize(size).fillColor(colors.text);
      if (entry.number) doc.text(toWinAnsi(`${entry.number}.`), box.x, top, { lineBreak: false });
      lines.forEach((line, i) => {
        doc.text(line, box.x + indent, top + i * lineHeight, { lineBreak: false });
      });
    });
    const leaderFrom = box.x + indent + doc.widthOfString(lines.at(-1) ?? "") + 6;
    this.later((pageOf) => {
      const page = String(pageOf(entry.key));
      doc.font(font).fontSize(size);
      const pageX = box.x + box.width - doc.widthOfString(page);
      link.add(() => {
        doc.fillColor(colors.text).text(page, pageX, lastY, { lineBreak: false });
      });
      doc.goTo(box.x, top, box.width, lines.length * lineHeight, entry.destination, {
        structParent: link,
        Contents: new String(`${numbered(entry.number, entry.title)}, side ${page}`),
      } as unknown as PDFKit.Mixins.AnnotationOption);
      link.end();
      item.end();
      const dot = doc.widthOfString(". ");
      const leaderTo = pageX - 6;
      if (leaderTo - leaderFrom > dot * 2) {
        w.artifact(() => {
          doc
            .fillColor(colors.rule)
            .text(". ".repeat(Math.floor((leaderTo - leaderFrom) / dot)), leaderFrom, lastY, {
              lineBreak: false,
            });
          doc.fillColor(colors.text);
        }, "Layout");
      }
    });
    doc.x = box.x;
    doc.y = top + lines.length * lineHeight + 1.5;
  }

  private agenda(groups: readonly Group[]): void {
    const { w, doc, root, pages } = this;
    let pendingBreak = false;
    for (const group of groups) {
      let parent = root;
      let level = 2;
      let outline = doc.outline;
      if (group.heading) {
        if (pendingBreak) doc.addPage();
        pendingBreak = false;
        parent = doc.struct("Sect");
        root.add(parent);
        level = 3;
        this.spaceBefore(10);
        const heading = numbered(group.number, group.heading);
        w.heading(parent, 2, heading, w.box, {
          size: 15,
          keepLines: 4,
          destination: group.key.replace(":", "-"),
          placed: (top) => {
            pages.set(group.key, w.pageIndex());
            outline = bookmark(doc, doc.outline, heading, top, true);
          },
        });
      }
      for (const { item, index } of group.items) {
        if (pendingBreak) doc.addPage();
        pendingBreak = this.item(parent, level, item, index, outline);
      }
    }
  }

  /** Space between blocks, but not at the top of a page. */
  private spaceBefore(points: number): void {
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.y += points;
  }

  /** Lays out one item; true when attachment pages followed it, so the next must start a page. */
  private item(
    parent: Element,
    level: number,
    item: DocumentItem,
    index: number,
    outline: PDFKit.PDFOutline,
  ) {
    const { w, doc, model } = this;
    const box = w.box;
    const section = doc.struct("Sect");
    parent.add(section);
    this.spaceBefore(8);
    const title = numbered(item.number, item.title);
    let entry = outline;
    w.heading(section, level, title, box, {
      size: 13.5,
      keepLines: 3,
      destination: `punkt-${index + 1}`,
      placed: (top) => {
        this.pages.set(itemKey(index), w.pageIndex());
        entry = bookmark(doc, outline, title, top);
      },
    });
    const meta = { size: sizes.small, color: colors.muted, gapAfter: 2 };
    if (item.closed && model.edition === "members") {
      w.runs(
        section,
        "P",
        [plainRun(`${CLOSED_ITEM_TITLE}. `, { bold: true }), plainRun("Må ikke offentliggøres.")],
        box,
        meta,
      );
    }
    if (item.case) {
      const reference = item.case.reference ? `${item.case.reference}, ` : "";
      w.runs(
        section,
        "P",
        [plainRun("Sag: ", { bold: true }), plainRun(`${reference}${item.case.title}`)],
        box,
        meta,
      );
    }
    if (item.presenters.length) {
      w.runs(
        section,
        "P",
        [plainRun("Oplæg ved: ", { bold: true }), plainRun(danishList(item.presenters))],
        box,
        meta,
      );
    }
    doc.y += 6;
    const parts = item.sections.map((s) => ({
      heading: s.heading,
      draw: () => this.markdown(section, s.markdown, level + 1),
    }));
    const decision = this.decision(section, item, level + 1);
    if (decision) {
      const after = parts.findLastIndex(
        (part) => part.heading === "Indstilling" || part.heading === "Baggrund",
      );
      parts.splice(after + 1, 0, decision);
    }
    for (const part of parts) {
      w.heading(section, level + 1, part.heading, box, { size: 11, keepLines: 2 });
      part.draw();
    }
    if (item.attachments.length) {
      w.heading(section, level + 1, "Bilag", box, { size: 11, keepLines: 1 });
      this.attachmentList(section, item.attachments);
    }
    return this.appendPlaceholders(item, entry);
  }

  /** Beslutning (minutes only), with the outcome and any declared conflicts of interest. */
  private decision(section: Element, item: DocumentItem, level: number) {
    if (this.model.kind !== "minutes") return null;
    const conflicts = item.conflictsOfInterest ?? [];
    if (!item.decision && !item.outcome && conflicts.length === 0) return null;
    return {
      heading: "Beslutning",
      draw: () => {
        const { w } = this;
        if (conflicts.length) {
          const names = conflicts.map((c) => (c.note ? `${c.personName} (${c.note})` : c.personName));
          w.runs(
            section,
            "P",
            [plainRun("Inhabilitet: ", { bold: true }), plainRun(danishList(names))],
            w.box,
          );
        }
        if (item.outcome) w.runs(section, "P", [plainRun(`${item.outcome}.`, { bold: true })], w.box);
        if (item.decision) this.markdown(section, item.decision, level);
      },
    };
  }

  private markdown(parent: Element, source: string, level: number): void {
    this.w.blocks(parent, markdownBlocks(source), this.w.box, level);
  }

  /** Bilag: name, kind and size; in the combined edition also the pages each one was appended on. */
  private attachmentList(parent: Element, files: readonly DocumentAttachment[]): void {
    const { w, doc } = this;
    w.list(
      parent,
      files,
      () => "•",
      w.box,
      (body, file, box) => {
        const runs = [plainRun(file.name), plainRun(` (${describeFile(file)})`)];
        const count = this.plan?.pageCounts.get(file.fileId);
        if (count === undefined) {
          if (this.plan?.unreadable.has(file.fileId)) {
            runs.push(plainRun(", kunne ikke vedlægges (beskyttet eller beskadiget PDF)"));
          }
          w.runs(body, "P", runs, box, { gapAfter: 1 });
          return;
        }
        // The pages are known once the attachment is placed: they go in a column of their own.
        const column = doc.font(fonts.regular).fontSize(sizes.body).widthOfString("vedlagt side 0000–0000");
        const narrower = { x: box.x, width: box.width - column - 8 };
        const paragraph = w.runs(body, "P", runs, narrower, { gapAfter: 1, open: true });
        if (!paragraph) return;
        this.later((pageOf) => {
          const first = pageOf(fileKey(file.fileId));
          const label = count > 1 ? `vedlagt side ${first}–${first + count - 1}` : `vedlagt side ${first}`;
          doc.font(fonts.regular).fontSize(sizes.body);
          const x = box.x + box.width - doc.widthOfString(label);
          paragraph.element.add(() => {
            // The space keeps the words apart for text extraction and screen readers.
            doc.fillColor(colors.text).text(` ${label}`, x - doc.widthOfString(" "), paragraph.lastLineY, {
              lineBreak: false,
            });
          });
          paragraph.element.end();
        });
      },
    );
  }

  /** Blank pages where the item's PDF attachments will go, each with its bookmark and destination. */
  private appendPlaceholders(item: DocumentItem, outline: PDFKit.PDFOutline): boolean {
    const { doc } = this;
    const appended = appendedOf(item, this.plan);
    for (const file of appended) {
      const count = this.plan?.pageCounts.get(file.fileId) ?? 0;
      doc.addPage();
      const first = this.w.pageIndex();
      this.pages.set(fileKey(file.fileId), first);
      doc.addNamedDestination(`bilag-${file.fileId}`, "Fit");
      bookmark(doc, outline, `Bilag: ${file.name}`, 0);
      for (let i = 1; i < count; i++) doc.addPage();
      this.placeholders.push({
        fileId: file.fileId,
        first,
        count,
        caption: `Bilag til punkt ${item.number}`,
      });
    }
    return appended.length > 0;
  }

  private footers(pageCount: number): void {
    const { doc, w } = this;
    const reserved = new Set(
      this.placeholders.flatMap((p) => Array.from({ length: p.count }, (_, i) => p.first + i)),
    );
    const title = footerTitle(this.model);
    for (let page = 0; page < pageCount; page++) {
      if (reserved.has(page)) continue;
      doc.switchToPage(page);
      const y = doc.page.height - doc.page.margins.bottom + 24;
      const label = pageLabel(page + 1, pageCount);
      doc.font(fonts.regular).fontSize(sizes.footer);
      const labelX = w.left + w.width - doc.widthOfString(label);
      const left = ellipsize(doc, toWinAnsi(title), labelX - w.left - 16);
      w.artifact(() => {
        doc.fillColor(colors.muted);
        doc.text(left, w.left, y, { lineBreak: false });
        doc.text(label, labelX, y, { lineBreak: false });
        doc.fillColor(colors.text);
      }, "Pagination");
    }
  }
}

/** Greedy word wrap with the current font, so the last line's width is known (for the leaders). */
function wrapWords(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (doc.widthOfString(candidate) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

function ellipsize(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Lays the document out on `doc` in one pass. Page numbers (table of contents, appended
 * attachments) go in space reserved for them and are drawn once every page is known.
 */
export function layoutMeeting(doc: Doc, model: MeetingDocument, plan: AppendPlan | null): Layout {
  return new MeetingLayout(doc, model, plan).run();
}
