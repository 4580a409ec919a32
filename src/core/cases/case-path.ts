import { toDanishIsoString } from "../../platform/time.ts";
import type { Outcome } from "../agenda/agenda-item.schema.ts";
import type { ConsultationPurpose, FileRef, OrganizationRef } from "../agenda/agenda-item-view.ts";
import { fileCondition, type MeetingState } from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";
import { treatmentsOfCase } from "./case-treatments.ts";

/** One step of a case's path: a treatment that happened at an agenda item, or one planned. */
export interface CaseStep {
  consultationId: string;
  planned: boolean;
  /** The Danish calendar date of the meeting, or the planned date (yyyy-mm-dd). */
  date: string;
  purpose: ConsultationPurpose;
  organization: OrganizationRef;
  /** The meeting it happened at; for a planned step, the body's meeting on that date if the calendar has one. */
  meeting: { id: string; title: string; start: string; allDay: boolean; state: MeetingState } | null;
  item: { id: string; number: string; title: string } | null;
  /** Once the minutes are public (or for those who read all of the body). */
  outcome: Outcome | null;
  decision: string | null;
}

export interface CasePath {
  id: string;
  reference: string | null;
  title: string;
  status: "open" | "closed";
  steps: CaseStep[];
  files: FileRef[];
}

interface MeetingRow {
  id: string;
  organizationId: string;
  date: string;
  title: string;
  start: Date;
  allDay: boolean;
  state: MeetingState;
}

/**
 * A case with its path in time order: every treatment at every body, with outcome and decision
 * where the reader may see them, then the planned treatments still to be held. The treatments
 * are the reader's (`treatmentsOfCase`, which the case feed shows too); this adds what a page
 * names: the bodies' short names, the calendar's meeting on a planned date, the case's files.
 */
export async function getCasePath(ctx: Context, id: string): Promise<CasePath> {
  const { case: found, treatments } = await treatmentsOfCase(ctx, id);
  const organizationIds = [...new Set(treatments.flatMap((t) => t.consultation.organizationId ?? []))];
  const planned = treatments.filter((t) => t.consultation.planned && t.consultation.date);
  const [organizations, plannedMeetings, files] = await Promise.all([
    ctx.db.query<OrganizationRef>(
      `SELECT id, name, short_name AS "shortName" FROM organizations WHERE id = ANY($1::uuid[])`,
      [organizationIds],
    ),
    // The calendar is public: a planned step links to the body's meeting that day, if there is one.
    ctx.db.query<MeetingRow>(
      `SELECT m.id, m.organization_id AS "organizationId",
         to_char(m.start_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS date,
         m.title, m.start_at AS start, m.all_day AS "allDay", m.state
       FROM meetings m
       JOIN unnest($1::uuid[], $2::date[]) AS p(organization_id, planned_date)
         ON m.organization_id = p.organization_id
        AND (m.start_at AT TIME ZONE 'Europe/Copenhagen')::date = p.planned_date
       ORDER BY m.start_at, m.id`,
      [planned.map((t) => t.consultation.organizationId), planned.map((t) => t.consultation.date)],
    ),
    ctx.db.query<FileRef>(
      `SELECT f.id, f.name, f.media_type AS "mediaType", f.size_bytes AS "sizeBytes" FROM files f
       WHERE f.case_id = $1 AND ${fileCondition(ctx.actor, "f")} ORDER BY f.created_at, f.id`,
      [id],
    ),
  ]);
  const organizationById = new Map(organizations.map((o) => [o.id, o]));
  const plannedMeeting = new Map<string, MeetingRow>();
  for (const m of plannedMeetings) {
    const key = `${m.organizationId} ${m.date}`;
    if (!plannedMeeting.has(key)) plannedMeeting.set(key, m);
  }
  const steps = treatments.flatMap((t): CaseStep[] => {
    const { consultation, item } = t;
    const organization = consultation.organizationId
      ? organizationById.get(consultation.organizationId)
      : null;
    if (!organization || !consultation.date) return [];
    const meeting = t.meeting ?? plannedMeeting.get(`${organization.id} ${consultation.date}`) ?? null;
    return [
      {
        consultationId: consultation.id,
        planned: consultation.planned,
        date: consultation.date,
        purpose: consultation.purpose,
        organization,
        meeting: meeting
          ? {
              id: meeting.id,
              title: meeting.title,
              start: toDanishIsoString(meeting.start),
              allDay: meeting.allDay,
              state: meeting.state,
            }
          : null,
        item: item ? { id: item.id, number: item.number, title: item.title } : null,
        outcome: item?.outcome ?? null,
        decision: item?.decision ?? null,
      },
    ];
  });
  // The treatments come newest first (as a feed reads); a path reads from its start.
  steps.reverse();
  return {
    id: found.id,
    reference: found.reference,
    title: found.title,
    status: found.status,
    steps,
    files,
  };
}
