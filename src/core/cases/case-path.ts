import { notFound } from "../../platform/errors.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import type { Outcome } from "../agenda/agenda-item.schema.ts";
import type { ConsultationPurpose, FileRef, OrganizationRef } from "../agenda/agenda-item-view.ts";
import {
  agendaItemFor,
  type MeetingState,
  publicCaseCondition,
  publicConsultationCondition,
  publicFileCondition,
} from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";

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
  /** Once the minutes are public (or for the secretariat). */
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

interface StepRow {
  consultationId: string;
  planned: boolean;
  date: string;
  purpose: ConsultationPurpose;
  organization: OrganizationRef;
  meeting: (Omit<NonNullable<CaseStep["meeting"]>, "start"> & { start: string }) | null;
  itemId: string | null;
  number: string | null;
  title: string | null;
  isPublic: boolean | null;
  decision: string | null;
  outcome: Outcome | null;
  state: MeetingState | null;
}

const meetingJson = (m: string) =>
  `json_build_object('id', ${m}.id, 'title', ${m}.title, 'start', ${m}.start_at, 'allDay', ${m}.all_day, 'state', ${m}.state)`;

/**
 * A case with its path: every treatment at every body in time order, with outcome and decision
 * where the reader may see them, and the planned treatments still to be held. Not found when the
 * reader may not see the case.
 */
export async function getCasePath(ctx: Context, id: string): Promise<CasePath> {
  const audience = ctx.actor.audience;
  const isPublic = audience === "public";
  const cases = await ctx.db.query<Omit<CasePath, "steps" | "files">>(
    `SELECT c.id, c.reference, c.title, c.status FROM cases c
     WHERE c.id = $1 ${isPublic ? `AND ${publicCaseCondition("c")}` : ""}`,
    [id],
  );
  const found = cases[0];
  if (!found) throw notFound("case", id);
  const [steps, files] = await Promise.all([
    ctx.db.query<StepRow>(
      `SELECT c.id AS "consultationId", (c.agenda_item_id IS NULL) AS planned, c.purpose,
         COALESCE(to_char(m.start_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD'), c.planned_date::text) AS date,
         json_build_object('id', o.id, 'name', o.name, 'shortName', o.short_name) AS organization,
         CASE WHEN m.id IS NOT NULL THEN ${meetingJson("m")} ELSE (
           SELECT ${meetingJson("pm")} FROM meetings pm WHERE pm.organization_id = c.organization_id
             AND (pm.start_at AT TIME ZONE 'Europe/Copenhagen')::date = c.planned_date
           ORDER BY pm.start_at, pm.id LIMIT 1) END AS meeting,
         i.id AS "itemId", i.number, i.title, i.is_public AS "isPublic", i.decision, i.outcome, m.state
       FROM consultations c
       LEFT JOIN agenda_items i ON i.id = c.agenda_item_id
       LEFT JOIN meetings m ON m.id = i.meeting_id
       JOIN organizations o ON o.id = COALESCE(m.organization_id, c.organization_id)
       WHERE c.case_id = $1 ${isPublic ? `AND ${publicConsultationCondition("c", "i", "m")}` : ""}
       ORDER BY COALESCE(m.start_at, c.planned_date::timestamp AT TIME ZONE 'Europe/Copenhagen'), c.id`,
      [id],
    ),
    ctx.db.query<FileRef>(
      `SELECT f.id, f.name, f.media_type AS "mediaType", f.size_bytes AS "sizeBytes" FROM files f
       WHERE f.case_id = $1 ${isPublic ? `AND ${publicFileCondition("f")}` : ""} ORDER BY f.created_at, f.id`,
      [id],
    ),
  ]);
  return { ...found, steps: steps.flatMap((row) => presentStep(ctx, row)), files };
}

function presentStep(ctx: Context, row: StepRow): CaseStep[] {
  const meeting = row.meeting
    ? { ...row.meeting, start: toDanishIsoString(new Date(row.meeting.start)) }
    : null;
  const step = {
    consultationId: row.consultationId,
    planned: row.planned,
    date: row.date,
    purpose: row.purpose,
    organization: row.organization,
    meeting,
  };
  if (row.planned || row.itemId === null || row.state === null) {
    return [{ ...step, item: null, outcome: null, decision: null }];
  }
  // What the reader may see of the item is the visibility module's answer, as on the item's page.
  const visible = agendaItemFor(
    ctx.actor.audience,
    {
      title: row.title ?? "",
      isPublic: row.isPublic ?? false,
      background: null,
      recommendation: null,
      casePresentation: null,
      finance: null,
      decision: row.decision,
      outcome: row.outcome,
      presenterIds: [],
      caseId: null,
    },
    row.state,
  );
  if (!visible) return [];
  return [
    {
      ...step,
      item: { id: row.itemId, number: row.number ?? "", title: visible.title },
      outcome: visible.outcome as Outcome | null,
      decision: visible.decision,
    },
  ];
}
