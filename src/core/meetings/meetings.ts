import type { Database } from "../../platform/db/database.ts";
import type { Page } from "../../platform/db/keyset.ts";
import { Conditions, listPage } from "../../platform/db/list-query.ts";
import { type AuditFields, defineTable } from "../../platform/db/table.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import { agendaOf, insertAgendaItem } from "../agenda/agenda-items.ts";
import { assertMayPrepareFor, assertMayWrite } from "../publication/permissions.ts";
import { recordVersion } from "../publication/versions.ts";
import { attendanceIsVisible, type MeetingState } from "../publication/visibility.ts";
import { presentAudit } from "../shared/audit.ts";
import type { Context } from "../shared/context.ts";
import { assertNotReferenced, deleteRow } from "../shared/delete-record.ts";
import { inTransaction } from "../shared/transaction.ts";
import type {
  Attendance,
  Meeting,
  MeetingCreate,
  MeetingDetail,
  MeetingQuery,
  MeetingUpdate,
} from "./meeting.schema.ts";
import { assertMinutesOpen, assertTransition, minutesAreApproved } from "./meeting-state.ts";

export const meetingTable = defineTable("meetings", {
  organizationId: "organization_id",
  title: "title",
  start: "start_at",
  end: "end_at",
  allDay: "all_day",
  location: "location",
  onlineUrl: "online_url",
  state: "state",
});

type Row = Omit<Meeting, "start" | "end" | "createdAt" | "updatedAt" | "createdBy" | "updatedBy"> &
  AuditFields & { start: Date; end: Date | null };

function presentMeeting(row: Row): Meeting {
  return {
    ...presentAudit(row),
    start: toDanishIsoString(row.start),
    end: row.end ? toDanishIsoString(row.end) : null,
  };
}

async function attendanceOf(db: Database, meetingId: string): Promise<Attendance[]> {
  return db.query<Attendance>(
    `SELECT person_id AS "personId", status, substitute_for_person_id AS "substituteForPersonId", note
     FROM meeting_attendance WHERE meeting_id = $1 ORDER BY person_id`,
    [meetingId],
  );
}

async function replaceAttendance(db: Database, meetingId: string, attendance: readonly Attendance[]) {
  await db.query("DELETE FROM meeting_attendance WHERE meeting_id = $1", [meetingId]);
  for (const entry of attendance) {
    await db.query(
      `INSERT INTO meeting_attendance (meeting_id, person_id, status, substitute_for_person_id, note)
       VALUES ($1, $2, $3, $4, $5)`,
      [meetingId, entry.personId, entry.status, entry.substituteForPersonId ?? null, entry.note ?? null],
    );
  }
}

