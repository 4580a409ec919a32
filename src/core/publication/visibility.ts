/**
 * The one place that decides what the public may see. Every door (API, web, OParl, search, feeds,
 * calendars, PDFs) asks this module; nothing else filters for the public on its own.
 *
 * - A meeting's date, body and title are public: the calendar is.
 * - Its agenda items are public once the agenda is published (not while it is a draft).
 * - Decisions and outcomes are public once the minutes are published.
 * - A closed item shows only its number, position and group, titled "Lukket punkt": never its
 *   title, sections, presenters, case, decision, declared conflicts of interest or files.
 * - Declared conflicts of interest are minutes: public with the decisions.
 * - A file is public when what it is attached to is public (an open item, a meeting whose agenda
 *   is published, a public case).
 * - A case is public when at least one open item of a published agenda treats it.
 * - A case's treatments (its path) are shown with the case: the planned ones (a body, a date, a
 *   purpose), since the plan is part of the case's public path as the documents announce it
 *   ("KKR møde den 23. april 2021 – orientering og drøftelse"); the actual ones at open items of
 *   published agendas.
 * - Attendance is public with the minutes.
 * - A public list filtered on a closed item's hidden parts (its case) does not find it.
 * - Search finds only items the reader sees in full, by their visible text: a decision (and its
 *   outcome, and the meeting's attendance) counts only where it may be seen; snippets come only
 *   from what may be shown.
 * - A deleted record leaves only its id and times; that tombstone is hidden where its surviving
 *   parent is hidden (an item removed from a draft agenda, a file of a closed item).
 * - The members' edition of a meeting (closed items in full) is for those who read all of the
 *   body: `mayReadMembersEdition` is the one check.
 *
 * Those who read all of a body (its members and secretariat, and the administrator: see
 * `permissions.ts`) see that body's closed items, drafts and attendance in full; for every other
 * body they get the public view, like anyone. The `public…` conditions are the rule for the
 * public; the actor-aware ones widen them by the bodies the actor reads.
 */
import { AppError } from "../../platform/errors.ts";
import { isId } from "../../platform/ids.ts";
import type { Actor } from "../shared/context.ts";
import { mayKeepRegisters, mayReadAllOf, readableOrganizations } from "./permissions.ts";

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
function publicAgendaCondition(meeting: string): string {
  return `${meeting}.state IN (${sqlList(agendaPublicStates)})`;
}

/** SQL condition: the meeting aliased `meeting` has published minutes. */
function publicMinutesCondition(meeting: string): string {
  return `${meeting}.state IN (${sqlList(minutesPublicStates)})`;
}

/** A published version (agenda or minutes) is public once what it versions is. */
export function publicationIsPublic(kind: "agenda" | "minutes", state: MeetingState): boolean {
  return kind === "agenda" ? agendaIsPublic(state) : minutesArePublic(state);
}

/** SQL condition: the publication aliased `p` of meeting `meeting` is public. */
function publicPublicationCondition(p: string, meeting: string): string {
  return `((${p}.kind = 'agenda' AND ${publicAgendaCondition(meeting)}) OR (${p}.kind = 'minutes' AND ${publicMinutesCondition(meeting)}))`;
}

/** SQL condition: the agenda item aliased `item`, of meeting `meeting`, may be shown in full. */
function publicOpenItemCondition(item: string, meeting: string): string {
  return `(${item}.is_public AND ${publicAgendaCondition(meeting)})`;
}

/**
 * SQL condition: the consultation aliased `c` may be shown, its item aliased `item` and that item's
 * meeting `meeting` joined (left joins: a planned treatment has neither). A planned treatment is
 * public; an actual one only at an open item of a published agenda.
 */
function publicConsultationCondition(c: string, item: string, meeting: string): string {
  return `(${c}.agenda_item_id IS NULL OR ${publicOpenItemCondition(item, meeting)})`;
}

/** SQL condition: the case aliased `c` is public. */
function publicCaseCondition(c: string): string {
  return `EXISTS (SELECT 1 FROM consultations pc JOIN agenda_items pi ON pi.id = pc.agenda_item_id
    JOIN meetings pm ON pm.id = pi.meeting_id WHERE pc.case_id = ${c}.id AND ${publicOpenItemCondition("pi", "pm")})`;
}

