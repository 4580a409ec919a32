import type { Database } from "../../platform/db/database.ts";
import type { Page } from "../../platform/db/keyset.ts";
import { Conditions, listPage } from "../../platform/db/list-query.ts";
import { type AuditFields, defineTable } from "../../platform/db/table.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { FileStore } from "../../platform/files/file-store.ts";
import { newId } from "../../platform/ids.ts";
import { lockOpenMeeting } from "../agenda/agenda-items.ts";
import { assertMayWrite } from "../publication/permissions.ts";
import { caseCondition, fileCondition } from "../publication/visibility.ts";
import { presentAudit } from "../shared/audit.ts";
import type { Context } from "../shared/context.ts";
import { assertNotReferenced, deleteRow } from "../shared/delete-record.ts";
import { inTransaction } from "../shared/transaction.ts";
import type { FileQuery, FileUpdate, FileUpload, StoredFile } from "./file.schema.ts";

const fileTable = defineTable("files", {
  name: "name",
  mediaType: "media_type",
  sizeBytes: "size_bytes",
  sha256: "sha256",
  extractedText: "extracted_text",
  agendaItemId: "agenda_item_id",
  meetingId: "meeting_id",
  caseId: "case_id",
});

type Row = Omit<StoredFile, "createdAt" | "updatedAt" | "createdBy" | "updatedBy"> & AuditFields;

/** Context of the file use cases: they also need the bytes' store. */
export interface FileContext extends Context {
  files: FileStore;
}

function visibleFiles(ctx: Context, conditions: Conditions): Conditions {
  return conditions.add(fileCondition(ctx.actor, "files"));
}

export async function getFileById(ctx: Context, id: string): Promise<StoredFile> {
  const conditions = visibleFiles(ctx, new Conditions());
  conditions.add(`id = ${conditions.param(id)}`);
  const rows = await ctx.db.query<Row>(
    `SELECT ${fileTable.select()} FROM files ${conditions.sql()}`,
    conditions.params,
  );
  const row = rows[0];
  if (!row) throw notFound("file", id);
  return presentAudit(row);
}

/** The file's bytes, if the actor may see the file. */
export async function readFileContent(
  ctx: FileContext,
  id: string,
): Promise<{ file: StoredFile; bytes: Uint8Array }> {
  const file = await getFileById(ctx, id);
  return { file, bytes: await ctx.files.get(file.sha256) };
}

/** The files of these ids that the actor may see, in id order. */
export async function getFilesByIds(ctx: Context, ids: readonly string[]): Promise<StoredFile[]> {
  if (ids.length === 0) return [];
  const conditions = visibleFiles(ctx, new Conditions());
  conditions.add(`id = ANY(${conditions.param(ids)}::uuid[])`);
  const rows = await ctx.db.query<Row>(
    `SELECT ${fileTable.select()} FROM files ${conditions.sql()} ORDER BY id`,
    conditions.params,
  );
  return rows.map(presentAudit);
}

/** The files attached to any of these items, meetings or cases that the actor may see, in id order. */
export async function filesAttachedTo(
  ctx: Context,
  targets: { agendaItemIds?: readonly string[]; meetingIds?: readonly string[]; caseIds?: readonly string[] },
): Promise<StoredFile[]> {
  const conditions = visibleFiles(ctx, new Conditions());
  const attached = (
    [
      ["agenda_item_id", targets.agendaItemIds],
      ["meeting_id", targets.meetingIds],
      ["case_id", targets.caseIds],
    ] as const
  )
    .filter(([, ids]) => ids && ids.length > 0)
    .map(([column, ids]) => `${column} = ANY(${conditions.param(ids)}::uuid[])`);
  if (attached.length === 0) return [];
  conditions.add(`(${attached.join(" OR ")})`);
  const rows = await ctx.db.query<Row>(
    `SELECT ${fileTable.select()} FROM files ${conditions.sql()} ORDER BY id`,
    conditions.params,
  );
  return rows.map(presentAudit);
}

export async function findFiles(ctx: Context, query: FileQuery): Promise<Page<StoredFile>> {
  const conditions = visibleFiles(ctx, new Conditions())
    .equal("agenda_item_id", query.agendaItemId)
    .equal("meeting_id", query.meetingId)
    .equal("case_id", query.caseId)
    .equal("sha256", query.sha256);
  const page = await listPage<Row>(ctx.db, {
    from: `SELECT ${fileTable.select()} FROM files`,
    conditions,
    orderBy: ["id"],
    sortKey: (row) => [row.id],
    limit: query.limit,
    cursor: query.cursor,
  });
  return { data: page.data.map(presentAudit), nextCursor: page.nextCursor };
}

