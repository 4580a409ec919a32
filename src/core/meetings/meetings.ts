import type { Database } from "../../platform/db/database.ts";
import type { Page } from "../../platform/db/keyset.ts";
import { Conditions, listPage } from "../../platform/db/list-query.ts";
import { type AuditFields, defineTable } from "../../platform/db/table.ts";
import { notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import { agendaOf, insertAgendaItem } from "../agenda/agenda-items.ts";
import { assertMayPrepareFor, assertMayWrite } from "../publication/permissions.ts";
import { recordVersion } from "../publication/versions.ts";
import { attendanceIsVisible, type MeetingState } from "../publication/visibility.ts";
import { presentAudit } from "../shared/audit.ts";
import type { Context } from "../shared/context.ts";
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

function present(row: Row): Meeting {
  return {
    ...presentAudit(row),
    start: toDanishIsoString(row.start),
    end: row.end ? toDanishIsoString(row.end) : null,
  };
}

export async function attendanceOf(db: Database, meetingId: string): Promise<Attendance[]> {
  return db.query<Attendance>(
    `SELECT person_id AS "personId", status, substitute_for_person_id AS "substituteForPersonId", note
     FROM meeting_attendance WHERE meeting_id = $1 ORDER BY person_id`,
    [meetingId],
  );
}

export async function replaceAttendance(db: Database, meetingId: string, attendance: readonly Attendance[]) {
  await db.query("DELETE FROM meeting_attendance WHERE meeting_id = $1", [meetingId]);
  for (const entry of attendance) {
    await db.query(
      `INSERT INTO meeting_attendance (meeting_id, person_id, status, substitute_for_person_id, note)
       VALUES ($1, $2, $3, $4, $5)`,
      [meetingId, entry.personId, entry.status, entry.substituteForPersonId ?? null, entry.note ?? null],
    );
  }
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
  return { ...present(row), attendance, agendaItems };
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
  return { data: page.data.map(present), nextCursor: page.nextCursor };
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