/** The ids come from the database, but they go into SQL text: anything else is a bug. */
function uuidLiteral(id: string): string {
  if (!isId(id)) throw new Error(`not an organisation id: ${JSON.stringify(id)}`);
  return `'${id}'::uuid`;
}

function anyOf(...clauses: string[]): string {
  if (clauses.includes("TRUE")) return "TRUE";
  const rest = clauses.filter((clause) => clause !== "FALSE");
  if (rest.length === 0) return "FALSE";
  return rest.length === 1 ? (rest[0] as string) : `(${rest.join(" OR ")})`;
}

/** SQL condition: the organisation id in `organizationColumn` is a body the actor reads all of. */
function readableBodyCondition(actor: Actor, organizationColumn: string): string {
  const readable = readableOrganizations(actor);
  if (readable === "all") return "TRUE";
  if (readable.length === 0) return "FALSE";
  return `${organizationColumn} IN (${readable.map(uuidLiteral).join(", ")})`;
}

/** SQL condition: the actor may see the publication aliased `p` of meeting `meeting`. */
export function publicationCondition(actor: Actor, p: string, meeting: string): string {
  return anyOf(
    publicPublicationCondition(p, meeting),
    readableBodyCondition(actor, `${meeting}.organization_id`),
  );
}

/**
 * SQL condition: the actor may see the consultation aliased `c`, its item aliased `item` and that
 * item's meeting `meeting` left-joined: planned ones, and actual ones at items it sees in full.
 */
export function consultationCondition(actor: Actor, c: string, item: string, meeting: string): string {
  return anyOf(
    publicConsultationCondition(c, item, meeting),
    readableBodyCondition(actor, `${meeting}.organization_id`),
  );
}

/**
 * SQL condition: the actor may see the consultation aliased `c` (item `item`, meeting `meeting`
 * left-joined) and the case it treats: a consultation of a case the actor may not see is hidden.
 */
export function visibleConsultationCondition(actor: Actor, c: string, item: string, meeting: string): string {
  const consultation = consultationCondition(actor, c, item, meeting);
  const visibleCase = caseCondition(actor, "cc");
  const ofVisibleCase =
    visibleCase === "TRUE"
      ? "TRUE"
      : `EXISTS (SELECT 1 FROM cases cc WHERE cc.id = ${c}.case_id AND ${visibleCase})`;
  if (consultation === "TRUE") return ofVisibleCase;
  return ofVisibleCase === "TRUE" ? consultation : `(${consultation} AND ${ofVisibleCase})`;
}

/** SQL condition: the actor may see the agenda of the meeting aliased `meeting`. */
export function agendaVisibleCondition(actor: Actor, meeting: string): string {
  return anyOf(publicAgendaCondition(meeting), readableBodyCondition(actor, `${meeting}.organization_id`));
}

/** SQL condition: the actor may see the item aliased `item`, of meeting `meeting`, in full. */
export function openItemCondition(actor: Actor, item: string, meeting: string): string {
  return anyOf(
    publicOpenItemCondition(item, meeting),
    readableBodyCondition(actor, `${meeting}.organization_id`),
  );
}

/**
 * SQL condition for a list filtered on what a closed item hides (its case, its content): only
 * items the actor sees in full may match, or the match itself would tell.
 */
export function itemFilterCondition(actor: Actor, item: string, meeting: string): string {
  return openItemCondition(actor, item, meeting);
}

/**
 * SQL condition: the actor may see the case aliased `c`. Beyond the public rule: a case treated
 * or planned at a body the actor reads; and, for those who keep the registers, a case on no
 * body's path yet (one being prepared).
 */
