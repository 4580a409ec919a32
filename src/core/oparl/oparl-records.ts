import type { AuditFields } from "../../platform/db/table.ts";
import type { AgendaItem } from "../agenda/agenda-item.schema.ts";
import { agendaOfMeetings, getAgendaItemsByIds } from "../agenda/agenda-items.ts";
import type { Case, Consultation } from "../cases/case.schema.ts";
import { getCasesByIds, getConsultationsByIds } from "../cases/cases.ts";
import type { StoredFile } from "../files/file.schema.ts";
import { filesAttachedTo, getFilesByIds } from "../files/files.ts";
import type { LegislativeTerm } from "../legislative-terms/legislative-term.schema.ts";
import { getLegislativeTermsByIds, legislativeTermTable } from "../legislative-terms/legislative-terms.ts";
import type { Meeting } from "../meetings/meeting.schema.ts";
import { attendanceOfMeetings, getMeetingsByIds } from "../meetings/meetings.ts";
import type { Membership } from "../memberships/membership.schema.ts";
import { getMembershipsByIds, membershipTable } from "../memberships/memberships.ts";
import type { Organization } from "../organizations/organization.schema.ts";
import { getOrganizationsByIds } from "../organizations/organizations.ts";
import { personTable } from "../people/people.ts";
import { type AuditOut, presentAudit } from "../shared/audit.ts";
import type { Context } from "../shared/context.ts";
import { entriesByIds, locationId, normalizedLocation, type OParlType } from "./oparl-entries.ts";

/**
 * The records behind OParl objects, read in batches (a list page at a time) through the concepts'
 * own reads, so what the public sees is decided where it always is. Each record carries its OParl
 * change times (`oparl-entries.ts`), embedded records theirs.
 */
export interface Times {
  created: string;
  modified: string;
}

export type OrganizationRecord = Organization & Times & { membershipIds: string[] };
export type MembershipRecord = Membership & Times;
export type PersonRecord = { id: string; name: string; title: string | null } & AuditOut &
  Times & { memberships: MembershipRecord[] };
export type LegislativeTermRecord = LegislativeTerm & Times;
export type FileRecord = StoredFile & Times;
export type LocationRecord = { id: string; description: string } & Times;
export type AgendaItemRecord = AgendaItem &
  Times & {
    /** Position among the meeting's items as shown, from 0. */
    order: number;
    consultationId: string | null;
    presenterNames: string[];
    files: FileRecord[];
  };
export type MeetingRecord = Meeting &
  Times & {
    place: LocationRecord | null;
    participantIds: string[];
    agendaItems: AgendaItemRecord[];
    files: FileRecord[];
  };
export type ConsultationRecord = Consultation & Times;
export type PaperRecord = Omit<Case, "consultations"> &
  Times & { consultations: ConsultationRecord[]; files: FileRecord[] };

