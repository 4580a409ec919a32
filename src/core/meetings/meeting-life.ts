import { AppError } from "../../platform/errors.ts";
import { renumber } from "../agenda/agenda-builder.ts";
import { assertMayPrepare, lockMeeting } from "../agenda/preparation.ts";
import { applyStandardItems } from "../agenda/standard-items.ts";
import type { MeetingState } from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";
import { inTransaction } from "../shared/transaction.ts";
import type { MeetingCreate } from "./meeting.schema.ts";
import { createMeeting, updateMeeting } from "./meetings.ts";

/**
 * A meeting's life as the secretariat drives it: plan it (with the body's standard items), move or
 * cancel it, publish its agenda, mark it held, approve and publish its minutes. The versions of the
 * agenda and the minutes are recorded by `updateMeeting` as the state changes.
 */

type PlannedMeeting = Pick<
  MeetingCreate,
  "organizationId" | "title" | "start" | "end" | "allDay" | "location" | "onlineUrl"
>;

/** Plans a meeting of a body; its agenda starts with the body's standard items, filled. */
export async function planMeeting(ctx: Context, input: PlannedMeeting): Promise<string> {
  assertMayPrepare(ctx.actor, input.organizationId);
  return inTransaction(ctx, async (tx) => {
    const meeting = await createMeeting({ ...ctx, db: tx }, input);
    const locked = await lockMeeting(tx, meeting.id);
    await applyStandardItems(tx, locked, ctx.actor.id);
    await renumber(tx, locked, ctx.actor.id);
    return meeting.id;
  });
}

async function moveTo(ctx: Context, meetingId: string, to: MeetingState, allowedFrom: MeetingState[]) {
  await inTransaction(ctx, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    assertMayPrepare(ctx.actor, meeting.organizationId);
    if (!allowedFrom.includes(meeting.state)) {
      throw new AppError(
        "meeting.invalid_transition",
        `state: a meeting that is ${meeting.state} cannot become ${to}`,
        { field: "state", from: meeting.state, to },
      );
    }
    await updateMeeting({ ...ctx, db: tx }, meetingId, { state: to });
  });
}

/** Publishes the agenda: version 1 of it, and the public sees it from now on. */
export function publishAgenda(ctx: Context, meetingId: string): Promise<void> {
  return moveTo(ctx, meetingId, "agenda_published", ["planned"]);
}

export function markHeld(ctx: Context, meetingId: string): Promise<void> {
  return moveTo(ctx, meetingId, "held", ["agenda_published"]);
}

/** Approves the minutes: they become the record (version 1) and change only by correction. */
export function approveMinutes(ctx: Context, meetingId: string): Promise<void> {
  return moveTo(ctx, meetingId, "minutes_approved", ["held"]);
}

export function publishMinutes(ctx: Context, meetingId: string): Promise<void> {
  return moveTo(ctx, meetingId, "minutes_published", ["minutes_approved"]);
}

export function cancelMeeting(ctx: Context, meetingId: string): Promise<void> {
  return moveTo(ctx, meetingId, "cancelled", ["planned", "agenda_published"]);
}

export function reinstateMeeting(ctx: Context, meetingId: string): Promise<void> {
  return moveTo(ctx, meetingId, "planned", ["cancelled"]);
}

type MeetingMove = Pick<MeetingCreate, "start" | "end" | "allDay" | "location" | "title">;

/** Moves a meeting (date, time, place) while it is still ahead of being held. */
export async function moveMeeting(ctx: Context, meetingId: string, move: MeetingMove): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    assertMayPrepare(ctx.actor, meeting.organizationId);
    if (meeting.state !== "planned" && meeting.state !== "agenda_published") {
      throw new AppError(
        "agenda.locked",
        `start: a meeting that is ${meeting.state} can no longer be moved`,
        {
          field: "start",
        },
      );
    }
    await updateMeeting({ ...ctx, db: tx }, meetingId, {
      start: move.start,
      end: move.end ?? null,
      allDay: move.allDay ?? false,
      location: move.location ?? null,
      title: move.title,
    });
  });
}