export function caseCondition(actor: Actor, c: string): string {
  if (actor.administrator) return "TRUE";
  const readable = readableBodyCondition(actor, "COALESCE(rm.organization_id, rc.organization_id)");
  const ofReadBody =
    readable === "FALSE"
      ? "FALSE"
      : `EXISTS (SELECT 1 FROM consultations rc LEFT JOIN agenda_items ri ON ri.id = rc.agenda_item_id
          LEFT JOIN meetings rm ON rm.id = ri.meeting_id WHERE rc.case_id = ${c}.id AND ${readable})`;
  const unplanned = mayKeepRegisters(actor)
    ? `NOT EXISTS (SELECT 1 FROM consultations uc WHERE uc.case_id = ${c}.id)`
    : "FALSE";
  return anyOf(publicCaseCondition(c), ofReadBody, unplanned);
}

/** SQL condition: the actor may see the file aliased `f`. */
export function fileCondition(actor: Actor, f: string): string {
  if (actor.administrator) return "TRUE";
  return `(
    EXISTS (SELECT 1 FROM agenda_items fi JOIN meetings fm ON fm.id = fi.meeting_id
      WHERE fi.id = ${f}.agenda_item_id AND ${openItemCondition(actor, "fi", "fm")})
    OR EXISTS (SELECT 1 FROM meetings fm2 WHERE fm2.id = ${f}.meeting_id AND ${agendaVisibleCondition(actor, "fm2")})
    OR EXISTS (SELECT 1 FROM cases fc WHERE fc.id = ${f}.case_id AND ${caseCondition(actor, "fc")})
  )`;
}

/**
 * SQL condition: the actor may see the tombstone aliased `t` (a row of deleted_records) of a record
 * of `table`. Records public as a whole (organisations, people, appointments, terms, meetings) and
 * cases show theirs; an agenda item's shows while its meeting's agenda is visible; a file's or
 * consultation's while what it was attached to still exists and is visible.
 */
export function deletionCondition(actor: Actor, t: string, table: string): string {
  const openItem = `EXISTS (SELECT 1 FROM agenda_items di JOIN meetings dm ON dm.id = di.meeting_id
    WHERE di.id = ${t}.agenda_item_id AND ${openItemCondition(actor, "di", "dm")})`;
  const visibleCase = `EXISTS (SELECT 1 FROM cases dc WHERE dc.id = ${t}.case_id AND ${caseCondition(actor, "dc")})`;
  const visibleMeeting = `EXISTS (SELECT 1 FROM meetings dm2 WHERE dm2.id = ${t}.meeting_id
    AND ${agendaVisibleCondition(actor, "dm2")})`;
  switch (table) {
    case "agenda_items":
      return visibleMeeting;
    case "consultations":
      return `(CASE WHEN ${t}.agenda_item_id IS NOT NULL THEN ${openItem} ELSE ${visibleCase} END)`;
    case "files":
      return `(CASE WHEN ${t}.agenda_item_id IS NOT NULL THEN ${openItem}
        WHEN ${t}.case_id IS NOT NULL THEN ${visibleCase} ELSE ${visibleMeeting} END)`;
    default:
      return "TRUE";
  }
}

/** SQL condition: the actor may see the decision and outcome of item `item` of meeting `meeting`. */
export function decisionCondition(actor: Actor, item: string, meeting: string): string {
  return anyOf(
    `(${item}.is_public AND ${publicMinutesCondition(meeting)})`,
    readableBodyCondition(actor, `${meeting}.organization_id`),
  );
}

/**
 * SQL condition: the search row aliased `row` (which carries its item's `is_public`) of meeting
 * `meeting` may be found by the actor at all.
 */
export function searchableItemCondition(actor: Actor, row: string, meeting: string): string {
  return openItemCondition(actor, row, meeting);
}

/**
 * SQL condition: the decision, the outcome and the meeting's attendance of search row `row` may be
 * searched and filtered on by the actor.
 */
export function searchableMinutesCondition(actor: Actor, row: string, meeting: string): string {
  return decisionCondition(actor, row, meeting);
}

/** A meeting as the rules below need it: its state and its body. */
interface MeetingOfBody {
  state: MeetingState;
  organizationId: string;
}

/** Whether the actor sees a meeting's agenda: once published, or as a reader of its body. */
export function agendaIsVisible(actor: Actor, meeting: MeetingOfBody): boolean {
  return mayReadAllOf(actor, meeting.organizationId) || agendaIsPublic(meeting.state);
}

