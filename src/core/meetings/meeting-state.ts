import { AppError } from "../../platform/errors.ts";
import type { MeetingState } from "../publication/visibility.ts";

/** The life of a meeting. Anything else is refused. */
const transitions: Record<MeetingState, readonly MeetingState[]> = {
  planned: ["agenda_published", "cancelled"],
  agenda_published: ["held", "cancelled"],
  held: ["minutes_approved"],
  minutes_approved: ["minutes_published"],
  minutes_published: [],
  cancelled: ["planned"],
};

export function assertTransition(from: MeetingState, to: MeetingState): void {
  if (from === to) return;
  if (!transitions[from].includes(to)) {
    const allowed = transitions[from];
    throw new AppError(
      "meeting.invalid_transition",
      `state: a meeting that is ${from} cannot become ${to}` +
        (allowed.length ? `; it can become ${allowed.join(" or ")}` : "; its state is final"),
      { field: "state", from, to },
    );
  }
}

/** Approved minutes are the record: nothing of the meeting or its items may change after that. */
export function minutesAreApproved(state: MeetingState): boolean {
  return state === "minutes_approved" || state === "minutes_published";
}

export function assertMinutesOpen(meeting: { id: string; state: MeetingState }): void {
  if (minutesAreApproved(meeting.state)) {
    throw new AppError(
      "meeting.minutes_approved",
      `the minutes of meeting ${meeting.id} are approved and cannot change; a correction must be made as a new version`,
      { meetingId: meeting.id },
    );
  }
}
