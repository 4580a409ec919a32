import type { AgendaItem } from "../core/agenda/agenda-item.schema.ts";
import { getCaseById } from "../core/cases/cases.ts";
import type { StoredFile } from "../core/files/file.schema.ts";
import { findFiles } from "../core/files/files.ts";
import type { Attendance, MeetingDetail } from "../core/meetings/meeting.schema.ts";
import { getMeetingById } from "../core/meetings/meetings.ts";
import { getOrganizationById } from "../core/organizations/organizations.ts";
import { getPersonById } from "../core/people/people.ts";
import type { Person } from "../core/people/person.schema.ts";
import {
  agendaIsPublic,
  assertMayReadMembersEdition,
  type MeetingState,
  minutesArePublic,
} from "../core/publication/visibility.ts";
import { anonymousReader, type Context } from "../core/shared/context.ts";
import { MAX_PAGE_SIZE } from "../platform/db/keyset.ts";
import { AppError } from "../platform/errors.ts";
import { toDanishIsoString } from "../platform/time.ts";
import { formatDate, formatShortDate, formatTime } from "../web/format.ts";
import { label } from "../web/labels.ts";

/** The agenda (dagsorden) or the minutes (referat) of a meeting. */
export type DocumentKind = "agenda" | "minutes";
/** The members' edition shows closed items; the public edition shows what the public may see. */
export type DocumentEdition = "members" | "public";

export interface DocumentAttachment {
  fileId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
}

/** A titled part of an item: Baggrund, Indstilling, Sagsfremstilling, Økonomi. */
interface DocumentSection {
  heading: string;
  markdown: string;
}

/** A member who declared themselves disqualified (inhabil) on an item, as the minutes record it. */
interface DeclaredConflict {
  personName: string;
  note: string | null;
}

export interface DocumentItem {
  id: string;
  number: string;
  groupHeading: string | null;
  /** In the public edition a closed item's title is "Lukket punkt" (visibility decides). */
  title: string;
  closed: boolean;
  presenters: string[];
  case: { reference: string | null; title: string } | null;
  sections: DocumentSection[];
  /** Minutes only. */
  decision: string | null;
  outcome: string | null;
  attachments: DocumentAttachment[];
  /** Minutes only: declared conflicts of interest (inhabilitet), printed with the decision. */
  conflictsOfInterest?: DeclaredConflict[];
}

export interface DocumentAttendee {
  name: string;
  title: string | null;
  /** The member this person stood in for (stedfortræder for ...). */
  substituteFor: string | null;
  note: string | null;
}

interface DocumentAttendance {
  present: DocumentAttendee[];
  /** Afbud. */
  excused: DocumentAttendee[];
  /** Fraværende without notice. */
  absent: DocumentAttendee[];
}

/** Everything an agenda or minutes document shows, already filtered for its edition. */
export interface MeetingDocument {
  kind: DocumentKind;
  edition: DocumentEdition;
  meetingId: string;
  /** "Dagsorden" or "Referat". */
  heading: string;
  /** The PDF's title: "Dagsorden: KKR Midtjylland, 6. maj 2021". */
  documentTitle: string;
  body: { name: string; shortName: string | null };
  meetingTitle: string;
  /** Not yet published (agenda) or approved (minutes): the document says "Udkast". */
  draft: boolean;
  cancelled: boolean;
  /** "torsdag den 6. maj 2021". */
  date: string;
  /** "kl. 10.00" or "kl. 10.00–13.00"; null for a meeting without a set time. */
  time: string | null;
  /** The local date, yyyy-mm-dd. */
  isoDate: string;
  place: string | null;
  onlineUrl: string | null;
  items: DocumentItem[];
  /** Minutes only. */
  attendance: DocumentAttendance | null;
  /** Files attached to the meeting rather than to an item. */
  meetingAttachments: DocumentAttachment[];
}

export const documentHeadings: Record<DocumentKind, string> = { agenda: "Dagsorden", minutes: "Referat" };

/**
 * The context a document edition is read in. The public edition is read as the anonymous public,
 * so that visibility decides what it shows, whoever asks for it; the members' edition as the
 * caller, once `assertMayReadMembersEdition` has let them in.
 */
export function editionContext<C extends Context>(ctx: C, edition: DocumentEdition): C {
  return edition === "public" ? { ...ctx, actor: anonymousReader } : ctx;
}

const minutesBeingWritten: readonly MeetingState[] = ["held", "minutes_approved", "minutes_published"];

function assertDocumentExists(meeting: MeetingDetail, kind: DocumentKind, edition: DocumentEdition): void {
  const what = kind === "agenda" ? "agenda" : "minutes";
  if (edition === "public") {
    const published = kind === "agenda" ? agendaIsPublic(meeting.state) : minutesArePublic(meeting.state);
    if (!published) {
      throw new AppError(
        "document.not_available",
        `the ${what} of meeting ${meeting.id} ${kind === "agenda" ? "is" : "are"} not published`,
        { meetingId: meeting.id, state: meeting.state },
      );
    }
  } else if (kind === "minutes" && !minutesBeingWritten.includes(meeting.state)) {
    throw new AppError(
      "document.not_available",
      `meeting ${meeting.id} has not been held (it is ${meeting.state}), so it has no minutes yet`,
      { meetingId: meeting.id, state: meeting.state },
    );
  }
}

