import { diffWords } from "diff";
import type { AgendaItem } from "../agenda/agenda-item.schema.ts";
import type { Attendance, MeetingDetail } from "../meetings/meeting.schema.ts";

/**
 * The difference between two versions of a meeting's agenda or minutes, word by word, for people
 * to read: which items were added or removed, which of their texts changed and how, and whose
 * attendance changed.
 */

/** A run of words: unchanged, added in the newer version, or removed from the older one. */
export interface WordChange {
  text: string;
  change: "same" | "added" | "removed";
}

type ItemField =
  | "number"
  | "title"
  | "groupHeading"
  | "isPublic"
  | "background"
  | "recommendation"
  | "casePresentation"
  | "finance"
  | "decision"
  | "outcome";

const comparedFields: readonly ItemField[] = [
  "number",
  "title",
  "groupHeading",
  "isPublic",
  "background",
  "recommendation",
  "casePresentation",
  "finance",
  "decision",
  "outcome",
];

interface FieldDiff {
  field: ItemField;
  words: WordChange[];
}

interface ItemDiff {
  itemId: string;
  /** The item's number and title in the newer version (the older one if it was removed). */
  number: string;
  title: string;
  status: "added" | "removed" | "changed";
  fields: FieldDiff[];
}

interface AttendanceDiff {
  personId: string;
  before: Attendance | null;
  after: Attendance | null;
}

export interface VersionDiff {
  items: ItemDiff[];
  attendance: AttendanceDiff[];
}

const asText = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);

function diffText(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((part) => ({
    text: part.value,
    change: part.added ? "added" : part.removed ? "removed" : "same",
  }));
}

function diffItem(older: AgendaItem | undefined, newer: AgendaItem | undefined): ItemDiff | null {
  const shown = newer ?? older;
  if (!shown) return null;
  const fields: FieldDiff[] = [];
  for (const field of comparedFields) {
    const before = asText(older?.[field]);
    const after = asText(newer?.[field]);
    if (before !== after) fields.push({ field, words: diffText(before, after) });
  }
  if (older && newer && fields.length === 0) return null;
  return {
    itemId: shown.id,
    number: shown.number,
    title: shown.title,
    status: !older ? "added" : !newer ? "removed" : "changed",
    fields,
  };
}

const sameAttendance = (a: Attendance | null, b: Attendance | null) =>
  (a?.status ?? null) === (b?.status ?? null) &&
  (a?.substituteForPersonId ?? null) === (b?.substituteForPersonId ?? null) &&
  (a?.note ?? null) === (b?.note ?? null);

export function diffVersions(
  older: Pick<MeetingDetail, "agendaItems" | "attendance">,
  newer: Pick<MeetingDetail, "agendaItems" | "attendance">,
): VersionDiff {
  const olderItems = new Map(older.agendaItems.map((item) => [item.id, item]));
  const newerIds = new Set(newer.agendaItems.map((item) => item.id));
  const items: ItemDiff[] = [];
  for (const item of newer.agendaItems) {
    const diff = diffItem(olderItems.get(item.id), item);
    if (diff) items.push(diff);
  }
  for (const item of older.agendaItems) {
    if (newerIds.has(item.id)) continue;
    const diff = diffItem(item, undefined);
    if (diff) items.push(diff);
  }
  const people = new Set([...older.attendance, ...newer.attendance].map((a) => a.personId));
  const attendance: AttendanceDiff[] = [];
  for (const personId of people) {
    const before = older.attendance.find((a) => a.personId === personId) ?? null;
    const after = newer.attendance.find((a) => a.personId === personId) ?? null;
    if (!sameAttendance(before, after)) attendance.push({ personId, before, after });
  }
  return { items, attendance };
}
