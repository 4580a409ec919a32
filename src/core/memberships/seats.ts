import { toDanishIsoString } from "../../platform/time.ts";
import type { OrganizationRef, PersonRef } from "../agenda/agenda-item-view.ts";
import { openItemCondition } from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";
// Roles in the order a body's page lists them: the schema lists them by rank.
import { type Membership, membershipRoles } from "./membership.schema.ts";

/**
 * A seat (an appointment) with the names of who holds it, where, on whose behalf and for whom.
 * Appointments are public record, past ones included.
 */
export interface SeatView {
  id: string;
  role: Membership["role"];
  startDate: string | null;
  endDate: string | null;
  person: PersonRef;
  organization: OrganizationRef;
  onBehalfOf: OrganizationRef | null;
  /** For a substitute: the member they stand in for. */
  principal: PersonRef | null;
  /** The agenda item that made the appointment, when the reader may see that item. */
  decidedBy: { itemId: string; number: string; meetingId: string; meetingStart: string } | null;
}

export interface SeatsByPeriod {
  current: SeatView[];
  past: SeatView[];
  future: SeatView[];
}

/** Seats held on `today` (yyyy-mm-dd), ended before it, and starting after it. */
export function seatsByPeriod(seats: readonly SeatView[], today: string): SeatsByPeriod {
  const grouped: SeatsByPeriod = { current: [], past: [], future: [] };
  for (const seat of seats) {
    if (seat.endDate !== null && seat.endDate < today) grouped.past.push(seat);
    else if (seat.startDate !== null && seat.startDate > today) grouped.future.push(seat);
    else grouped.current.push(seat);
  }
  // Past seats latest first: the most recent history is what a reader looks for.
  grouped.past.sort((a, b) => (b.endDate ?? "").localeCompare(a.endDate ?? ""));
  return grouped;
}

const ref = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;
const orgRef = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'shortName', ${alias}.short_name) END`;

/** The seats of one person, in one body, or held on behalf of one organisation. */
export async function findSeats(
  ctx: Context,
  of: { personId: string } | { organizationId: string } | { onBehalfOfId: string },
): Promise<SeatView[]> {
  const [column, id] =
    "personId" in of
      ? ["person_id", of.personId]
      : "organizationId" in of
        ? ["organization_id", of.organizationId]
        : ["on_behalf_of_id", of.onBehalfOfId];
  const decisionVisible = `AND ${openItemCondition(ctx.actor, "di", "dm")}`;
  const rows = await ctx.db.query<SeatView>(
    `SELECT ms.id, ms.role, ms.start_date AS "startDate", ms.end_date AS "endDate",
       ${ref("p")} AS person, ${orgRef("o")} AS organization, ${orgRef("ob")} AS "onBehalfOf",
       ${ref("pp")} AS principal,
       (SELECT json_build_object('itemId', di.id, 'number', di.number, 'meetingId', dm.id, 'meetingStart', dm.start_at)
        FROM agenda_items di JOIN meetings dm ON dm.id = di.meeting_id
        WHERE di.id = ms.decided_by_agenda_item_id ${decisionVisible}) AS "decidedBy"
     FROM memberships ms
     JOIN people p ON p.id = ms.person_id
     JOIN organizations o ON o.id = ms.organization_id
     LEFT JOIN organizations ob ON ob.id = ms.on_behalf_of_id
     LEFT JOIN people pp ON pp.id = ms.principal_person_id
     WHERE ms.${column} = $1
     ORDER BY ms.start_date DESC NULLS LAST, ms.id`,
    [id],
  );
  const seats = rows.map((row) => ({
    ...row,
    decidedBy: row.decidedBy
      ? { ...row.decidedBy, meetingStart: toDanishIsoString(new Date(row.decidedBy.meetingStart)) }
      : null,
  }));
  return seats.sort(
    (a, b) =>
      ("personId" in of ? 0 : membershipRoles.indexOf(a.role) - membershipRoles.indexOf(b.role)) ||
      ("personId" in of ? 0 : a.person.name.localeCompare(b.person.name, "da")),
  );
}
