import { type FileContext, readFileContent } from "../core/files/files.ts";
import {
  type DocumentEdition,
  type DocumentKind,
  documentHeadings,
  editionContext,
  loadMeetingDocument,
  type MeetingDocument,
} from "./meeting-document.ts";
import { renderMeetingPdf } from "./pdf/render-meeting-pdf.ts";

interface MeetingPdfRequest {
  meetingId: string;
  kind: DocumentKind;
  edition: DocumentEdition;
  /** One PDF with the attachments that are PDFs appended after their item. */
  withAttachments: boolean;
}

interface MeetingPdf {
  bytes: Uint8Array;
  /** `dagsorden-kkr-midtjylland-2021-05-06.pdf`: ASCII only, for the plain filename parameter. */
  asciiFileName: string;
  /** The same with Danish letters kept, for `filename*`. */
  fileName: string;
  model: MeetingDocument;
}

const danishLetters: Record<string, string> = { æ: "ae", ø: "oe", å: "aa", Æ: "ae", Ø: "oe", Å: "aa" };

function slug(text: string, ascii: boolean): string {
  let out = text.toLowerCase();
  if (ascii) {
    out = out
      .replace(/[æøåÆØÅ]/g, (letter) => danishLetters[letter] ?? letter)
      .normalize("NFKD")
      .replace(/\p{M}/gu, "");
  }
  const notAllowed = ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu;
  return out.replace(notAllowed, "-").replace(/^-+|-+$/g, "");
}

/** Names up to this long name the file; longer ones give way to the short name (KD-Net). */
const LONGEST_NAME_IN_FILE_NAME = 30;

/** `dagsorden-kkr-midtjylland-2021-05-06.pdf`: ASCII, or with Danish letters kept. */
export function documentFileName(model: MeetingDocument, withAttachments: boolean, ascii: boolean): string {
  const { name, shortName } = model.body;
  // "KKR Midtjylland" says more than its short name "KKR"; "KD-Net" is kinder than its long name.
  const body = shortName && name.length > LONGEST_NAME_IN_FILE_NAME ? shortName : name;
  const parts = [
    documentHeadings[model.kind],
    body,
    model.isoDate,
    model.edition === "members" ? "medlemmer" : null,
    withAttachments ? "med bilag" : null,
  ];
  return `${parts
    .filter((part): part is string => part !== null)
    .map((part) => slug(part, ascii))
    .filter(Boolean)
    .join("-")}.pdf`;
}

/**
 * The agenda or minutes of a meeting as a PDF, in the edition asked for. Attachments for the
 * combined edition are read in the edition's context, so the public one only gets public files.
 */
export async function meetingPdf(ctx: FileContext, request: MeetingPdfRequest): Promise<MeetingPdf> {
  // The loader has let the caller in to this edition (or refused): its reader reads the files too.
  const model = await loadMeetingDocument(ctx, request.meetingId, request.kind, request.edition);
  let attachments: { fileId: string; bytes: Uint8Array }[] | undefined;
  if (request.withAttachments) {
    const reader = editionContext(ctx, request.edition);
    const pdfs = model.items
      .flatMap((item) => item.attachments)
      .filter((f) => f.mediaType === "application/pdf");
    attachments = [];
    for (const file of pdfs) {
      const { bytes } = await readFileContent(reader, file.fileId);
      attachments.push({ fileId: file.fileId, bytes });
    }
  }
  return {
    bytes: await renderMeetingPdf(model, { attachments }),
    asciiFileName: documentFileName(model, request.withAttachments, true),
    fileName: documentFileName(model, request.withAttachments, false),
    model,
  };
}
