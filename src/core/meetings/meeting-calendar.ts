import { DANISH_TIME_ZONE, latestInstant } from "../../platform/time.ts";
import type { Membership } from "../memberships/membership.schema.ts";
import { getOrganizationById } from "../organizations/organizations.ts";
import { getPersonById } from "../people/people.ts";
import { agendaVisibleCondition, itemTitleFor, type MeetingState } from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";
import { meetingTable } from "./meetings.ts";

type MembershipRole = Membership["role"];

/**
 * Meetings as calendar entries (the iCal feeds): every meeting of a body, or of the bodies a
 * person sat in on the meeting's date. A meeting's date, body and title are public; its items come
 * through the visibility rules (none while the agenda is a draft, closed ones as "Lukket punkt").
 */
export interface CalendarEntry {
  id: string;
  organizationId: string;
  organizationName: string;
  title: string;
  start: Date;
  end: Date | null;
  allDay: boolean;
  location: string | null;
  onlineUrl: string | null;
  state: MeetingState;
  createdAt: Date;
  /** The latest change to anything the entry shows: the meeting, its body's name, its visible items. */
  lastModified: Date;
  /** The items the reader may see, in agenda order. */
  agendaItems: OutlineItem[];
  /** In a person's calendar: the roles they held in the body on the meeting's date. */
  roles: MembershipRole[];
}

export interface Calendar {
  /** The body's or the person's name. */
  name: string;
  /** The latest change to anything the calendar shows (at least its owner's record). */
  lastModified: Date;
  entries: CalendarEntry[];
}

type MeetingRow = Omit<CalendarEntry, "lastModified" | "agendaItems" | "roles"> & {
  organizationUpdatedAt: Date;
  updatedAt: Date;
  roles: MembershipRole[] | null;
};

const meetingColumns = `${meetingTable.select("m")},
  o.name AS "organizationName", o.updated_at AS "organizationUpdatedAt"`;

/** An item as a calendar entry lists it: its number and the title the reader may see. */
interface OutlineItem {
  number: string;
  title: string;
  groupHeading: string | null;
  updatedAt: Date;
}

/**
 * The visible outline of many meetings' agendas at once, by meeting. Only the columns an outline
 * needs are read: a body's calendar spans years of agendas, and their sections can be long.
 */
async function outlinesOf(ctx: Context, meetingIds: string[]): Promise<Map<string, OutlineItem[]>> {
  const byMeeting = new Map<string, OutlineItem[]>();
  if (meetingIds.length === 0) return byMeeting;
  // Drafts drop out in SQL too, so their items are never even read for the public.
  const draftsOut = `AND ${agendaVisibleCondition(ctx.actor, "m")}`;
  const rows = await ctx.db.query<
    OutlineItem & { meetingId: string; isPublic: boolean; state: MeetingState; organizationId: string }
  >(
    `SELECT i.meeting_id AS "meetingId", i.number, i.title, i.group_heading AS "groupHeading",
       i.is_public AS "isPublic", i.updated_at AS "updatedAt", m.state, m.organization_id AS "organizationId"
     FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
     WHERE i.meeting_id = ANY($1::uuid[]) ${draftsOut} ORDER BY i.position, i.id`,
    [meetingIds],
  );
  for (const { meetingId, isPublic, state, organizationId, ...item } of rows) {
    const title = itemTitleFor(ctx.actor, { title: item.title, isPublic }, { state, organizationId });
    if (title === null) continue;
    const list = byMeeting.get(meetingId) ?? [];
    list.push({ ...item, title });
    byMeeting.set(meetingId, list);
  }
  return byMeeting;
}

async function toEntries(ctx: Context, rows: MeetingRow[]): Promise<CalendarEntry[]> {
  const outlines = await outlinesOf(
    ctx,
    rows.map((row) => row.id),
  );
  return rows.map(({ organizationUpdatedAt, updatedAt, roles, ...row }) => {
    const agendaItems = outlines.get(row.id) ?? [];
    return {
      ...row,
      agendaItems,
      roles: roles ?? [],
      lastModified: latestInstant([
        updatedAt,
        organizationUpdatedAt,
        ...agendaItems.map((item) => item.updatedAt),
      ]),
    };
  });
}

function calendarOf(owner: { name: string; updatedAt: string }, entries: CalendarEntry[]): Calendar {
  return {
    name: owner.name,
    lastModified: latestInstant([new Date(owner.updatedAt), ...entries.map((entry) => entry.lastModified)]),
    entries,
  };
}

/** Every meeting of a body, cancelled ones included (so subscribed calendars learn of it). */
export async function calendarOfBody(ctx: Context, organizationId: string): Promise<Calendar> {
  const organization = await getOrganizationById(ctx, organizationId);
  const rows = await ctx.db.query<MeetingRow>(
    `SELECT ${meetingColumns}, NULL AS roles
     FROM meetings m JOIN organizations o ON o.id = m.organization_id
     WHERE m.organization_id = $1 ORDER BY m.start_at, m.id`,
    [organizationId],
  );
  return calendarOf(organization, await toEntries(ctx, rows));
}

/**
 * The meetings of the bodies a person sat in when they met: appointments whose period covers the
 * meeting's Danish date, in any role (a substitute's meetings too, with the role to say so).
 */
export async function calendarOfPerson(ctx: Context, personId: string): Promise<Calendar> {
  const person = await getPersonById(ctx, personId);
  const rows = await ctx.db.query<MeetingRow>(
    `SELECT ${meetingColumns}, array_agg(DISTINCT ms.role ORDER BY ms.role) AS roles
     FROM meetings m
     JOIN organizations o ON o.id = m.organization_id
     JOIN memberships ms ON ms.organization_id = m.organization_id AND ms.person_id = $1
       AND daterange(ms.start_date, ms.end_date, '[]') @> (m.start_at AT TIME ZONE '${DANISH_TIME_ZONE}')::date
     GROUP BY m.id, o.id
     ORDER BY m.start_at, m.id`,
    [personId],
  );
  return calendarOf(person, await toEntries(ctx, rows));
}
