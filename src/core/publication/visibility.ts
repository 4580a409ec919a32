/**
 * The one place that decides what the public may see. Every door (API, web, OParl, search, feeds,
 * calendars, PDFs) asks this module; nothing else filters for the public on its own.
 *
 * - A meeting's date, body and title are public: the calendar is.
 * - Its agenda items are public once the agenda is published (not while it is a draft).
 * - Decisions and outcomes are public once the minutes are published.
 * - A closed item shows only its number, position and group, titled "Lukket punkt": never its
 *   title, sections, presenters, case, decision or files.
 * - A file is public when what it is attached to is public (an open item, a meeting whose agenda
 *   is published, a public case).
 * - A case is public when at least one open item of a published agenda treats it.
 * - A treatment of a case (consultation) is public when its case is and, if it happened at an
 *   agenda item, that item is open on a published agenda. A planned treatment (a body, a date, a
 *   purpose) is public when its case is: the plan is part of the case's public path, as the
 *   documents themselves announce it ("KKR møde den 23. april 2021 – orientering og drøftelse").
 * - Attendance is public with the minutes.
 * - A public list filtered on a closed item's hidden parts (its case) does not find it.
 * - The members' edition of a meeting (closed items in full) is for those who may see closed items:
 *   `mayReadMembersEdition` is the one check.
 */
export type Audience = "public" | "internal";

export const meetingStates = [
  "planned",
  "agenda_published",
  "held",
  "minutes_approved",
  "minutes_published",
  "cancelled",
] as const;
export type MeetingState = (typeof meetingStates)[number];

const agendaPublicStates: readonly MeetingState[] = [
  "agenda_published",
  "held",
  "minutes_approved",
  "minutes_published",
];
const minutesPublicStates: readonly MeetingState[] = ["minutes_published"];

export const CLOSED_ITEM_TITLE = "Lukket punkt";

export function agendaIsPublic(state: MeetingState): boolean {
  return agendaPublicStates.includes(state);
}

export function minutesArePublic(state: MeetingState): boolean {
  return minutesPublicStates.includes(state);
}

const sqlList = (states: readonly string[]) => states.map((s) => `'${s}'`).join(", ");

/** SQL condition: the meeting aliased `meeting` has a public agenda. */
export function publicAgendaCondition(meeting: string): string {
  return `${meeting}.state IN (${sqlList(agendaPublicStates)})`;
}

/** SQL condition: the meeting aliased `meeting` has published minutes. */
export function publicMinutesCondition(meeting: string): string {
  return `${meeting}.state IN (${sqlList(minutesPublicStates)})`;
}

/** A published version (agenda or minutes) is public once what it versions is. */
export function publicationIsPublic(kind: "agenda" | "minutes", state: MeetingState): boolean {
  return kind === "agenda" ? agendaIsPublic(state) : minutesArePublic(state);
}

/** SQL condition: the publication aliased `p` of meeting `meeting` is public. */
export function publicPublicationCondition(p: string, meeting: string): string {
  return `((${p}.kind = 'agenda' AND ${publicAgendaCondition(meeting)}) OR (${p}.kind = 'minutes' AND ${publicMinutesCondition(meeting)}))`;
}

/** SQL condition: the agenda item aliased `item`, of meeting `meeting`, may be shown in full. */
export function publicOpenItemCondition(item: string, meeting: string): string {
  return `(${item}.is_public AND ${publicAgendaCondition(meeting)})`;
}

/**
 * SQL condition for a public list filtered on what a closed item hides (its case, its content):
 * only open items of published agendas may match, or the match itself would tell.
 */
export function publicItemFilterCondition(item: string, meeting: string): string {
  return publicOpenItemCondition(item, meeting);
}

