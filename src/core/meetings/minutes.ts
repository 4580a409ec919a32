import type { Database, Queryable } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { danishDateOf } from "../../platform/time.ts";
import { type Outcome, outcomes } from "../agenda/agenda-item.schema.ts";
import { assertMayPrepare, type LockedMeeting, lockMeeting } from "../agenda/preparation.ts";
import { recordVersion } from "../publication/versions.ts";
import type { Context } from "../shared/context.ts";
import { inTransaction } from "../shared/transaction.ts";
import type { Attendance } from "./meeting.schema.ts";
import { assertMinutesOpen, minutesAreApproved } from "./meeting-state.ts";
import { attendanceOf, getMeetingById, replaceAttendance, updateMeeting } from "./meetings.ts";

/**
 * The minutes, kept during or after the meeting: per item the decision and its outcome, who attended
 * (and who substituted for whom), and declared conflicts of interest. Approved minutes change only
 * by a correction: a new minutes version with its reason.
 */

const MAX_REASON_LENGTH = 2000;

function invalid(field: string, message: string): AppError {
  return new AppError("validation.invalid", `${field}: ${message}`, { field });
}

type SeatRole = "chair" | "vice_chair" | "member";

/** A member the meeting expects, from the appointments running on its date. */
export interface ExpectedAttendee {
  personId: string;
  name: string;
  role: SeatRole;
  onBehalfOf: string | null;
  /** Their substitutes (suppleanter) on that date: whom the minutes may record instead of them. */
  substitutes: { personId: string; name: string }[];
}

const roleOrder = "CASE ms.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 ELSE 2 END";

async function expectedAttendees(db: Queryable, meeting: LockedMeeting): Promise<ExpectedAttendee[]> {
  const date = danishDateOf(meeting.start);
  const seats = await db.query<Omit<ExpectedAttendee, "substitutes">>(
    `SELECT ms.person_id AS "personId", p.name, ms.role, o.name AS "onBehalfOf"
     FROM memberships ms JOIN people p ON p.id = ms.person_id
     LEFT JOIN organizations o ON o.id = ms.on_behalf_of_id
     WHERE ms.organization_id = $1 AND ms.role IN ('chair', 'vice_chair', 'member')
       AND daterange(ms.start_date, ms.end_date, '[]') @> $2::date
     ORDER BY ${roleOrder}, p.name, ms.person_id`,
    [meeting.organizationId, date],
  );
  const substitutes = await db.query<{ principalId: string; personId: string; name: string }>(
    `SELECT ms.principal_person_id AS "principalId", ms.person_id AS "personId", p.name
     FROM memberships ms JOIN people p ON p.id = ms.person_id
     WHERE ms.organization_id = $1 AND ms.role = 'substitute' AND ms.principal_person_id IS NOT NULL
       AND daterange(ms.start_date, ms.end_date, '[]') @> $2::date
     ORDER BY p.name`,
    [meeting.organizationId, date],
  );
  const seen = new Set<string>();
  const attendees: ExpectedAttendee[] = [];
  for (const seat of seats) {
    // One line per person, under their highest role.
    if (seen.has(seat.personId)) continue;
    seen.add(seat.personId);
    attendees.push({
      ...seat,
      substitutes: substitutes
        .filter((s) => s.principalId === seat.personId)
        .map(({ personId, name }) => ({ personId, name })),
    });
  }
  return attendees;
}

export async function getExpectedAttendees(ctx: Context, meetingId: string): Promise<ExpectedAttendee[]> {
  return expectedAttendees(ctx.db, await readMeeting(ctx.db, meetingId));
}

async function readMeeting(db: Queryable, meetingId: string): Promise<LockedMeeting> {
  const [meeting] = await db.query<LockedMeeting>(
    `SELECT id, organization_id AS "organizationId", state, start_at AS "start" FROM meetings WHERE id = $1`,
    [meetingId],
  );
  if (!meeting) throw notFound("meeting", meetingId);
  return meeting;
}

