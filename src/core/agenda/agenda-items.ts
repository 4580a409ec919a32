import type { Database, Queryable } from "../../platform/db/database.ts";
import type { Page } from "../../platform/db/keyset.ts";
import { Conditions, listPage } from "../../platform/db/list-query.ts";
import { type AuditFields, defineTable } from "../../platform/db/table.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { assertMinutesOpen } from "../meetings/meeting-state.ts";
import { assertMayPrepareFor, assertMayWrite } from "../publication/permissions.ts";
import { recordVersion } from "../publication/versions.ts";
import {
  agendaItemFor,
  agendaVisibleCondition,
  itemFilterCondition,
  type MeetingState,
} from "../publication/visibility.ts";
import { presentAudit } from "../shared/audit.ts";
import type { Context } from "../shared/context.ts";
import { inTransaction } from "../shared/transaction.ts";
import type {
  AgendaItem,
  AgendaItemCreate,
  AgendaItemQuery,
  AgendaItemUpdate,
} from "./agenda-item.schema.ts";
import { agendaChangeNote } from "./change-note.ts";

export const agendaItemTable = defineTable("agenda_items", {
  meetingId: "meeting_id",
  position: "position",
  number: "number",
  groupHeading: "group_heading",
  title: "title",
  isPublic: "is_public",
  background: "background",
  recommendation: "recommendation",
  casePresentation: "case_presentation",
  finance: "finance",
  decision: "decision",
  outcome: "outcome",
  standardKind: "standard_kind",
});

type Row = Omit<AgendaItem, "createdAt" | "updatedAt" | "createdBy" | "updatedBy"> &
  AuditFields & { meetingState: MeetingState; meetingOrganizationId: string };

/** Items with their presenters, case and meeting state; the caller adds conditions. */
export const selectAgendaItems = `SELECT ${agendaItemTable.select("i")},
    COALESCE((SELECT array_agg(p.person_id::text ORDER BY p.position) FROM agenda_item_presenters p
              WHERE p.agenda_item_id = i.id), '{}') AS "presenterIds",
    COALESCE((SELECT json_agg(json_build_object('personId', k.person_id, 'note', k.note)
                              ORDER BY k.created_at, k.person_id)
              FROM agenda_item_conflicts k WHERE k.agenda_item_id = i.id), '[]') AS "conflicts",
        c.case_id AS "caseId", c.purpose AS "casePurpose", m.state AS "meetingState",
    m.organization_id AS "meetingOrganizationId"
  FROM agenda_items i
  JOIN meetings m ON m.id = i.meeting_id
  LEFT JOIN consultations c ON c.agenda_item_id = i.id`;

/** What the actor may see of these rows: items of draft agendas drop out, closed ones are redacted. */
export function presentAgendaItems(ctx: Context, rows: Row[]): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const { meetingState, meetingOrganizationId, ...row } of rows) {
    const visible = agendaItemFor(ctx.actor, presentAudit(row), {
      state: meetingState,
      organizationId: meetingOrganizationId,
    });
    if (visible) items.push(visible.caseId === null ? { ...visible, casePurpose: null } : visible);
  }
  return items;
}

export async function getAgendaItemById(ctx: Context, id: string): Promise<AgendaItem> {
  const rows = await ctx.db.query<Row>(`${selectAgendaItems} WHERE i.id = $1`, [id]);
  const [item] = presentAgendaItems(ctx, rows);
  if (!item) throw notFound("agenda item", id);
  return item;
}

/** The items of one meeting in agenda order, as the actor may see them. */
export async function agendaOf(ctx: Context, meetingId: string): Promise<AgendaItem[]> {
  const rows = await ctx.db.query<Row>(
    `${selectAgendaItems} WHERE i.meeting_id = $1 ORDER BY i.position, i.id`,
    [meetingId],
  );
  return presentAgendaItems(ctx, rows);
}

/** The items of these ids, as the actor may see them, in id order. */
export async function getAgendaItemsByIds(ctx: Context, ids: readonly string[]): Promise<AgendaItem[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db.query<Row>(`${selectAgendaItems} WHERE i.id = ANY($1::uuid[]) ORDER BY i.id`, [
    ids,
  ]);
  return presentAgendaItems(ctx, rows);
}

/** The items of these meetings, by meeting and in agenda order, as the actor may see them. */
export async function agendaOfMeetings(ctx: Context, meetingIds: readonly string[]): Promise<AgendaItem[]> {
  if (meetingIds.length === 0) return [];
  const rows = await ctx.db.query<Row>(
    `${selectAgendaItems} WHERE i.meeting_id = ANY($1::uuid[]) ORDER BY i.meeting_id, i.position, i.id`,
    [meetingIds],
  );
  return presentAgendaItems(ctx, rows);
}

export async function findAgendaItems(ctx: Context, query: AgendaItemQuery): Promise<Page<AgendaItem>> {
  const conditions = new Conditions().equal("i.meeting_id", query.meetingId).equal("c.case_id", query.caseId);
  // Drafts drop out in SQL too, so that pages stay full.
  conditions.add(agendaVisibleCondition(ctx.actor, "m"));
  if (query.caseId) conditions.add(itemFilterCondition(ctx.actor, "i", "m"));
  const byMeeting = query.meetingId !== undefined;
  const page = await listPage<Row>(ctx.db, {
    from: selectAgendaItems,
    conditions,
    orderBy: byMeeting ? ["i.position", "i.id"] : ["i.id"],
    sortKey: (row) => (byMeeting ? [row.position, row.id] : [row.id]),
    limit: query.limit,
    cursor: query.cursor,
  });
  return { data: presentAgendaItems(ctx, page.data), nextCursor: page.nextCursor };
}