/** Adds the change times of `type`, in the rows' order; rows without an entry drop out. */
async function withTimes<T extends { id: string }>(
  ctx: Context,
  type: OParlType,
  rows: readonly T[],
): Promise<(T & Times)[]> {
  const entries = await entriesByIds(
    ctx,
    type,
    rows.map((row) => row.id),
  );
  return rows.flatMap((row) => {
    const entry = entries.get(row.id);
    return entry ? [{ ...row, created: entry.created, modified: entry.modified }] : [];
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export async function loadOrganizations(ctx: Context, ids: readonly string[]): Promise<OrganizationRecord[]> {
  const organizations = await withTimes(ctx, "organization", await getOrganizationsByIds(ctx, ids));
  const memberships = await ctx.db.query<{ id: string; organizationId: string }>(
    `SELECT id, organization_id AS "organizationId" FROM memberships
     WHERE organization_id = ANY($1::uuid[]) ORDER BY id`,
    [organizations.map((o) => o.id)],
  );
  const byOrganization = groupBy(memberships, (m) => m.organizationId);
  return organizations.map((o) => ({
    ...o,
    membershipIds: (byOrganization.get(o.id) ?? []).map((m) => m.id),
  }));
}

export async function loadMemberships(ctx: Context, ids: readonly string[]): Promise<MembershipRecord[]> {
  return withTimes(ctx, "membership", await getMembershipsByIds(ctx, ids));
}

export async function loadPeople(ctx: Context, ids: readonly string[]): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  type PersonRow = { id: string; name: string; title: string | null } & AuditFields;
  const rows = await ctx.db.query<PersonRow>(
    `SELECT ${personTable.select()} FROM people WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  const people = await withTimes(ctx, "person", rows.map(presentAudit));
  const membershipRows = await ctx.db.query<Omit<Membership, keyof AuditOut> & AuditFields>(
    `SELECT ${membershipTable.select()} FROM memberships WHERE person_id = ANY($1::uuid[])
     ORDER BY start_date NULLS FIRST, id`,
    [people.map((p) => p.id)],
  );
  const memberships = groupBy(
    await withTimes(ctx, "membership", membershipRows.map(presentAudit)),
    (m) => m.personId,
  );
  return people.map((person) => ({ ...person, memberships: memberships.get(person.id) ?? [] }));
}

export async function loadLegislativeTerms(
  ctx: Context,
  ids: readonly string[],
): Promise<LegislativeTermRecord[]> {
  return withTimes(ctx, "legislativeTerm", await getLegislativeTermsByIds(ctx, ids));
}

/** Every legislative term, oldest first: the installation's body embeds them all. */
export async function loadAllLegislativeTerms(ctx: Context): Promise<LegislativeTermRecord[]> {
  const rows = await ctx.db.query<Omit<LegislativeTerm, keyof AuditOut> & AuditFields>(
    `SELECT ${legislativeTermTable.select()} FROM legislative_terms ORDER BY start_date, id`,
  );
  return withTimes(ctx, "legislativeTerm", rows.map(presentAudit));
}

export async function loadFiles(ctx: Context, ids: readonly string[]): Promise<FileRecord[]> {
  return withTimes(ctx, "file", await getFilesByIds(ctx, ids));
}

export async function loadLocations(ctx: Context, ids: readonly string[]): Promise<LocationRecord[]> {
  if (ids.length === 0) return [];
  const text = normalizedLocation("location");
  const rows = await ctx.db.query<{ id: string; description: string }>(
    `SELECT DISTINCT ${locationId(text)} AS id, ${text} AS description FROM meetings
     WHERE location IS NOT NULL AND ${locationId(text)} = ANY($1::text[])`,
    [ids],
  );
  return withTimes(ctx, "location", rows);
}

/** Adds to visible items their order, consultation, presenters' names and files. */
async function completeItems(ctx: Context, items: readonly AgendaItem[]): Promise<AgendaItemRecord[]> {
  const order = new Map<string, number>();
  for (const group of groupBy(items, (item) => item.meetingId).values()) {
    for (const [index, item] of group.entries()) order.set(item.id, index);
  }
  // Visibility has cleared the case and presenters of closed items and of drafts already.
  const withCase = items.filter((item) => item.caseId !== null).map((item) => item.id);
  const presenterIds = [...new Set(items.flatMap((item) => item.presenterIds))];
  const [consultations, presenters, files, timed] = await Promise.all([
    withCase.length === 0
      ? []
      : ctx.db.query<{ id: string; agendaItemId: string }>(
          `SELECT id, agenda_item_id AS "agendaItemId" FROM consultations WHERE agenda_item_id = ANY($1::uuid[])`,
          [withCase],
        ),
    presenterIds.length === 0
      ? []
      : ctx.db.query<{ id: string; name: string }>("SELECT id, name FROM people WHERE id = ANY($1::uuid[])", [
          presenterIds,
        ]),
    filesAttachedTo(ctx, { agendaItemIds: items.map((item) => item.id) }).then((rows) =>
      withTimes(ctx, "file", rows),
    ),
    withTimes(ctx, "agendaItem", items),
  ]);
  const consultationOf = new Map(consultations.map((c) => [c.agendaItemId, c.id]));
  const nameOf = new Map(presenters.map((p) => [p.id, p.name]));
  const filesOf = groupBy(files, (f) => f.agendaItemId);
  return timed.map((item) => ({
    ...item,
    order: order.get(item.id) ?? 0,
    consultationId: consultationOf.get(item.id) ?? null,
    presenterNames: item.presenterIds.flatMap((id) => nameOf.get(id) ?? []),
    files: filesOf.get(item.id) ?? [],
  }));
}

export async function loadAgendaItems(ctx: Context, ids: readonly string[]): Promise<AgendaItemRecord[]> {
  const items = await getAgendaItemsByIds(ctx, ids);
  if (items.length === 0) return [];
  // Visibility shows a meeting's agenda whole or not at all, so an item's index among the items
  // its meeting shows is its rank among all of them (the crawl test checks it against the meeting).
  const ranks = await ctx.db.query<{ id: string; order: number }>(
    `SELECT i.id, (SELECT count(*) FROM agenda_items o WHERE o.meeting_id = i.meeting_id
       AND (o.position, o.id) < (i.position, i.id))::int AS "order"
     FROM agenda_items i WHERE i.id = ANY($1::uuid[])`,
    [items.map((item) => item.id)],
  );
  const rank = new Map(ranks.map((r) => [r.id, r.order]));
  return (await completeItems(ctx, items)).map((item) => ({ ...item, order: rank.get(item.id) ?? 0 }));
}

export async function loadMeetings(ctx: Context, ids: readonly string[]): Promise<MeetingRecord[]> {
  const meetings = await withTimes(ctx, "meeting", await getMeetingsByIds(ctx, ids));
  if (meetings.length === 0) return [];
  const meetingIds = meetings.map((m) => m.id);
  const text = normalizedLocation("location");
  const [items, files, attendance, places] = await Promise.all([
    agendaOfMeetings(ctx, meetingIds).then((agendas) => completeItems(ctx, agendas)),
    filesAttachedTo(ctx, { meetingIds }).then((rows) => withTimes(ctx, "file", rows)),
    attendanceOfMeetings(ctx, meetings),
    ctx.db.query<{ meetingId: string; id: string }>(
      `SELECT id AS "meetingId", ${locationId(text)} AS id FROM meetings
       WHERE id = ANY($1::uuid[]) AND location IS NOT NULL AND ${text} <> ''`,
      [meetingIds],
    ),
  ]);
  const locations = new Map(
    (
      await loadLocations(
        ctx,
        places.map((p) => p.id),
      )
    ).map((l) => [l.id, l]),
  );
  const placeOf = new Map(places.map((p) => [p.meetingId, locations.get(p.id) ?? null]));
  const itemsOf = groupBy(
    items.sort((a, b) => a.order - b.order),
    (item) => item.meetingId,
  );
  const filesOf = groupBy(files, (f) => f.meetingId);
  return meetings.map((meeting) => ({
    ...meeting,
    place: placeOf.get(meeting.id) ?? null,
    participantIds: (attendance.get(meeting.id) ?? [])
      .filter((entry) => entry.status === "present")
      .map((entry) => entry.personId),
    agendaItems: itemsOf.get(meeting.id) ?? [],
    files: filesOf.get(meeting.id) ?? [],
  }));
}

export async function loadConsultations(ctx: Context, ids: readonly string[]): Promise<ConsultationRecord[]> {
  return withTimes(ctx, "consultation", await getConsultationsByIds(ctx, ids));
}

export async function loadPapers(ctx: Context, ids: readonly string[]): Promise<PaperRecord[]> {
  const cases = await withTimes(ctx, "paper", await getCasesByIds(ctx, ids));
  if (cases.length === 0) return [];
  const caseIds = cases.map((c) => c.id);
  const [consultations, files] = await Promise.all([
    withTimes(
      ctx,
      "consultation",
      cases.flatMap((c) => c.consultations),
    ),
    filesAttachedTo(ctx, { caseIds }).then((rows) => withTimes(ctx, "file", rows)),
  ]);
  const consultationsOf = groupBy(consultations, (c) => c.caseId);
  const filesOf = groupBy(files, (f) => f.caseId);
  return cases.map(({ consultations: _, ...paper }) => ({
    ...paper,
    consultations: consultationsOf.get(paper.id) ?? [],
    files: filesOf.get(paper.id) ?? [],
  }));
}
