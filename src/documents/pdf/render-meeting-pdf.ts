import PDFDocument from "pdfkit";
import type { MeetingDocument } from "../meeting-document.ts";
import { type AttachmentPdf, fillPlaceholders, openAttachments } from "./append-attachments.ts";
import { type AppendPlan, layoutMeeting, pageLabel } from "./meeting-layout.ts";

function newDocument(model: MeetingDocument): { doc: PDFKit.PDFDocument; bytes: Promise<Uint8Array> } {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 70, bottom: 72, left: 70, right: 62 },
    bufferPages: true,
    pdfVersion: "1.7",
    // EN 301 549 / PDF/UA: tagged, with its language and a title shown instead of the file name.
    tagged: true,
    lang: "da-DK",
    displayTitle: true,
    info: {
      Title: model.documentTitle,
      Author: model.body.name,
      Subject: model.edition === "members" ? "Medlemsudgave" : "Offentlig udgave",
      Creator: "Samraad",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  return { doc, bytes };
}

interface RenderOptions {
  /**
   * The combined edition: these PDF attachments (those the edition may see) are appended after
   * their item and numbered on. Without it, attachments are listed only.
   */
  attachments?: readonly AttachmentPdf[];
}

/**
 * The agenda or minutes as a tagged PDF: front page, table of contents with the pages the items
 * actually start on, the items, "Side X af Y" on every page; in the combined edition the PDF
 * attachments after their items.
 */
export async function renderMeetingPdf(
  model: MeetingDocument,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const opened = options.attachments ? await openAttachments(options.attachments) : null;
  const plan: AppendPlan | null = opened && {
    pageCounts: new Map([...opened.documents].map(([fileId, pdf]) => [fileId, pdf.getPageCount()])),
    unreadable: opened.unreadable,
  };
  const { doc, bytes } = newDocument(model);
  const layout = layoutMeeting(doc, model, plan);
  doc.end();
  const rendered = await bytes;
  if (!opened || layout.placeholders.length === 0) return rendered;
  return fillPlaceholders(rendered, layout.placeholders, opened, pageLabel);
}
