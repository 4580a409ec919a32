import { danishDateOf } from "../../platform/time.ts";
import { meetingBodyKinds } from "../organizations/organization.schema.ts";
import { mayPrepareFor } from "../publication/permissions.ts";
import type { MeetingState } from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";

/**
 * What the secretariat's workspace lists: the bodies it prepares for, their calendars, and the
 * people and cases to pick from. Internal reads: the workspace checks its reader first.
 */

interface BodySummary {
  id: string;
  name: string;
  shortName: string | null;
}

/** Every body that holds meetings and still exists, by name (where a case may be sent on to). */
export async function meetingBodies(ctx: Context): Promise<BodySummary[]> {
  return ctx.db.query<BodySummary>(
    `SELECT id, name, short_name AS "shortName" FROM organizations
     WHERE kind = ANY($1::text[]) AND (end_date IS NULL OR end_date >= current_date)
     ORDER BY lower(name), id`,
    [meetingBodyKinds],
  );
}

/** The bodies the actor prepares meetings for, by name. */
export async function bodiesPreparedBy(ctx: Context): Promise<BodySummary[]> {
  return (await meetingBodies(ctx)).filter((body) => mayPrepareFor(ctx.actor, body.id));
}

export interface CalendarEntry {
  id: string;
  organizationId: string;
  title: string;
  start: Date;
  end: Date | null;
  allDay: boolean;
  location: string | null;
  state: MeetingState;
}

const selectCalendar = `SELECT id, organization_id AS "organizationId", title, start_at AS start, end_at AS "end",
  all_day AS "allDay", location, state FROM meetings`;

/** A body's meetings in one calendar year (Copenhagen time), cancelled ones included. */
export async function meetingsOfYear(
  ctx: Context,
  organizationId: string,
  year: number,
): Promise<CalendarEntry[]> {
  return ctx.db.query<CalendarEntry>(
    `${selectCalendar} WHERE organization_id = $1
       AND start_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Copenhagen')
       AND start_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Copenhagen')
     ORDER BY start_at, id`,
    [organizationId, year],
  );
}

/** Meetings of these bodies from today on, not cancelled, soonest first. */
export async function comingMeetings(
  ctx: Context,
  organizationIds: readonly string[],
  limit = 20,
): Promise<CalendarEntry[]> {
  return ctx.db.query<CalendarEntry>(
    `${selectCalendar} WHERE organization_id = ANY($1::uuid[]) AND state <> 'cancelled'
       AND start_at >= $2::date::timestamp AT TIME ZONE 'Europe/Copenhagen'
     ORDER BY start_at, id LIMIT $3`,
    [organizationIds, danishDateOf(new Date()), limit],
  );
}

interface Named {
  id: string;
  name: string;
}

/** Everyone on the record, by name: presenters and attendance are picked from them. */
export async function peopleByName(ctx: Context): Promise<Named[]> {
  return ctx.db.query<Named>("SELECT id, name FROM people ORDER BY lower(name), id");
}

interface CaseChoice {
  id: string;
  title: string;
  reference: string | null;
}

/** Open cases, by title, to pick an item's case from. */
export async function openCases(ctx: Context): Promise<CaseChoice[]> {
  return ctx.db.query<CaseChoice>(
    "SELECT id, title, reference FROM cases WHERE status = 'open' ORDER BY lower(title), id",
  );
}