/**
 * Files attached to an item or meeting whose minutes are approved are part of that record. The
 * secretariat of the meeting's body attaches them; a case's files, anyone who keeps the registers
 * and sees the case.
 */
async function lockAttachmentTarget(
  ctx: Context,
  tx: Database,
  target: { agendaItemId?: string | null; meetingId?: string | null; caseId?: string | null },
) {
  let meetingId = target.meetingId ?? null;
  if (target.agendaItemId) {
    const [item] = await tx.query<{ meetingId: string }>(
      `SELECT meeting_id AS "meetingId" FROM agenda_items WHERE id = $1`,
      [target.agendaItemId],
    );
    if (!item) {
      throw new AppError(
        "validation.invalid",
        `agendaItemId: there is no agenda item with id ${target.agendaItemId}`,
        {
          field: "agendaItemId",
        },
      );
    }
    meetingId = item.meetingId;
  }
  if (meetingId) await lockOpenMeeting(ctx, tx, meetingId);
  if (target.caseId) {
    const visible = await tx.query(
      `SELECT 1 FROM cases WHERE id = $1 AND ${caseCondition(ctx.actor, "cases")}`,
      [target.caseId],
    );
    if (visible.length === 0) {
      throw new AppError("validation.invalid", `caseId: there is no case with id ${target.caseId}`, {
        field: "caseId",
      });
    }
  }
}

/**
 * Locks what the file is attached to now and checks that the actor may change it there; not found
 * if there is no such file or the actor may not see it (one it cannot change either).
 */
async function lockCurrentAttachment(ctx: Context, tx: Database, id: string) {
  const [current] = await tx.query<{
    agendaItemId: string | null;
    meetingId: string | null;
    caseId: string | null;
  }>(
    `SELECT agenda_item_id AS "agendaItemId", meeting_id AS "meetingId", case_id AS "caseId" FROM files WHERE id = $1`,
    [id],
  );
  if (!current) throw notFound("file", id);
  await getFileById({ ...ctx, db: tx }, id);
  await lockAttachmentTarget(ctx, tx, current);
}

interface NewFile extends FileUpload {
  mediaType: string;
  bytes: Uint8Array;
  extractedText?: string | null;
}

/**
 * Stores the bytes, then records the file. The bytes are content-addressed: if the transaction
 * fails they stay as an unreferenced blob, never as a record without bytes.
 */
export async function addFile(ctx: FileContext, input: NewFile): Promise<StoredFile> {
  assertMayWrite(ctx.actor);
  const { bytes, ...metadata } = input;
  const sha256 = await ctx.files.put(bytes);
  // Plain text is its own extracted text; other formats get theirs from the importer's extractors.
  if (metadata.extractedText === undefined && metadata.mediaType === "text/plain") {
    metadata.extractedText = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  }
  return inTransaction(ctx, async (tx) => {
    await lockAttachmentTarget(ctx, tx, metadata);
    const id = newId();
    await fileTable.insert(tx, id, { ...metadata, sizeBytes: bytes.byteLength, sha256 }, ctx.actor.id);
    return getFileById({ ...ctx, db: tx }, id);
  });
}

export async function updateFile(ctx: Context, id: string, patch: FileUpdate): Promise<StoredFile> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await lockCurrentAttachment(ctx, tx, id);
    await lockAttachmentTarget(ctx, tx, patch);
    // Moving a file sets its one attachment: the others are cleared.
    const moves =
      patch.agendaItemId !== undefined || patch.meetingId !== undefined || patch.caseId !== undefined;
    const attachment = moves
      ? {
          agendaItemId: patch.agendaItemId ?? null,
          meetingId: patch.meetingId ?? null,
          caseId: patch.caseId ?? null,
        }
      : {};
    await fileTable.update(tx, id, { ...patch, ...attachment }, ctx.actor.id);
    return getFileById({ ...ctx, db: tx }, id);
  });
}

/**
 * Deletes a file record, while what it is attached to is still open to change. The bytes stay in
 * the store: other records may share them (they are content-addressed), and nobody reaches them
 * without a record.
 */
export async function deleteFile(ctx: Context, id: string): Promise<void> {
  assertMayWrite(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    await lockCurrentAttachment(ctx, tx, id);
    await assertNotReferenced(tx, "file", id, [
      { table: "review_flags", column: "source_file_id", label: "review flags (as their source document)" },
    ]);
    await deleteRow(tx, "files", id, ctx.actor.id);
  });
}