async function allFiles(ctx: Context, query: { agendaItemId?: string; meetingId?: string }) {
  const files: StoredFile[] = [];
  let cursor: string | undefined;
  do {
    const page = await findFiles(ctx, { ...query, limit: MAX_PAGE_SIZE, cursor });
    files.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return files.map(
    (file): DocumentAttachment => ({
      fileId: file.id,
      name: file.name,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
    }),
  );
}

/** Reads each person once, however many items they present. */
function personReader(ctx: Context) {
  const cache = new Map<string, Person>();
  return async (id: string) => {
    let person = cache.get(id);
    if (!person) {
      person = await getPersonById(ctx, id);
      cache.set(id, person);
    }
    return person;
  };
}

const sectionHeadings = [
  ["background", "Baggrund"],
  ["recommendation", "Indstilling"],
  ["casePresentation", "Sagsfremstilling"],
  ["finance", "Økonomi"],
] as const;

async function documentItem(
  ctx: Context,
  item: AgendaItem,
  kind: DocumentKind,
  person: (id: string) => Promise<Person>,
): Promise<DocumentItem> {
  const presenters: string[] = [];
  for (const id of item.presenterIds) presenters.push((await person(id)).name);
  const treatedCase = item.caseId ? await getCaseById(ctx, item.caseId) : null;
  const attachments = await allFiles(ctx, { agendaItemId: item.id });
  const sections: DocumentSection[] = [];
  for (const [field, heading] of sectionHeadings) {
    const markdown = item[field]?.trim();
    if (markdown) sections.push({ heading, markdown });
  }
  const minutes = kind === "minutes";
  const conflictsOfInterest: DeclaredConflict[] = [];
  // Visibility has already emptied them where the reader may not see them (closed items, drafts).
  for (const conflict of minutes ? (item.conflicts ?? []) : []) {
    conflictsOfInterest.push({ personName: (await person(conflict.personId)).name, note: conflict.note });
  }
  return {
    id: item.id,
    number: item.number,
    groupHeading: item.groupHeading,
    title: item.title,
    closed: !item.isPublic,
    presenters,
    case: treatedCase ? { reference: treatedCase.reference, title: treatedCase.title } : null,
    sections,
    decision: minutes ? item.decision?.trim() || null : null,
    outcome: minutes && item.outcome && item.outcome !== "none" ? label.outcome("da", item.outcome) : null,
    attachments,
    conflictsOfInterest,
  };
}

const danishOrder = new Intl.Collator("da-DK");

async function documentAttendance(
  entries: readonly Attendance[],
  person: (id: string) => Promise<Person>,
): Promise<DocumentAttendance> {
  const attendees: { status: Attendance["status"]; attendee: DocumentAttendee }[] = [];
  for (const entry of entries) {
    const who = await person(entry.personId);
    const attendee: DocumentAttendee = {
      name: who.name,
      title: who.title,
      substituteFor: entry.substituteForPersonId ? (await person(entry.substituteForPersonId)).name : null,
      note: entry.note ?? null,
    };
    attendees.push({ status: entry.status, attendee });
  }
  const of = (status: Attendance["status"]) =>
    attendees
      .filter((a) => a.status === status)
      .map((a) => a.attendee)
      .sort((a, b) => danishOrder.compare(a.name, b.name));
  return { present: of("present"), excused: of("excused"), absent: of("absent") };
}

/**
 * The agenda or minutes of a meeting as a document shows them. The public edition is read through
 * the anonymous public's context; the members' edition through the caller's, which must be allowed
 * to see closed items. Throws document.not_available when the edition has no such document yet.
 */
export async function loadMeetingDocument(
  ctx: Context,
  meetingId: string,
  kind: DocumentKind,
  edition: DocumentEdition,
): Promise<MeetingDocument> {
  const reader = editionContext(ctx, edition);
  const meeting = await getMeetingById(reader, meetingId);
  if (edition === "members") assertMayReadMembersEdition(ctx.actor, meeting.organizationId);
  assertDocumentExists(meeting, kind, edition);
  // One query at a time: a document is read on one connection, not on the whole pool.
  const person = personReader(reader);
  const body = await getOrganizationById(reader, meeting.organizationId);
  const items: DocumentItem[] = [];
  for (const item of meeting.agendaItems) items.push(await documentItem(reader, item, kind, person));
  const meetingAttachments = await allFiles(reader, { meetingId });
  const attendance = kind === "minutes" ? await documentAttendance(meeting.attendance, person) : null;
  const start = new Date(meeting.start);
  const end = meeting.end ? new Date(meeting.end) : null;
  const sameDay =
    end !== null && toDanishIsoString(end).slice(0, 10) === toDanishIsoString(start).slice(0, 10);
  const time = meeting.allDay
    ? null
    : `kl. ${formatTime(start, "da")}${end && sameDay ? `–${formatTime(end, "da")}` : ""}`;
  const heading = documentHeadings[kind];
  const bodyName = body.name;
  const draft =
    kind === "agenda"
      ? !agendaIsPublic(meeting.state) && meeting.state !== "cancelled"
      : meeting.state === "held";
  return {
    kind,
    edition,
    meetingId,
    heading,
    documentTitle: `${heading}: ${bodyName}, ${formatShortDate(start, "da")}`,
    body: { name: bodyName, shortName: body.shortName },
    meetingTitle: meeting.title,
    draft,
    cancelled: meeting.state === "cancelled",
    date: formatDate(start, "da"),
    time,
    isoDate: toDanishIsoString(start).slice(0, 10),
    place: meeting.location,
    onlineUrl: meeting.onlineUrl,
    items,
    attendance,
    meetingAttachments,
  };
}
