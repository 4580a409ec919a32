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
 * - A public list filtered on a closed item's hidden parts (its case) does not find it.
 * - Search: the public finds only open items of published agendas, by their visible text; a
 *   decision (and its outcome, and the meeting's attendance) counts only once the minutes are
 *   published; snippets come only from what may be shown. Internal actors search everything.
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

/** SQL condition: the meeting aliased `meeting` has published minutes (decisions, attendance). */
export function publicMinutesCondition(meeting: string): string {
  return `${meeting}.state IN (${sqlList(minutesPublicStates)})`;
}

/**
 * SQL condition: the search row aliased `row` (which carries its item's `is_public`) of meeting
 * `meeting` may be found by `audience` at all.
 */
export function searchableItemCondition(audience: Audience, row: string, meeting: string): string {
  return audience === "internal" ? "true" : publicOpenItemCondition(row, meeting);
}

/**
 * SQL condition: the decision, outcome and attendance of an item of meeting `meeting` may be
 * searched and filtered on by `audience`.
 */
export function searchableMinutesCondition(audience: Audience, meeting: string): string {
  return audience === "internal" ? "true" : publicMinutesCondition(meeting);
}

/** SQL condition: the case aliased `c` is public. */
export function publicCaseCondition(c: string): string {
  return `EXISTS (SELECT 1 FROM consultations pc JOIN agenda_items pi ON pi.id = pc.agenda_item_id
    JOIN meetings pm ON pm.id = pi.meeting_id WHERE pc.case_id = ${c}.id AND ${publicOpenItemCondition("pi", "pm")})`;
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
