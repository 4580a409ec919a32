import { fromDanishLocalTime, toDanishIsoString } from "../../platform/time.ts";
import type { OrganizationRef } from "../agenda/agenda-item-view.ts";
import type { MeetingState } from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";

/** A meeting in a list of coming or past meetings: the calendar is public (date, body, title, place, state). */
export interface MeetingSummary {
  id: string;
  title: string;
  start: string;
  end: string | null;
  allDay: boolean;
  location: string | null;
  state: MeetingState;
  organization: OrganizationRef;
}

interface Row extends Omit<MeetingSummary, "start" | "end"> {
  start: Date;
  end: Date | null;
}

const selectEntries = `SELECT m.id, m.title, m.start_at AS start, m.end_at AS "end", m.all_day AS "allDay",
    m.location, m.state, json_build_object('id', o.id, 'name', o.name, 'shortName', o.short_name) AS organization
  FROM meetings m JOIN organizations o ON o.id = m.organization_id`;

const present = (row: Row): MeetingSummary => ({
  ...row,
  start: toDanishIsoString(row.start),
  end: row.end ? toDanishIsoString(row.end) : null,
});

/** The first moment of the Danish day `instant` falls on: a meeting earlier today is still "today's". */
function startOfDanishDay(instant: Date): Date {
  return fromDanishLocalTime(`${toDanishIsoString(instant).slice(0, 10)}T00:00`);
}

/**
 * Meetings from the start of `today`'s Danish day on, soonest first ("coming"), or before it,
 * latest first ("past"); of one body, or of all.
 */
async function calendar(
  ctx: Context,
  direction: "coming" | "past",
  options: { today: Date; limit: number; organizationId?: string },
): Promise<MeetingSummary[]> {
  const params: unknown[] = [startOfDanishDay(options.today), options.limit];
  const byBody = options.organizationId
    ? `AND m.organization_id = $${params.push(options.organizationId)}`
    : "";
  const [compare, order] = direction === "coming" ? [">=", "ASC"] : ["<", "DESC"];
  const rows = await ctx.db.query<Row>(
    `${selectEntries} WHERE m.start_at ${compare} $1 ${byBody} ORDER BY m.start_at ${order}, m.id ${order} LIMIT $2`,
    params,
  );
  return rows.map(present);
}

export const comingMeetings = (ctx: Context, options: Parameters<typeof calendar>[2]) =>
  calendar(ctx, "coming", options);
export const pastMeetings = (ctx: Context, options: Parameters<typeof calendar>[2]) =>
  calendar(ctx, "past", options);