/** Whether the actor sees a meeting's decisions: once the minutes are published, or as a reader of its body. */
export function minutesAreVisible(actor: Actor, meeting: MeetingOfBody): boolean {
  return mayReadAllOf(actor, meeting.organizationId) || minutesArePublic(meeting.state);
}

/**
 * Whether the actor sees the files attached to an item (open or closed) of a meeting:
 * `fileCondition`'s rule, for files read together with their item.
 */
export function itemFilesAreVisible(actor: Actor, itemIsPublic: boolean, meeting: MeetingOfBody): boolean {
  return mayReadAllOf(actor, meeting.organizationId) || (itemIsPublic && agendaIsPublic(meeting.state));
}

/** Whether the actor sees only a closed item's number ("Lukket punkt") and nothing of its content. */
export function itemIsRedacted(actor: Actor, item: { isPublic: boolean }, meeting: MeetingOfBody): boolean {
  return !item.isPublic && !mayReadAllOf(actor, meeting.organizationId);
}

/** Whether the actor sees the files attached to a meeting (as `fileCondition`). */
export function meetingFilesAreVisible(actor: Actor, meeting: MeetingOfBody): boolean {
  return agendaIsVisible(actor, meeting);
}

/**
 * Whether the actor may read the members' edition of a meeting of body `organizationId`: every
 * item in full, closed ones included.
 */
function mayReadMembersEdition(actor: Actor, organizationId: string): boolean {
  return mayReadAllOf(actor, organizationId);
}

/**
 * Refuses the members' edition (a page, a PDF) to whoever may not read it: 401 asks the public to
 * sign in; 403 tells a signed-in reader of other bodies that this one is not theirs.
 */
export function assertMayReadMembersEdition(actor: Actor, organizationId: string): void {
  if (mayReadMembersEdition(actor, organizationId)) return;
  if (!actor.authenticated) {
    throw new AppError(
      "auth.required",
      "udgave=medlemmer: the members' edition shows closed items; sign in or send a token (Authorization: Bearer ...)",
      { field: "udgave" },
    );
  }
  throw new AppError(
    "auth.forbidden",
    `udgave=medlemmer: the members' edition is for the members and secretariat of organisation ${organizationId}`,
    { field: "udgave" },
  );
}

/** Whether the actor sees who attended a meeting of the body: with the minutes, or as its reader. */
export function attendanceIsVisible(actor: Actor, state: MeetingState, organizationId: string): boolean {
  return mayReadAllOf(actor, organizationId) || minutesArePublic(state);
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
  /** Declared conflicts of interest: minutes, like the decision. */
  conflicts?: readonly { personId: string; note: string | null }[];
}

/**

 * The title the actor may see of an item of a meeting of body `organizationId` in `state` (an
 * agenda's outline, as in a calendar entry); null when the item itself is not to be shown.
 */
export function itemTitleFor(
  actor: Actor,
  item: Pick<ItemContent, "title" | "isPublic">,
  meeting: { state: MeetingState; organizationId: string },
): string | null {
  if (mayReadAllOf(actor, meeting.organizationId)) return item.title;
  if (!agendaIsPublic(meeting.state)) return null;
  return item.isPublic ? item.title : CLOSED_ITEM_TITLE;
}

/**
 * What the actor may see of an item of a meeting of body `organizationId` in `state`; null when
 * the item itself is not to be shown (its agenda is still a draft).
 */
export function agendaItemFor<Item extends ItemContent>(
  actor: Actor,
  item: Item,
  meeting: { state: MeetingState; organizationId: string },
): Item | null {
  if (mayReadAllOf(actor, meeting.organizationId)) return item;
  const { state } = meeting;
  const title = itemTitleFor(actor, item, meeting);
  if (title === null) return null;
  if (!item.isPublic) {
    return {
      ...item,
      title,
      background: null,
      recommendation: null,
      casePresentation: null,
      finance: null,
      decision: null,
      outcome: null,
      presenterIds: [],
      caseId: null,
      conflicts: [],
    };
  }
  if (!minutesArePublic(state)) return { ...item, decision: null, outcome: null, conflicts: [] };
  return item;
}
