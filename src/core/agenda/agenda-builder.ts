import type { Database, Queryable } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { caseTable } from "../cases/cases.ts";
import { recordVersion } from "../publication/versions.ts";
import type { Context } from "../shared/context.ts";
import { inTransaction } from "../shared/transaction.ts";
import type { StandardItemKind } from "./agenda-item.schema.ts";
import { agendaItemTable, setPresenters } from "./agenda-items.ts";
import { readAgendaSettings } from "./agenda-settings.ts";
import { agendaChangeNote } from "./change-note.ts";
import { numberItems } from "./numbering.ts";
import { assertAgendaEditable, assertMayPrepare, type LockedMeeting, lockMeeting } from "./preparation.ts";

/**
 * The agenda builder: add, edit, reorder, group and remove items. Every change runs in one
 * transaction that locks the meeting, renumbers the agenda by the body's scheme and, once the
 * agenda is published, records a new agenda version with the note of what changed.
 */

/** What every change to an agenda may carry: required once the agenda is published. */
export interface ChangeNote {
  note?: string | null;
}

const MAX_TITLE = 1000;
const MAX_SECTION = 1_000_000;

/**
 * Runs one change to a meeting's agenda: checks who may, that the agenda may still change and that
 * a published one says what changed; then renumbers and, when published, records the version.
 */
export async function changeAgenda<T>(
  ctx: Context,
  meetingId: string,
  change: ChangeNote,
  work: (tx: Database, meeting: LockedMeeting) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    assertMayPrepare(ctx.actor, meeting.organizationId);
    assertAgendaEditable(meeting);
    const note = agendaChangeNote(meeting.state, change.note, "note");
    const result = await work(tx, meeting);
    await renumber(tx, meeting, ctx.actor.id);
    if (meeting.state === "agenda_published") await recordVersion(tx, ctx.actor, meetingId, "agenda", note);
    return result;
  });
}

interface OrderRow {
  id: string;
  position: number;
  number: string;
  groupHeading: string | null;
  standardKind: StandardItemKind | null;
}

export function itemsInOrder(tx: Queryable, meetingId: string): Promise<OrderRow[]> {
  return tx.query<OrderRow>(
    `SELECT id, position, number, group_heading AS "groupHeading", standard_kind AS "standardKind"
     FROM agenda_items WHERE meeting_id = $1 ORDER BY position, id`,
    [meetingId],
  );
}

/**
 * Gives the items positions 0..n-1 in their order and the numbers of the body's scheme. Numbers are
 * unique per meeting, so changed rows first take numbers no agenda uses (0.0.k), then their own.
 */
export async function renumber(tx: Queryable, meeting: LockedMeeting, actor: string): Promise<void> {
  const { numbering } = await readAgendaSettings(tx, meeting.organizationId);
  const items = await itemsInOrder(tx, meeting.id);
  const numbers = numberItems(numbering, items);
  const changed = items
    .map((item, index) => ({ item, index, number: numbers[index] ?? String(index + 1) }))
    .filter(({ item, index, number }) => item.position !== index || item.number !== number);
  if (changed.length === 0) return;
  for (const [k, { item }] of changed.entries()) {
    await tx.query("UPDATE agenda_items SET number = $2 WHERE id = $1", [item.id, `0.0.${k + 1}`]);
  }
  for (const { item, index, number } of changed) {
    await tx.query(
      `UPDATE agenda_items SET number = $2, position = $3, updated_by = $4, updated_at = now() WHERE id = $1`,
      [item.id, number, index, actor],
    );
  }
}

/** An item as the builder's form gives it. */
export interface ItemDraft {
  title: string;
  isPublic: boolean;
  groupHeading?: string | null;
  background?: string | null;
  recommendation?: string | null;
  casePresentation?: string | null;
  finance?: string | null;
  presenterIds?: readonly string[];
  /** An existing case, or null for none. */
  caseId?: string | null;
  /** A case to create for the item (wins over caseId). */
  newCase?: { title: string; reference?: string | null } | null;
  casePurpose?: "information" | "discussion" | "decision";
  /** Set by the standard items' filling only. */
  standardKind?: StandardItemKind | null;
}

function invalid(field: string, message: string): AppError {
  return new AppError("validation.invalid", `${field}: ${message}`, { field });
}

const blankToNull = (text: string | null | undefined) => (text?.trim() ? text : null);

function checkDraft(draft: ItemDraft): void {
  if (!draft.title.trim()) throw invalid("title", "an item needs a title");
  if (draft.title.length > MAX_TITLE) throw invalid("title", `at most ${MAX_TITLE} characters`);
  if ((draft.groupHeading ?? "").length > 300) throw invalid("groupHeading", "at most 300 characters");
  for (const field of ["background", "recommendation", "casePresentation", "finance"] as const) {
    if ((draft[field] ?? "").length > MAX_SECTION) throw invalid(field, `at most ${MAX_SECTION} characters`);
  }
  if (draft.newCase && !draft.newCase.title.trim())
    throw invalid("newCaseTitle", "the new case needs a title");
}

/**
 * Links the item to its case (its actual consultation). A consultation that was planned for the
 * body and put on this agenda goes back to waiting when the item stops treating that case.
 */