/**
 * Locks the meeting for the rest of the transaction and checks that the actor prepares for its
 * body and that its minutes are still open.
 */
export async function lockOpenMeeting(
  ctx: Context,
  tx: Queryable,
  meetingId: string,
): Promise<{ state: MeetingState }> {
  const rows = await tx.query<{ id: string; state: MeetingState; organizationId: string }>(
    `SELECT id, state, organization_id AS "organizationId" FROM meetings WHERE id = $1 FOR UPDATE`,
    [meetingId],
  );
  const meeting = rows[0];
  if (!meeting) {
    throw new AppError("validation.invalid", `meetingId: there is no meeting with id ${meetingId}`, {
      field: "meetingId",
    });
  }
  assertMayPrepareFor(ctx.actor, meeting.organizationId);
  assertMinutesOpen(meeting);
  return meeting;
}

export async function setPresenters(tx: Queryable, itemId: string, presenterIds: readonly string[]) {
  await tx.query("DELETE FROM agenda_item_presenters WHERE agenda_item_id = $1", [itemId]);
  for (const [position, personId] of presenterIds.entries()) {
    await tx.query(
      "INSERT INTO agenda_item_presenters (agenda_item_id, person_id, position) VALUES ($1, $2, $3)",
      [itemId, personId, position],
    );
  }
}

/** The item's case is its actual consultation: one row, created, changed or removed with the item. */
async function setCase(
  tx: Queryable,
  itemId: string,
  caseId: string | null,
  purpose: string | undefined,
  actor: string,
) {
  if (caseId === null) {
    await tx.query("DELETE FROM consultations WHERE agenda_item_id = $1", [itemId]);
    return;
  }
  await tx.query(
    `INSERT INTO consultations (id, case_id, agenda_item_id, purpose, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (agenda_item_id) DO UPDATE
       SET case_id = EXCLUDED.case_id, purpose = COALESCE($6, consultations.purpose),
           updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [newId(), caseId, itemId, purpose ?? "decision", actor, purpose ?? null],
  );
}

/** Inserts an item into a meeting already locked by the caller. */
export async function insertAgendaItem(
  tx: Database,
  meetingId: string,
  input: Omit<AgendaItemCreate, "meetingId">,
  actor: string,
): Promise<string> {
  const id = newId();
  const { presenterIds, caseId, casePurpose, ...columns } = input;
  let position = columns.position;
  if (position === undefined) {
    const [next] = await tx.query<{ position: number }>(
      "SELECT COALESCE(max(position) + 1, 0)::int AS position FROM agenda_items WHERE meeting_id = $1",
      [meetingId],
    );
    position = next?.position ?? 0;
  }
  await agendaItemTable.insert(tx, id, { ...columns, position, meetingId }, actor);
  if (presenterIds) await setPresenters(tx, id, presenterIds);
  if (caseId) await setCase(tx, id, caseId, casePurpose, actor);
  return id;
}

export async function createAgendaItem(ctx: Context, input: AgendaItemCreate): Promise<AgendaItem> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const meeting = await lockOpenMeeting(ctx, tx, input.meetingId);
    const { meetingId, changeNote, ...item } = input;
    const note = agendaChangeNote(meeting.state, changeNote, "changeNote");
    const id = await insertAgendaItem(tx, meetingId, item, ctx.actor.id);
    if (note) await recordVersion(tx, ctx.actor, meetingId, "agenda", note);
    return getAgendaItemById({ ...ctx, db: tx }, id);
  });
}

const MINUTES_FIELDS: ReadonlySet<string> = new Set(["decision", "outcome"]);

export async function updateAgendaItem(
  ctx: Context,
  id: string,
  patch: AgendaItemUpdate,
): Promise<AgendaItem> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.query<{ meetingId: string }>(
      `SELECT meeting_id AS "meetingId" FROM agenda_items WHERE id = $1`,
      [id],
    );
    if (!existing) throw notFound("agenda item", id);
    const meeting = await lockOpenMeeting(ctx, tx, existing.meetingId);
    const { changeNote, presenterIds, caseId, casePurpose, ...columns } = patch;
    // A decision and an outcome are the minutes'; anything else changes the agenda as published.
    const changesAgenda = Object.keys(patch).some((key) => !MINUTES_FIELDS.has(key) && key !== "changeNote");
    const note = changesAgenda ? agendaChangeNote(meeting.state, changeNote, "changeNote") : null;
    await agendaItemTable.update(tx, id, columns, ctx.actor.id);
    if (presenterIds) await setPresenters(tx, id, presenterIds);
    if (caseId !== undefined) await setCase(tx, id, caseId, casePurpose, ctx.actor.id);
    else if (casePurpose !== undefined) {
      await tx.query("UPDATE consultations SET purpose = $2 WHERE agenda_item_id = $1", [id, casePurpose]);
    }
    if (note) await recordVersion(tx, ctx.actor, existing.meetingId, "agenda", note);
    return getAgendaItemById({ ...ctx, db: tx }, id);
  });
}
