import { notFound } from "../../platform/errors.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import {
  type AgendaItemView,
  agendaItemJson,
  type CaseRef,
  type ConsultationPurpose,
  type FileRef,
  type OrganizationRef,
  type PersonRef,
  presentAgendaItemView,
} from "../agenda/agenda-item-view.ts";
import type { PublicationKind } from "../publication/versions.ts";
import {
  agendaIsVisible,
  attendanceIsVisible,
  caseCondition,
  consultationCondition,
  type MeetingState,
  meetingFilesAreVisible,
  minutesAreVisible,
  publicationCondition,
} from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";
import type { Attendance } from "./meeting.schema.ts";
import type { MeetingSummary } from "./meeting-lists.ts";

interface AttendanceView {
  person: PersonRef;
  status: Attendance["status"];
  substituteFor: PersonRef | null;
  note: string | null;
}

/** A published version of the agenda or minutes, without its content: the page lists them. */
interface VersionNote {
  kind: PublicationKind;
  version: number;
  note: string | null;
  publishedAt: string;
}

/** A meeting as its page shows it, as far as the reader may see it. */
export interface MeetingView extends MeetingSummary {
  onlineUrl: string | null;
  /** The reader sees the agenda (published, or the reader is internal). */
  agendaVisible: boolean;
  /** The reader sees decisions and attendance. */
  minutesVisible: boolean;
  items: AgendaItemView[];
  attendance: AttendanceView[];
  files: FileRef[];
  versions: VersionNote[];
  /** Cases planned for treatment by this body on this meeting's day ("punkter til næste møde"). */
  plannedCases: (CaseRef & { purpose: ConsultationPurpose })[];
}

interface Row {
  id: string;
  title: string;
  start: Date;
  end: Date | null;
  allDay: boolean;
  location: string | null;
  onlineUrl: string | null;
  state: MeetingState;
  organization: OrganizationRef;
  items: Parameters<typeof presentAgendaItemView>[1][];
  attendance: AttendanceView[];
  files: FileRef[];
  versions: VersionNote[];
  plannedCases: MeetingView["plannedCases"];
}

/**
 * The whole meeting page in one query (items with presenters, case and files; attendance; the
 * meeting's files; the versions published; the cases planned for it), so the page costs one round
 * trip however long its agenda is. What the actor may see of it is the visibility module's answer.
 */
export async function getMeetingView(ctx: Context, id: string): Promise<MeetingView> {
  const { actor } = ctx;
  const rows = await ctx.db.query<Row>(
    `SELECT m.id, m.title, m.start_at AS start, m.end_at AS "end", m.all_day AS "allDay", m.location,
       m.online_url AS "onlineUrl", m.state,
       json_build_object('id', o.id, 'name', o.name, 'shortName', o.short_name) AS organization,
       COALESCE((SELECT json_agg(x.item ORDER BY x.position, x.id) FROM (
         SELECT i.position, i.id, ${agendaItemJson} AS item
         FROM agenda_items i LEFT JOIN consultations k ON k.agenda_item_id = i.id
         WHERE i.meeting_id = m.id) x), '[]') AS items,
       COALESCE((SELECT json_agg(json_build_object(
           'person', json_build_object('id', ap.id, 'name', ap.name), 'status', a.status,
           'substituteFor', CASE WHEN sp.id IS NULL THEN NULL ELSE json_build_object('id', sp.id, 'name', sp.name) END,
           'note', a.note)
         ORDER BY CASE a.status WHEN 'present' THEN 0 WHEN 'excused' THEN 1 ELSE 2 END, ap.name, ap.id)
         FROM meeting_attendance a JOIN people ap ON ap.id = a.person_id
         LEFT JOIN people sp ON sp.id = a.substitute_for_person_id
         WHERE a.meeting_id = m.id), '[]') AS attendance,
       COALESCE((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'mediaType', f.media_type,
           'sizeBytes', f.size_bytes) ORDER BY f.created_at, f.id)
         FROM files f WHERE f.meeting_id = m.id), '[]') AS files,
       COALESCE((SELECT json_agg(json_build_object('kind', p.kind, 'version', p.version, 'note', p.note,
           'publishedAt', p.published_at) ORDER BY p.kind, p.version)
         FROM publications p WHERE p.meeting_id = m.id AND ${publicationCondition(actor, "p", "m")}), '[]') AS versions,
       COALESCE((SELECT json_agg(json_build_object('id', planned_case.id, 'reference', planned_case.reference,
           'title', planned_case.title, 'purpose', plan.purpose) ORDER BY planned_case.title, planned_case.id)
         FROM consultations plan JOIN cases planned_case ON planned_case.id = plan.case_id
         LEFT JOIN agenda_items plan_item ON plan_item.id = plan.agenda_item_id
         LEFT JOIN meetings plan_meeting ON plan_meeting.id = plan_item.meeting_id
         WHERE plan.agenda_item_id IS NULL AND plan.organization_id = m.organization_id
           AND plan.planned_date = (m.start_at AT TIME ZONE 'Europe/Copenhagen')::date
           AND ${consultationCondition(actor, "plan", "plan_item", "plan_meeting")}
           AND ${caseCondition(actor, "planned_case")}), '[]') AS "plannedCases"
     FROM meetings m JOIN organizations o ON o.id = m.organization_id
     WHERE m.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound("meeting", id);
  const meeting = { state: row.state, organizationId: row.organization.id };
  const items = row.items.flatMap((item) => {
    const visible = presentAgendaItemView(actor, item, meeting);
    return visible ? [visible] : [];
  });
  return {
    id: row.id,
    title: row.title,
    start: toDanishIsoString(row.start),
    end: row.end ? toDanishIsoString(row.end) : null,
    allDay: row.allDay,
    location: row.location,
    onlineUrl: row.onlineUrl,
    state: row.state,
    organization: row.organization,
    agendaVisible: agendaIsVisible(actor, meeting),
    minutesVisible: minutesAreVisible(actor, meeting),
    items,
    attendance: attendanceIsVisible(actor, row.state, meeting.organizationId) ? row.attendance : [],
    files: meetingFilesAreVisible(actor, meeting) ? row.files : [],
    plannedCases: row.plannedCases,
    versions: row.versions.map((v) => ({ ...v, publishedAt: toDanishIsoString(new Date(v.publishedAt)) })),
  };
}