async function linkCase(
  tx: Database,
  itemId: string,
  caseId: string | null,
  purpose: string,
  actor: string,
): Promise<void> {
  const [current] = await tx.query<{ id: string; caseId: string; planned: boolean }>(
    `SELECT id, case_id AS "caseId", (organization_id IS NOT NULL AND planned_date IS NOT NULL) AS planned
     FROM consultations WHERE agenda_item_id = $1`,
    [itemId],
  );
  if (current && current.caseId === caseId) {
    await tx.query(
      "UPDATE consultations SET purpose = $2, updated_by = $3, updated_at = now() WHERE id = $1",
      [current.id, purpose, actor],
    );
    return;
  }
  if (current) await releaseConsultation(tx, current, actor);
  if (caseId) {
    await tx.query(
      `INSERT INTO consultations (id, case_id, agenda_item_id, purpose, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $5)`,
      [newId(), caseId, itemId, purpose, actor],
    );
  }
}

async function releaseConsultation(
  tx: Queryable,
  consultation: { id: string; planned: boolean },
  actor: string,
) {
  if (consultation.planned) {
    await tx.query(
      "UPDATE consultations SET agenda_item_id = NULL, updated_by = $2, updated_at = now() WHERE id = $1",
      [consultation.id, actor],
    );
  } else {
    await tx.query("DELETE FROM consultations WHERE id = $1", [consultation.id]);
  }
}

async function resolveCase(
  tx: Database,
  draft: ItemDraft,
  actor: string,
): Promise<string | null | undefined> {
  if (draft.newCase) {
    const id = newId();
    await caseTable.insert(
      tx,
      id,
      { title: draft.newCase.title.trim(), reference: blankToNull(draft.newCase.reference)?.trim() ?? null },
      actor,
    );
    return id;
  }
  return draft.caseId;
}

function columnsOf(draft: ItemDraft) {
  return {
    title: draft.title.trim(),
    isPublic: draft.isPublic,
    groupHeading:
      draft.groupHeading === undefined ? undefined : (blankToNull(draft.groupHeading)?.trim() ?? null),
    background: draft.background === undefined ? undefined : blankToNull(draft.background),
    recommendation: draft.recommendation === undefined ? undefined : blankToNull(draft.recommendation),
    casePresentation: draft.casePresentation === undefined ? undefined : blankToNull(draft.casePresentation),
    finance: draft.finance === undefined ? undefined : blankToNull(draft.finance),
  };
}

/**
 * Where a new item goes: after the body's own items, before the standard items that close the
 * agenda ("Kommende møder", "Eventuelt").
 */
async function positionBeforeClosingItems(tx: Queryable, meeting: LockedMeeting): Promise<number> {
  const settings = await readAgendaSettings(tx, meeting.organizationId);
  const closingKinds = new Set(
    settings.standardItems.filter((s) => s.placement === "end").map((s) => s.kind),
  );
  const items = await itemsInOrder(tx, meeting.id);
  let at = items.length;
  while (at > 0) {
    const kind = items[at - 1]?.standardKind;
    if (!kind || !closingKinds.has(kind)) break;
    at -= 1;
  }
  await tx.query("UPDATE agenda_items SET position = position + 1 WHERE meeting_id = $1 AND position >= $2", [
    meeting.id,
    at,
  ]);
  return at;
}

/** Inserts an item (numbered when the change renumbers) and returns its id. */
export async function insertItem(
  tx: Database,
  meeting: LockedMeeting,
  draft: ItemDraft,
  actor: string,
  position?: number,
): Promise<string> {
  checkDraft(draft);
  const id = newId();
  const at = position ?? (await positionBeforeClosingItems(tx, meeting));
  // A number no agenda uses (the count grows with each insert); the change's renumbering gives the real one.
  const [count] = await tx.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM agenda_items WHERE meeting_id = $1",
    [meeting.id],
  );
  await agendaItemTable.insert(
    tx,
    id,
    {
      ...columnsOf(draft),
      standardKind: draft.standardKind,
      meetingId: meeting.id,
      position: at,
      number: `0.1.${(count?.n ?? 0) + 1}`,
    },
    actor,
  );
  if (draft.presenterIds) await setPresenters(tx, id, draft.presenterIds);
  const caseId = await resolveCase(tx, draft, actor);
  if (caseId) await linkCase(tx, id, caseId, draft.casePurpose ?? "decision", actor);
  return id;
}

export function addItem(ctx: Context, meetingId: string, draft: ItemDraft & ChangeNote): Promise<string> {
  return changeAgenda(ctx, meetingId, draft, (tx, meeting) => insertItem(tx, meeting, draft, ctx.actor.id));
}

async function meetingOfItem(ctx: Context, itemId: string): Promise<string> {
  const [item] = await ctx.db.query<{ meetingId: string }>(
    `SELECT meeting_id AS "meetingId" FROM agenda_items WHERE id = $1`,
    [itemId],
  );
  if (!item) throw notFound("agenda item", itemId);
  return item.meetingId;
}

