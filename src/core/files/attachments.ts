import { AppError, notFound } from "../../platform/errors.ts";
import { type ChangeNote, changeAgenda } from "../agenda/agenda-builder.ts";
import type { Context } from "../shared/context.ts";
import { addFile, type FileContext } from "./files.ts";

/**
 * Attachments (bilag) of agenda items. Only common document and image types are accepted, and a
 * file must be what its name says: the type is read from the bytes (their magic numbers), so a
 * program renamed to .pdf is refused. Nothing is stored until the file has passed.
 */
const attachmentKinds = {
  pdf: { mediaType: "application/pdf", label: "PDF" },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "Word (DOCX)",
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Excel (XLSX)",
  },
  png: { mediaType: "image/png", label: "PNG" },
  jpeg: { mediaType: "image/jpeg", label: "JPEG" },
  text: { mediaType: "text/plain", label: "tekst (TXT)" },
} as const;
type AttachmentKind = keyof typeof attachmentKinds;

const byExtension: Record<string, AttachmentKind> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  txt: "text",
};

/** The accept list for a file input. */
export const acceptedExtensions = Object.keys(byExtension).map((ext) => `.${ext}`);

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, index) => bytes[index] === byte);

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, "latin1");
}

/** What the bytes are, by their signature; null when none of the accepted kinds. */
export function detectKind(bytes: Uint8Array): AttachmentKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office files are zip archives; their part names are stored uncompressed in the headers.
    if (containsAscii(bytes, "word/document.xml")) return "docx";
    if (containsAscii(bytes, "xl/workbook.xml")) return "xlsx";
    return null;
  }
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "text";
  } catch {
    return null;
  }
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return match?.[1]?.toLowerCase() ?? "";
}

/**
 * The media type of an upload, or an error that says what is wrong: an empty file, a type that is
 * not accepted, or bytes that are not what the name says.
 */
export function checkAttachment(
  name: string,
  bytes: Uint8Array,
): { mediaType: string; kind: AttachmentKind } {
  const extension = extensionOf(name);
  const claimed = byExtension[extension];
  if (!claimed) {
    throw new AppError(
      "upload.unsupported_type",
      `file: .${extension || "?"} files are not accepted; attach PDF, DOCX, XLSX, PNG, JPEG or TXT`,
      { field: "file", reason: "type", extension },
    );
  }
  if (bytes.byteLength === 0) {
    throw new AppError("validation.invalid", "file: the file is empty", { field: "file", reason: "empty" });
  }
  const actual = detectKind(bytes);
  if (actual !== claimed) {
    throw new AppError(
      "upload.unsupported_type",
      `file: ${name} is named .${extension} but its content is not ${attachmentKinds[claimed].label}`,
      { field: "file", reason: "disguised", extension, claimed, actual },
    );
  }
  return { mediaType: attachmentKinds[claimed].mediaType, kind: claimed };
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** Attaches a checked file to an item; an agenda change like any other (noted once published). */
export async function attachToItem(
  ctx: FileContext,
  itemId: string,
  upload: Upload & ChangeNote,
  maxBytes: number,
): Promise<string> {
  const name = upload.name.trim().replace(/[\\/]/g, "_");
  if (!name) throw new AppError("validation.invalid", "file: choose a file", { field: "file" });
  if (name.length > 300)
    throw new AppError("validation.invalid", "file: the name is longer than 300 characters", {
      field: "file",
    });
  if (upload.bytes.byteLength > maxBytes) {
    throw new AppError("upload.too_large", `file: larger than ${maxBytes} bytes`, {
      field: "file",
      maxBytes,
    });
  }
  const { mediaType } = checkAttachment(name, upload.bytes);
  const meetingId = await meetingOf(ctx, itemId);
  return changeAgenda(ctx, meetingId, upload, async (tx) => {
    const file = await addFile(
      { ...ctx, db: tx },
      { name, mediaType, bytes: upload.bytes, agendaItemId: itemId },
    );
    return file.id;
  });
}

async function meetingOf(ctx: Context, itemId: string): Promise<string> {
  const [item] = await ctx.db.query<{ meetingId: string }>(
    `SELECT meeting_id AS "meetingId" FROM agenda_items WHERE id = $1`,
    [itemId],
  );
  if (!item) throw notFound("agenda item", itemId);
  return item.meetingId;
}

/** Removes an attachment from its item (the bytes stay in the content store, unreferenced). */
export async function detachFromItem(
  ctx: Context,
  itemId: string,
  fileId: string,
  change: ChangeNote = {},
): Promise<void> {
  const meetingId = await meetingOf(ctx, itemId);
  await changeAgenda(ctx, meetingId, change, async (tx) => {
    const removed = await tx.query("DELETE FROM files WHERE id = $1 AND agenda_item_id = $2 RETURNING id", [
      fileId,
      itemId,
    ]);
    if (removed.length === 0) throw notFound("file", fileId);
  });
}