/** One member's line in the attendance form. */
export interface AttendanceEntry {
  personId: string;
  status: Attendance["status"];
  /** The substitute who attended for an absent member. */
  substituteId?: string | null;
  note?: string | null;
}

/**
 * The meeting's attendance with these members' lines replaced: each member with their status, the
 * substitute who came instead recorded as present for them. Others already recorded (guests, people
 * from an import) stay.
 */
async function mergedAttendance(
  tx: Database,
  meeting: LockedMeeting,
  entries: readonly AttendanceEntry[],
): Promise<Attendance[]> {
  const expected = await expectedAttendees(tx, meeting);
  const covered = new Set<string>();
  for (const member of expected) {
    covered.add(member.personId);
    for (const substitute of member.substitutes) covered.add(substitute.personId);
  }
  const rows: Attendance[] = [];
  const usedSubstitutes = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const member = expected.find((m) => m.personId === entry.personId);
    if (!member)
      throw invalid(`attendance/${index}/personId`, "not a member of the body on the meeting's date");
    if (!["present", "absent", "excused"].includes(entry.status)) {
      throw invalid(`attendance/${index}/status`, "choose present, absent or excused");
    }
    const note = entry.note?.trim() || null;
    rows.push({ personId: member.personId, status: entry.status, substituteForPersonId: null, note });
    if (!entry.substituteId) continue;
    if (entry.status === "present") {
      throw invalid(`attendance/${index}/substituteId`, `${member.name} was present: no substitute attended`);
    }
    if (!member.substitutes.some((s) => s.personId === entry.substituteId)) {
      throw invalid(`attendance/${index}/substituteId`, `not a substitute of ${member.name} on that date`);
    }
    if (usedSubstitutes.has(entry.substituteId)) {
      throw invalid(`attendance/${index}/substituteId`, "this substitute is already attending for someone");
    }
    usedSubstitutes.add(entry.substituteId);
    rows.push({
      personId: entry.substituteId,
      status: "present",
      substituteForPersonId: member.personId,
      note: null,
    });
  }
  const others = (await attendanceOf(tx, meeting.id)).filter((row) => !covered.has(row.personId));
  return [...rows, ...others];
}

function assertMinutesMayBeKept(meeting: LockedMeeting): void {
  assertMinutesOpen(meeting);
  if (meeting.state === "cancelled") throw invalid("state", "the meeting is cancelled");
}

/** Records who attended (before the minutes are approved). */
export async function recordAttendance(
  ctx: Context,
  meetingId: string,
  entries: readonly AttendanceEntry[],
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    assertMayPrepare(ctx.actor, meeting.organizationId);
    assertMinutesMayBeKept(meeting);
    const attendance = await mergedAttendance(tx, meeting, entries);
    await updateMeeting({ ...ctx, db: tx }, meetingId, { attendance });
  });
}

export interface DecisionEntry {
  itemId: string;
  decision: string | null;
  outcome: Outcome | null;
}

async function writeDecisions(
  tx: Queryable,
  meeting: LockedMeeting,
  decisions: readonly DecisionEntry[],
  actor: string,
) {
  for (const [index, entry] of decisions.entries()) {
    if (entry.outcome !== null && !outcomes.includes(entry.outcome)) {
      throw invalid(`decisions/${index}/outcome`, `must be one of ${outcomes.join(", ")}`);
    }
    if ((entry.decision ?? "").length > 1_000_000) throw invalid(`decisions/${index}/decision`, "too long");
    const updated = await tx.query(
      `UPDATE agenda_items SET decision = $3, outcome = $4, updated_by = $5, updated_at = now()
       WHERE id = $1 AND meeting_id = $2 RETURNING id`,
      [entry.itemId, meeting.id, entry.decision?.trim() ? entry.decision : null, entry.outcome, actor],
    );
    if (updated.length === 0) throw invalid(`decisions/${index}/itemId`, "not an item of this meeting");
  }
}