/** Changes an item's content, presenters and case. */
export async function editItem(ctx: Context, itemId: string, draft: ItemDraft & ChangeNote): Promise<void> {
  const meetingId = await meetingOfItem(ctx, itemId);
  await changeAgenda(ctx, meetingId, draft, async (tx, meeting) => {
    checkDraft(draft);
    const { groupHeading, ...columns } = columnsOf(draft);
    await agendaItemTable.update(tx, itemId, columns, ctx.actor.id);
    if (groupHeading !== undefined) await moveIntoGroup(tx, meeting, itemId, groupHeading, ctx.actor.id);
    if (draft.presenterIds) await setPresenters(tx, itemId, draft.presenterIds);
    const caseId = await resolveCase(tx, draft, ctx.actor.id);
    if (caseId !== undefined)
      await linkCase(tx, itemId, caseId, draft.casePurpose ?? "decision", ctx.actor.id);
  });
}

/**
 * Puts the item under a heading (or none). In a grouped agenda a group stays together: an item
 * joining a heading used elsewhere moves to the end of that group.
 */
async function moveIntoGroup(
  tx: Queryable,
  meeting: LockedMeeting,
  itemId: string,
  heading: string | null,
  actor: string,
): Promise<void> {
  const items = await itemsInOrder(tx, meeting.id);
  const self = items.find((item) => item.id === itemId);
  if (!self || (self.groupHeading ?? null) === heading) return;
  await agendaItemTable.update(tx, itemId, { groupHeading: heading }, actor);
  const { numbering } = await readAgendaSettings(tx, meeting.organizationId);
  if (numbering !== "grouped" || heading === null) return;
  const members = items.filter((item) => item.id !== itemId && item.groupHeading === heading);
  const last = members.at(-1);
  if (!last) return;
  const order = items.filter((item) => item.id !== itemId);
  order.splice(order.indexOf(last) + 1, 0, self);
  for (const [index, item] of order.entries()) {
    if (item.position !== index) {
      await tx.query("UPDATE agenda_items SET position = $2 WHERE id = $1", [item.id, index]);
    }
  }
}

export async function setItemGroup(
  ctx: Context,
  itemId: string,
  heading: string | null,
  change: ChangeNote = {},
): Promise<void> {
  const meetingId = await meetingOfItem(ctx, itemId);
  const clean = heading?.trim() || null;
  if (clean && clean.length > 300) throw invalid("groupHeading", "at most 300 characters");
  await changeAgenda(ctx, meetingId, change, (tx, meeting) =>
    moveIntoGroup(tx, meeting, itemId, clean, ctx.actor.id),
  );
}

/**
 * Moves an item one place up or down. In a grouped agenda, an item at the edge of its group first
 * crosses into the neighbouring group (taking its heading) before it swaps places.
 */
export async function moveItem(
  ctx: Context,
  itemId: string,
  direction: "up" | "down",
  change: ChangeNote = {},
): Promise<void> {
  const meetingId = await meetingOfItem(ctx, itemId);
  await changeAgenda(ctx, meetingId, change, async (tx, meeting) => {
    const items = await itemsInOrder(tx, meeting.id);
    const index = items.findIndex((item) => item.id === itemId);
    const self = items[index];
    const neighbour = items[direction === "up" ? index - 1 : index + 1];
    if (!self || !neighbour) {
      throw invalid(
        "direction",
        direction === "up" ? "the item is first already" : "the item is last already",
      );
    }
    const { numbering } = await readAgendaSettings(tx, meeting.organizationId);
    if (numbering === "grouped" && (self.groupHeading ?? null) !== (neighbour.groupHeading ?? null)) {
      await agendaItemTable.update(tx, itemId, { groupHeading: neighbour.groupHeading }, ctx.actor.id);
      return;
    }
    await tx.query("UPDATE agenda_items SET position = $2 WHERE id = $1", [self.id, neighbour.position]);
    await tx.query("UPDATE agenda_items SET position = $2 WHERE id = $1", [neighbour.id, self.position]);
  });
}

/**
 * Removes an item for good, with its attachments and declared conflicts. A case planned for the body
 * and put on the agenda goes back to waiting; the item's own treatment of a case is removed.
 */
export async function removeItem(ctx: Context, itemId: string, change: ChangeNote = {}): Promise<void> {
  const meetingId = await meetingOfItem(ctx, itemId);
  await changeAgenda(ctx, meetingId, change, async (tx) => {
    const [consultation] = await tx.query<{ id: string; planned: boolean }>(
      `SELECT id, (organization_id IS NOT NULL AND planned_date IS NOT NULL) AS planned
       FROM consultations WHERE agenda_item_id = $1`,
      [itemId],
    );
    if (consultation) await releaseConsultation(tx, consultation, ctx.actor.id);
    await tx.query("DELETE FROM files WHERE agenda_item_id = $1", [itemId]);
    await tx.query("DELETE FROM agenda_items WHERE id = $1", [itemId]);
  });
}

/** Renumbers the agenda by the body's scheme (after the body changed it). */
export function renumberAgenda(ctx: Context, meetingId: string, change: ChangeNote = {}): Promise<void> {
  return changeAgenda(ctx, meetingId, change, async () => {});
}
