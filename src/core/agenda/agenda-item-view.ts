import { notFound } from "../../platform/errors.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import {
  agendaItemFor,
  type ItemContent,
  itemFilesAreVisible,
  itemIsRedacted,
  type MeetingState,
} from "../publication/visibility.ts";
import type { Actor, Context } from "../shared/context.ts";
import type { Outcome } from "./agenda-item.schema.ts";

export type ConsultationPurpose = "information" | "discussion" | "decision";

/** A record named by its id, as pages link to it. */
export interface PersonRef {
  id: string;
  name: string;
}
export interface OrganizationRef {
  id: string;
  name: string;
  shortName: string | null;
}
export interface CaseRef {
  id: string;
  reference: string | null;
  title: string;
}
export interface FileRef {
  id: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
}

/** An agenda item with the names of what it refers to, as far as the reader may see them. */
export interface AgendaItemView extends ItemContent {
  id: string;
  meetingId: string;
  position: number;
  number: string;
  groupHeading: string | null;
  outcome: Outcome | null;
  casePurpose: ConsultationPurpose | null;
  presenters: PersonRef[];
  case: CaseRef | null;
  files: FileRef[];
  /** The reader sees only the item's number and position: a closed item, for the public. */
  redacted: boolean;
}

type ItemRow = Omit<AgendaItemView, "presenters" | "presenterIds" | "case" | "files" | "redacted"> & {
  presenterRefs: PersonRef[];
  caseRef: CaseRef | null;
  fileRefs: FileRef[];
};

/**
 * One JSON object per item (alias `i`, its consultation `k`): content, presenters, case and files,
 * in one expression so that a meeting's items are one query. What of it the reader may see is
 * decided after reading, by `presentAgendaItemView`: the visibility rules need the item's own
 * fields, which this row has, so no per-file subqueries are planned.
 */
export const agendaItemJson = `json_build_object(
    'id', i.id, 'meetingId', i.meeting_id, 'position', i.position, 'number', i.number,
    'groupHeading', i.group_heading, 'title', i.title, 'isPublic', i.is_public,
    'background', i.background, 'recommendation', i.recommendation,
    'casePresentation', i.case_presentation, 'finance', i.finance,
    'decision', i.decision, 'outcome', i.outcome, 'caseId', k.case_id, 'casePurpose', k.purpose,
    'presenterRefs', COALESCE((SELECT json_agg(json_build_object('id', pp.id, 'name', pp.name) ORDER BY ap.position)
      FROM agenda_item_presenters ap JOIN people pp ON pp.id = ap.person_id WHERE ap.agenda_item_id = i.id), '[]'),
    'caseRef', (SELECT json_build_object('id', kc.id, 'reference', kc.reference, 'title', kc.title)
      FROM cases kc WHERE kc.id = k.case_id),
    'fileRefs', COALESCE((SELECT json_agg(json_build_object('id', f.id, 'name', f.name,
        'mediaType', f.media_type, 'sizeBytes', f.size_bytes) ORDER BY f.created_at, f.id)
      FROM files f WHERE f.agenda_item_id = i.id), '[]')
  )`;

/**
 * What the actor may see of an item read with `agendaItemJson`, of a meeting of body
 * `organizationId` in `state`: the visibility module redacts the content, and the names follow
 * what it left (a closed item keeps no presenters, no case, no files).
 */
export function presentAgendaItemView(
  actor: Actor,
  row: ItemRow,
  meeting: { state: MeetingState; organizationId: string },
): AgendaItemView | null {
  const { presenterRefs, caseRef, fileRefs, ...content } = row;
  const presenterIds = presenterRefs.map((person) => person.id);
  const visible = agendaItemFor(actor, { ...content, presenterIds }, meeting);
  if (!visible) return null;
  return {
    ...visible,
    casePurpose: visible.caseId ? visible.casePurpose : null,
    presenters: presenterRefs.filter((person) => visible.presenterIds.includes(person.id)),
    case: visible.caseId ? caseRef : null,
    files: itemFilesAreVisible(actor, content.isPublic, meeting) ? fileRefs : [],
    redacted: itemIsRedacted(actor, content, meeting),
  };
}

/** The meeting an item belongs to, as the item's page names it. */
interface MeetingRef {
  id: string;
  title: string;
  start: string;
  allDay: boolean;
  state: MeetingState;
  organization: OrganizationRef;
}

export interface AgendaItemPage {
  item: AgendaItemView;
  meeting: MeetingRef;
}

/** One item with its meeting and body; not found while its agenda is a draft for this reader. */
export async function getAgendaItemView(ctx: Context, id: string): Promise<AgendaItemPage> {
  const rows = await ctx.db.query<{
    item: ItemRow;
    meetingId: string;
    title: string;
    start: Date;
    allDay: boolean;
    state: MeetingState;
    organization: OrganizationRef;
  }>(
    `SELECT ${agendaItemJson} AS item,
       m.id AS "meetingId", m.title, m.start_at AS start, m.all_day AS "allDay", m.state,
       json_build_object('id', o.id, 'name', o.name, 'shortName', o.short_name) AS organization
     FROM agenda_items i
     LEFT JOIN consultations k ON k.agenda_item_id = i.id
     JOIN meetings m ON m.id = i.meeting_id
     JOIN organizations o ON o.id = m.organization_id
     WHERE i.id = $1`,
    [id],
  );
  const row = rows[0];
  const item = row
    ? presentAgendaItemView(ctx.actor, row.item, { state: row.state, organizationId: row.organization.id })
    : null;
  if (!row || !item) throw notFound("agenda item", id);
  return {
    item,
    meeting: {
      id: row.meetingId,
      title: row.title,
      start: toDanishIsoString(row.start),
      allDay: row.allDay,
      state: row.state,
      organization: row.organization,
    },
  };
}
