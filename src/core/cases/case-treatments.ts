import { latestInstant } from "../../platform/time.ts";
import type { AgendaItem } from "../agenda/agenda-item.schema.ts";
import { presentAgendaItems, selectAgendaItems } from "../agenda/agenda-items.ts";
import { itemFilterCondition, type MeetingState } from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";
import type { Case, Consultation } from "./case.schema.ts";
import { getCaseById } from "./cases.ts";

/**
 * A case's path as the reader may see it: each treatment with its body, its meeting and the item
 * that treated it (a decision only once the minutes are public), newest first. The case feed
 * is made of these.
 */
export interface CaseTreatment {
  consultation: Consultation;
  organizationName: string | null;
  meeting: { id: string; title: string; start: Date; allDay: boolean; state: MeetingState } | null;
  /** The item treating the case; null for a planned treatment. */
  item: AgendaItem | null;
  /** The latest change to anything the treatment shows. */
  lastModified: Date;
}

interface MeetingRow {
  id: string;
  title: string;
  start: Date;
  allDay: boolean;
  state: MeetingState;
  updatedAt: Date;
}

export async function treatmentsOfCase(
  ctx: Context,
  caseId: string,
): Promise<{ case: Case; treatments: CaseTreatment[] }> {
  const found = await getCaseById(ctx, caseId);
  // A closed item is found by its case only internally; for the public it does not treat the case.
  const closedOut = `AND ${itemFilterCondition(ctx.actor, "i", "m")}`;
  const itemRows = await ctx.db.query<Parameters<typeof presentAgendaItems>[1][number]>(
    `${selectAgendaItems} WHERE c.case_id = $1 ${closedOut}`,
    [caseId],
  );
  const items = new Map(presentAgendaItems(ctx, itemRows).map((item) => [item.id, item]));
  const meetingIds = found.consultations.flatMap((c) => (c.meetingId ? [c.meetingId] : []));
  const organizationIds = found.consultations.flatMap((c) => (c.organizationId ? [c.organizationId] : []));
  const [meetings, organizations] = await Promise.all([
    ctx.db.query<MeetingRow>(
      `SELECT id, title, start_at AS start, all_day AS "allDay", state, updated_at AS "updatedAt"
       FROM meetings WHERE id = ANY($1::uuid[])`,
      [meetingIds],
    ),
    ctx.db.query<{ id: string; name: string }>(
      "SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])",
      [organizationIds],
    ),
  ]);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const nameById = new Map(organizations.map((o) => [o.id, o.name]));

  const treatments: CaseTreatment[] = [];
  for (const consultation of found.consultations) {
    const item = consultation.agendaItemId ? (items.get(consultation.agendaItemId) ?? null) : null;
    // An actual treatment whose item the reader may not see is not part of the path they see.
    if (consultation.agendaItemId && !item) continue;
    const meetingRow = consultation.meetingId ? meetingById.get(consultation.meetingId) : undefined;
    const changes = [consultation.updatedAt, item?.updatedAt, meetingRow?.updatedAt].flatMap((d) =>
      d ? [new Date(d)] : [],
    );
    treatments.push({
      consultation,
      organizationName: consultation.organizationId
        ? (nameById.get(consultation.organizationId) ?? null)
        : null,
      meeting: meetingRow
        ? {
            id: meetingRow.id,
            title: meetingRow.title,
            start: meetingRow.start,
            allDay: meetingRow.allDay,
            state: meetingRow.state,
          }
        : null,
      item,
      lastModified: latestInstant(changes),
    });
  }
  // Newest first by the Danish date; within a day by the meeting's time.
  const sortKey = (t: CaseTreatment) =>
    `${t.consultation.date ?? ""} ${t.meeting?.start.toISOString() ?? ""}`;
  treatments.sort(
    (a, b) => sortKey(b).localeCompare(sortKey(a)) || b.consultation.id.localeCompare(a.consultation.id),
  );
  return { case: found, treatments };
}