/** SQL condition: the case aliased `c` is public. */
export function publicCaseCondition(c: string): string {
  return `EXISTS (SELECT 1 FROM consultations pc JOIN agenda_items pi ON pi.id = pc.agenda_item_id
    JOIN meetings pm ON pm.id = pi.meeting_id WHERE pc.case_id = ${c}.id AND ${publicOpenItemCondition("pi", "pm")})`;
}

/**
 * SQL condition: the consultation aliased `c`, left-joined to its agenda item `item` and that
 * item's meeting `meeting`, is public (planned, or at an open item of a published agenda; and its
 * case is public).
 */
export function publicConsultationCondition(c: string, item: string, meeting: string): string {
  return `((${c}.agenda_item_id IS NULL OR ${publicOpenItemCondition(item, meeting)})
    AND EXISTS (SELECT 1 FROM cases pcc WHERE pcc.id = ${c}.case_id AND ${publicCaseCondition("pcc")}))`;
}

/** SQL condition: the decision and outcome of item `item` of meeting `meeting` are public. */
export function publicDecisionCondition(item: string, meeting: string): string {
  return `(${item}.is_public AND ${publicMinutesCondition(meeting)})`;
}

/** Whether `audience` sees who attended a meeting in `state`: with the published minutes. */
export function attendanceIsVisible(audience: Audience, state: MeetingState): boolean {
  return audience === "internal" || minutesArePublic(state);
}

/**
 * Whether the actor may read the members' edition of a meeting (closed items in full). Today the
 * internal audience; with accounts this becomes a question of the actor's role, asked here only.
 */
export function mayReadMembersEdition(actor: { audience: Audience }): boolean {
  return actor.audience === "internal";
}

/**
 * Whether `audience` sees the files attached to an item (open or closed) of a meeting in `state`:
 * `publicFileCondition`'s rule for files read together with their item.
 */
export function itemFilesAreVisible(audience: Audience, itemIsPublic: boolean, state: MeetingState): boolean {
  return audience === "internal" || (itemIsPublic && agendaIsPublic(state));
}

/** Whether `audience` sees the files attached to a meeting in `state` (as `publicFileCondition`). */
export function meetingFilesAreVisible(audience: Audience, state: MeetingState): boolean {
  return audience === "internal" || agendaIsPublic(state);
}

/** SQL condition: the file aliased `f` is public. */
export function publicFileCondition(f: string): string {
  return `(
    EXISTS (SELECT 1 FROM agenda_items fi JOIN meetings fm ON fm.id = fi.meeting_id
      WHERE fi.id = ${f}.agenda_item_id AND ${publicOpenItemCondition("fi", "fm")})
    OR EXISTS (SELECT 1 FROM meetings fm2 WHERE fm2.id = ${f}.meeting_id AND ${publicAgendaCondition("fm2")})
    OR EXISTS (SELECT 1 FROM cases fc WHERE fc.id = ${f}.case_id AND ${publicCaseCondition("fc")})
  )`;
}

/** The parts of an agenda item that visibility rules act on. */
export interface ItemContent {
  title: string;
  isPublic: boolean;
  background: string | null;
  recommendation: string | null;
  casePresentation: string | null;
  finance: string | null;
  decision: string | null;
  outcome: string | null;
  presenterIds: string[];
  caseId: string | null;
}

/**
 * What `audience` may see of an item of a meeting in `state`; null when the item itself is not
 * to be shown (its agenda is still a draft).
 */
export function agendaItemFor<Item extends ItemContent>(
  audience: Audience,
  item: Item,
  state: MeetingState,
): Item | null {
  if (audience === "internal") return item;
  if (!agendaIsPublic(state)) return null;
  if (!item.isPublic) {
    return {
      ...item,
      title: CLOSED_ITEM_TITLE,
      background: null,
      recommendation: null,
      casePresentation: null,
      finance: null,
      decision: null,
      outcome: null,
      presenterIds: [],
      caseId: null,
    };
  }
  if (!minutesArePublic(state)) return { ...item, decision: null, outcome: null };
  return item;
}