/** Records decisions and outcomes, during the meeting (agenda published) or after it (held). */
export async function recordDecisions(
  ctx: Context,
  meetingId: string,
  decisions: readonly DecisionEntry[],
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    assertMayPrepare(ctx.actor, meeting.organizationId);
    assertMinutesOpen(meeting);
    if (meeting.state !== "agenda_published" && meeting.state !== "held") {
      throw invalid("state", "decisions are recorded once the agenda is published");
    }
    await writeDecisions(tx, meeting, decisions, ctx.actor.id);
  });
}

async function lockMeetingOfItem(tx: Queryable, itemId: string): Promise<LockedMeeting> {
  const [item] = await tx.query<{ meetingId: string }>(
    `SELECT meeting_id AS "meetingId" FROM agenda_items WHERE id = $1`,
    [itemId],
  );
  if (!item) throw notFound("agenda item", itemId);
  return lockMeeting(tx, item.meetingId);
}

/** Records that a person declared a conflict of interest (inhabilitet) for an item. */
export async function declareConflict(
  ctx: Context,
  itemId: string,
  personId: string,
  note: string | null = null,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const meeting = await lockMeetingOfItem(tx, itemId);
    assertMayPrepare(ctx.actor, meeting.organizationId);
    assertMinutesMayBeKept(meeting);
    if ((note ?? "").length > 2000) throw invalid("note", "at most 2000 characters");
    await tx.query(
      `INSERT INTO agenda_item_conflicts (agenda_item_id, person_id, note, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agenda_item_id, person_id) DO UPDATE SET note = EXCLUDED.note`,
      [itemId, personId, note?.trim() || null, ctx.actor.id],
    );
  });
}

export async function withdrawConflict(ctx: Context, itemId: string, personId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const meeting = await lockMeetingOfItem(tx, itemId);
    assertMayPrepare(ctx.actor, meeting.organizationId);
    assertMinutesMayBeKept(meeting);
    await tx.query("DELETE FROM agenda_item_conflicts WHERE agenda_item_id = $1 AND person_id = $2", [
      itemId,
      personId,
    ]);
  });
}

interface MinutesCorrection {
  reason: string;
  decisions?: readonly DecisionEntry[];
  attendance?: readonly AttendanceEntry[];
}

/** What a correction may change, for telling whether it changed anything. */
async function minutesContent(tx: Database, ctx: Context, meetingId: string): Promise<string> {
  const meeting = await getMeetingById({ ...ctx, db: tx }, meetingId);
  const attendance = [...meeting.attendance].sort((a, b) => a.personId.localeCompare(b.personId));
  return JSON.stringify({
    items: meeting.agendaItems.map((item) => [item.id, item.decision, item.outcome]),
    attendance,
  });
}

/**
 * Corrects approved minutes: the decisions, outcomes and attendance given replace the recorded
 * ones, and the result is the next minutes version, carrying the reason. Returns its number.
 */
export async function correctMinutes(
  ctx: Context,
  meetingId: string,
  correction: MinutesCorrection,
): Promise<number> {
  const reason = correction.reason.trim();
  if (!reason)
    throw invalid("reason", "say why the minutes are corrected; the reason is shown with the version");
  if (reason.length > MAX_REASON_LENGTH) throw invalid("reason", `at most ${MAX_REASON_LENGTH} characters`);
  return inTransaction(ctx, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    assertMayPrepare(ctx.actor, meeting.organizationId);
    if (!minutesAreApproved(meeting.state)) {
      throw invalid("state", "the minutes are not approved yet: change them directly");
    }
    const before = await minutesContent(tx, ctx, meetingId);
    if (correction.decisions) await writeDecisions(tx, meeting, correction.decisions, ctx.actor.id);
    if (correction.attendance) {
      await replaceAttendance(tx, meetingId, await mergedAttendance(tx, meeting, correction.attendance));
    }
    if ((await minutesContent(tx, ctx, meetingId)) === before) {
      throw invalid(
        "decisions",
        "the correction changes nothing; change a decision, an outcome or the attendance",
      );
    }
    return recordVersion(tx, ctx.actor, meetingId, "minutes", reason);
  });
}
