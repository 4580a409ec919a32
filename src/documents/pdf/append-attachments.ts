import {
  beginMarkedContent,
  degrees,
  endMarkedContent,
  PDFArray,
  PDFDict,
  PDFDocument,
  type PDFFont,
  PDFName,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
} from "pdf-lib";
import { toWinAnsi } from "./win-ansi.ts";

/** A PDF attachment's bytes, as the file store holds them. */
export interface AttachmentPdf {
  fileId: string;
  bytes: Uint8Array;
}

interface OpenedAttachments {
  documents: Map<string, PDFDocument>;
  /** Damaged or encrypted PDFs: they cannot be copied, so they are listed and not appended. */
  unreadable: Set<string>;
}

/** Where an attachment's pages go: blank pages the layout held for it, and what to stamp on them. */
export interface Placement {
  fileId: string;
  first: number;
  count: number;
  /** "Bilag til punkt 3.1". */
  caption: string;
}

export async function openAttachments(files: readonly AttachmentPdf[]): Promise<OpenedAttachments> {
  const documents = new Map<string, PDFDocument>();
  const unreadable = new Set<string>();
  for (const file of files) {
    try {
      const pdf = await PDFDocument.load(file.bytes, { updateMetadata: false });
      if (pdf.getPageCount() > 0) documents.set(file.fileId, pdf);
      else unreadable.add(file.fileId);
    } catch {
      unreadable.add(file.fileId);
    }
  }
  return { documents, unreadable };
}

const StructParents = PDFName.of("StructParents");
const StructParent = PDFName.of("StructParent");
const Parent = PDFName.of("Parent");
const Type = PDFName.of("Type");
const Annots = PDFName.of("Annots");
const P = PDFName.of("P");

/**
 * Makes the placeholder page the copied page, keeping the placeholder's object: bookmarks, named
 * destinations and table-of-contents links already point at it. The copied page's structure keys
 * belonged to its own document's structure tree, which is not carried over, so they go.
 */
function transplant(out: PDFDocument, copied: PDFPage, target: PDFPage): void {
  const leaf = target.node;
  for (const key of leaf.keys()) {
    if (key !== Type && key !== Parent) leaf.delete(key);
  }
  for (const [key, value] of copied.node.entries()) {
    if (key !== Parent && key !== StructParents) leaf.set(key, value);
  }
  const annotations = leaf.lookupMaybe(Annots, PDFArray);
  for (let i = 0; annotations && i < annotations.size(); i++) {
    const annotation = annotations.lookupMaybe(i, PDFDict);
    annotation?.set(P, target.ref);
    annotation?.delete(StructParent);
  }
  out.context.delete(copied.ref);
}

/** Visual bottom-right of the page, in its own (possibly rotated) coordinates. */
function stamp(out: PDFDocument, page: PDFPage, font: PDFFont, text: string): void {
  const size = 8;
  const margin = 14;
  const box = page.getCropBox();
  const angle = ((page.getRotation().angle % 360) + 360) % 360;
  const visualWidth = angle % 180 === 0 ? box.width : box.height;
  const textWidth = font.widthOfTextAtSize(text, size);
  const at = (xv: number, yv: number) => {
    switch (angle) {
      case 90:
        return { x: box.x + box.width - yv, y: box.y + xv };
      case 180:
        return { x: box.x + box.width - xv, y: box.y + box.height - yv };
      case 270:
        return { x: box.x + yv, y: box.y + box.height - xv };
      default:
        return { x: box.x + xv, y: box.y + yv };
    }
  };
  const xv = visualWidth - margin - textWidth;
  // The attachment's own drawing state must not leak into the stamp.
  const start = out.context.register(out.context.contentStream([pushGraphicsState()]));
  const end = out.context.register(out.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
  page.pushOperators(beginMarkedContent("Artifact"));
  page.drawRectangle({
    ...at(xv - 3, margin - 3),
    width: textWidth + 6,
    height: size + 5,
    color: rgb(1, 1, 1),
    rotate: degrees(angle),
  });
  page.drawText(text, {
    ...at(xv, margin),
    size,
    font,
    color: rgb(0.24, 0.24, 0.24),
    rotate: degrees(angle),
  });
  page.pushOperators(endMarkedContent());
}

/**
 * Puts each attachment's pages on the blank pages held for it and stamps them "Side X af Y", so the
 * numbering runs on through them. The main document (tags, bookmarks, language, title) is kept as
 * pdfkit wrote it; the attachments' own tags are not carried over.
 */
export async function fillPlaceholders(
  main: Uint8Array,
  placements: readonly Placement[],
  attachments: OpenedAttachments,
  pageLabel: (page: number, total: number) => string,
): Promise<Uint8Array> {
  const out = await PDFDocument.load(main, { updateMetadata: false });
  const font = await out.embedFont(StandardFonts.Helvetica);
  const total = out.getPageCount();
  for (const placement of placements) {
    const source = attachments.documents.get(placement.fileId);
    if (!source) throw new Error(`attachment ${placement.fileId} has pages held but was not opened`);
    const copied = await out.copyPages(source, source.getPageIndices());
    copied.forEach((page, i) => {
      const target = out.getPage(placement.first + i);
      transplant(out, page, target);
      stamp(
        out,
        target,
        font,
        toWinAnsi(`${placement.caption} · ${pageLabel(placement.first + i + 1, total)}`),
      );
    });
  }
  return out.save();
}