/** Meetings by id, without agenda and attendance, in id order. */
export async function getMeetingsByIds(ctx: Context, ids: readonly string[]): Promise<Meeting[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db.query<Row>(
    `SELECT ${meetingTable.select()} FROM meetings WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  return rows.map(presentMeeting);
}

/** The attendance of these meetings that the actor may see, by meeting id. */
export async function attendanceOfMeetings(
  ctx: Context,
  meetings: readonly Pick<Meeting, "id" | "state" | "organizationId">[],
): Promise<Map<string, Attendance[]>> {
  const visible = meetings
    .filter((m) => attendanceIsVisible(ctx.actor, m.state, m.organizationId))
    .map((m) => m.id);
  const byMeeting = new Map<string, Attendance[]>();
  if (visible.length === 0) return byMeeting;
  const rows = await ctx.db.query<Attendance & { meetingId: string }>(
    `SELECT meeting_id AS "meetingId", person_id AS "personId", status,
            substitute_for_person_id AS "substituteForPersonId", note
     FROM meeting_attendance WHERE meeting_id = ANY($1::uuid[]) ORDER BY meeting_id, person_id`,
    [visible],
  );
  for (const { meetingId, ...entry } of rows) {
    byMeeting.set(meetingId, [...(byMeeting.get(meetingId) ?? []), entry]);
  }
  return byMeeting;
}

/** A meeting's date, body and title are public (the calendar is); its agenda follows visibility. */
export async function getMeetingById(ctx: Context, id: string): Promise<MeetingDetail> {
  const rows = await ctx.db.query<Row>(`SELECT ${meetingTable.select()} FROM meetings WHERE id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound("meeting", id);
  const attendanceVisible = attendanceIsVisible(ctx.actor, row.state, row.organizationId);
  const [agendaItems, attendance] = await Promise.all([
    agendaOf(ctx, id),
    attendanceVisible ? attendanceOf(ctx.db, id) : Promise.resolve([]),
  ]);
  return { ...presentMeeting(row), attendance, agendaItems };
}

export async function findMeetings(ctx: Context, query: MeetingQuery): Promise<Page<Meeting>> {
  const conditions = new Conditions()
    .equal("organization_id", query.organizationId)
    .equal("state", query.state);
  if (query.from) conditions.add(`start_at >= ${conditions.param(query.from)}`);
  if (query.to) conditions.add(`start_at < ${conditions.param(query.to)}`);
  const page = await listPage<Row>(ctx.db, {
    from: `SELECT ${meetingTable.select()} FROM meetings`,
    conditions,
    orderBy: ["start_at", "id"],
    sortKey: (row) => [row.start.toISOString(), row.id],
    limit: query.limit,
    cursor: query.cursor,
  });
  return { data: page.data.map(presentMeeting), nextCursor: page.nextCursor };
}

/** Creates a meeting, with its attendance and agenda items if given, in one transaction. */
export async function createMeeting(ctx: Context, input: MeetingCreate): Promise<MeetingDetail> {
  assertMayWrite(ctx.actor);
  assertMayPrepareFor(ctx.actor, input.organizationId);
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const { attendance, agendaItems, ...columns } = input;
    await meetingTable.insert(tx, id, columns, ctx.actor.id);
    if (attendance) await replaceAttendance(tx, id, attendance);
    for (const [position, item] of (agendaItems ?? []).entries()) {
      await insertAgendaItem(tx, id, { position, ...item }, ctx.actor.id);
    }
    return getMeetingById({ ...ctx, db: tx }, id);
  });
}

/**
 * Changes a meeting. The state moves only along the meeting's life; once the minutes are approved
 * the only change left is to publish them.
 */
export async function updateMeeting(ctx: Context, id: string, patch: MeetingUpdate): Promise<MeetingDetail> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.query<{ id: string; state: MeetingState; organizationId: string }>(
      `SELECT id, state, organization_id AS "organizationId" FROM meetings WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!current) throw notFound("meeting", id);
    // Moving a meeting to another body needs the right to prepare for both.
    assertMayPrepareFor(ctx.actor, current.organizationId);
    if (patch.organizationId) assertMayPrepareFor(ctx.actor, patch.organizationId);
    const { attendance, ...columns } = patch;
    const onlyPublishes = Object.keys(patch).length === 1 && patch.state === "minutes_published";
    if (minutesAreApproved(current.state) && !onlyPublishes) assertMinutesOpen(current);
    if (patch.state) assertTransition(current.state, patch.state);
    await meetingTable.update(tx, id, columns, ctx.actor.id);
    if (attendance) await replaceAttendance(tx, id, attendance);
    if (patch.state && patch.state !== current.state) {
      // Publishing the agenda and approving the minutes each make version 1 of what was published.
      if (patch.state === "agenda_published") await recordVersion(tx, ctx.actor, id, "agenda", null);
      if (patch.state === "minutes_approved") await recordVersion(tx, ctx.actor, id, "minutes", null);
    }
    return getMeetingById({ ...ctx, db: tx }, id);
  });
}

/**
 * Deletes a meeting entered by mistake: only while it is planned and has no agenda items or
 * files. A meeting that was announced with an agenda is cancelled instead, so the record keeps it.
 */
export async function deleteMeeting(ctx: Context, id: string): Promise<void> {
  assertMayWrite(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const [current] = await tx.query<{ state: MeetingState; organizationId: string }>(
      `SELECT state, organization_id AS "organizationId" FROM meetings WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!current) throw notFound("meeting", id);
    assertMayPrepareFor(ctx.actor, current.organizationId);
    if (current.state !== "planned") {
      throw new AppError(
        "meeting.invalid_transition",
        `state: only a planned meeting can be deleted, this one is ${current.state}; cancel it instead`,
        { field: "state" },
      );
    }
    await assertNotReferenced(tx, "meeting", id, [
      { table: "agenda_items", column: "meeting_id", label: "agenda items" },
      { table: "files", column: "meeting_id", label: "files" },
      { table: "publications", column: "meeting_id", label: "published versions" },
    ]);
    await deleteRow(tx, "meetings", id, ctx.actor.id);
  });
}
