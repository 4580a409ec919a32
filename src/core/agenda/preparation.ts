import type { Queryable } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { assertMinutesOpen } from "../meetings/meeting-state.ts";
import { assertMayPrepareFor } from "../publication/permissions.ts";
import type { MeetingState } from "../publication/visibility.ts";
import type { Actor } from "../shared/context.ts";

/** Who prepares a body's meetings: its secretariat (or the administrator). The workspace asks here. */
export function assertMayPrepare(actor: Actor, organizationId: string): void {
  assertMayPrepareFor(actor, organizationId);
}

export interface LockedMeeting {
  id: string;
  organizationId: string;
  state: MeetingState;
  start: Date;
}

/** Locks the meeting for the rest of the transaction (every change to its agenda or minutes does). */
export async function lockMeeting(tx: Queryable, meetingId: string): Promise<LockedMeeting> {
  const [meeting] = await tx.query<LockedMeeting>(
    `SELECT id, organization_id AS "organizationId", state, start_at AS "start"
     FROM meetings WHERE id = $1 FOR UPDATE`,
    [meetingId],
  );
  if (!meeting) throw notFound("meeting", meetingId);
  return meeting;
}

/** States in which the agenda may change: freely while planned, with a note once published. */
export function assertAgendaEditable(meeting: LockedMeeting): void {
  assertMinutesOpen(meeting);
  if (meeting.state !== "planned" && meeting.state !== "agenda_published") {
    throw new AppError(
      "agenda.locked",
      meeting.state === "cancelled"
        ? "the meeting is cancelled: reinstate it before changing its agenda"
        : "the meeting has been held: its agenda no longer changes; record the decisions in the minutes",
      { field: "state", state: meeting.state },
    );
  }
}
