import type { Page } from "../../platform/db/keyset.ts";
import { Conditions, listPage } from "../../platform/db/list-query.ts";
import { type AuditFields, defineTable } from "../../platform/db/table.ts";
import { notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { lockOpenMeeting } from "../agenda/agenda-items.ts";
import { assertMayPrepareFor, assertMayWrite } from "../publication/permissions.ts";
import { caseCondition, visibleConsultationCondition } from "../publication/visibility.ts";
import { presentAudit } from "../shared/audit.ts";
import type { Context } from "../shared/context.ts";
import { assertNotReferenced, deleteRow } from "../shared/delete-record.ts";
import { inTransaction } from "../shared/transaction.ts";
import type {
  Case,
  CaseCreate,
  CaseQuery,
  CaseUpdate,
  Consultation,
  ConsultationCreate,
  ConsultationQuery,
  ConsultationUpdate,
} from "./case.schema.ts";

export const caseTable = defineTable("cases", { reference: "reference", title: "title", status: "status" });
export const consultationTable = defineTable("consultations", {
  caseId: "case_id",
  agendaItemId: "agenda_item_id",
  organizationId: "organization_id",
  plannedDate: "planned_date",
  purpose: "purpose",
});

type CaseRow = Omit<Case, "consultations" | "createdAt" | "updatedAt" | "createdBy" | "updatedBy"> &
  AuditFields;
type ConsultationRow = Omit<Consultation, "createdAt" | "updatedAt" | "createdBy" | "updatedBy"> &
  AuditFields;

/**
 * A consultation's body and date come from its meeting when it is actual, from its plan when not.
 * An actor sees those of cases it may see: planned ones, and actual ones at items it sees in full.
 */
function consultationQuery(ctx: Context, conditions: Conditions): Conditions {
  const visible = visibleConsultationCondition(ctx.actor, "c", "i", "m");
  if (visible !== "TRUE") conditions.add(visible);
  return conditions;
}

const selectConsultations = `SELECT ${consultationTable.select("c")},
    COALESCE(m.organization_id, c.organization_id) AS "organizationId",
    m.id AS "meetingId",
    COALESCE(to_char(m.start_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD'), c.planned_date::text) AS "date",
    (c.agenda_item_id IS NULL) AS "planned",
    COALESCE(m.start_at, c.planned_date::timestamp AT TIME ZONE 'Europe/Copenhagen') AS "sortAt"
  FROM consultations c
  LEFT JOIN agenda_items i ON i.id = c.agenda_item_id
  LEFT JOIN meetings m ON m.id = i.meeting_id`;

const presentConsultation = ({ sortAt: _, ...row }: ConsultationRow & { sortAt: Date }) => presentAudit(row);

async function consultationsOf(ctx: Context, caseIds: string[]): Promise<Consultation[]> {
  if (caseIds.length === 0) return [];
  const conditions = consultationQuery(ctx, new Conditions());
  conditions.add(`c.case_id = ANY(${conditions.param(caseIds)}::uuid[])`);
  const rows = await ctx.db.query<ConsultationRow & { sortAt: Date }>(
    `${selectConsultations} ${conditions.sql()} ORDER BY "sortAt", c.id`,
    conditions.params,
  );
  return rows.map(presentConsultation);
}

async function withConsultations(ctx: Context, rows: CaseRow[]): Promise<Case[]> {
  const consultations = await consultationsOf(
    ctx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...presentAudit(row),
    consultations: consultations.filter((c) => c.caseId === row.id),
  }));
}

export async function getCaseById(ctx: Context, id: string): Promise<Case> {
  const conditions = new Conditions();
  conditions.add(`id = ${conditions.param(id)}`);
  conditions.add(caseCondition(ctx.actor, "cases"));
  const rows = await ctx.db.query<CaseRow>(
    `SELECT ${caseTable.select()} FROM cases ${conditions.sql()}`,
    conditions.params,
  );
  const [found] = await withConsultations(ctx, rows);
  if (!found) throw notFound("case", id);
  return found;
}

/** The cases of these ids that the actor may see, with their consultations, in id order. */
export async function getCasesByIds(ctx: Context, ids: readonly string[]): Promise<Case[]> {
  if (ids.length === 0) return [];
  const conditions = new Conditions();
  conditions.add(`id = ANY(${conditions.param(ids)}::uuid[])`);
  conditions.add(caseCondition(ctx.actor, "cases"));
  const rows = await ctx.db.query<CaseRow>(
    `SELECT ${caseTable.select()} FROM cases ${conditions.sql()} ORDER BY id`,
    conditions.params,
  );
  return withConsultations(ctx, rows);
}

/** The consultations of these ids that the actor may see, in id order. */
export async function getConsultationsByIds(ctx: Context, ids: readonly string[]): Promise<Consultation[]> {
  if (ids.length === 0) return [];
  const conditions = consultationQuery(ctx, new Conditions());
  conditions.add(`c.id = ANY(${conditions.param(ids)}::uuid[])`);
  const rows = await ctx.db.query<ConsultationRow & { sortAt: Date }>(
    `${selectConsultations} ${conditions.sql()} ORDER BY c.id`,
    conditions.params,
  );
  return rows.map(presentConsultation);
}

export async function findCases(ctx: Context, query: CaseQuery): Promise<Page<Case>> {
  const conditions = new Conditions()
    .equal("reference", query.reference)
    .equal("status", query.status)
    .contains(["title"], query.title);
  conditions.add(caseCondition(ctx.actor, "cases"));
  const page = await listPage<CaseRow>(ctx.db, {
    from: `SELECT ${caseTable.select()} FROM cases`,
    conditions,
    orderBy: ["id"],
    sortKey: (row) => [row.id],
    limit: query.limit,
    cursor: query.cursor,
  });
  return { data: await withConsultations(ctx, page.data), nextCursor: page.nextCursor };
}

export async function createCase(ctx: Context, input: CaseCreate): Promise<Case> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await caseTable.insert(tx, id, input, ctx.actor.id);
    return getCaseById({ ...ctx, db: tx }, id);
  });
}

export async function updateCase(ctx: Context, id: string, patch: CaseUpdate): Promise<Case> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    // A case the actor may not see is one it cannot change either.
    await getCaseById({ ...ctx, db: tx }, id);
    if (!(await caseTable.update(tx, id, patch, ctx.actor.id))) throw notFound("case", id);
    return getCaseById({ ...ctx, db: tx }, id);
  });
}

export async function getConsultationById(ctx: Context, id: string): Promise<Consultation> {
  const conditions = consultationQuery(ctx, new Conditions());
  conditions.add(`c.id = ${conditions.param(id)}`);
  const rows = await ctx.db.query<ConsultationRow & { sortAt: Date }>(
    `${selectConsultations} ${conditions.sql()}`,
    conditions.params,
  );
  const row = rows[0];
  if (!row) throw notFound("consultation", id);
  return presentConsultation(row);
}

export async function findConsultations(ctx: Context, query: ConsultationQuery): Promise<Page<Consultation>> {
  const conditions = consultationQuery(ctx, new Conditions())
    .equal("c.case_id", query.caseId)
    .add(
      query.planned === undefined
        ? null
        : query.planned
          ? "c.agenda_item_id IS NULL"
          : "c.agenda_item_id IS NOT NULL",
    );
  if (query.organizationId) {
    conditions.add(
      `COALESCE(m.organization_id, c.organization_id) = ${conditions.param(query.organizationId)}`,
    );
  }
  const page = await listPage<ConsultationRow & { sortAt: Date }>(ctx.db, {
    from: selectConsultations,
    conditions,
    orderBy: ["c.id"],
    sortKey: (row) => [row.id],
    limit: query.limit,
    cursor: query.cursor,
  });
  return { data: page.data.map(presentConsultation), nextCursor: page.nextCursor };
}

/**
 * Plans a treatment of a case (a body, a date, a purpose), or records one at an agenda item: the
 * secretariat of the body concerned (the item's meeting's, or the planned one) does either.
 */
export async function createConsultation(ctx: Context, input: ConsultationCreate): Promise<Consultation> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    if (input.agendaItemId) await lockMeetingOfItem(ctx, tx, input.agendaItemId);
    if (input.organizationId) assertMayPrepareFor(ctx.actor, input.organizationId);
    const id = newId();
    await consultationTable.insert(tx, id, input, ctx.actor.id);
    return getConsultationById({ ...ctx, db: tx }, id);
  });
}

export async function updateConsultation(
  ctx: Context,
  id: string,
  patch: ConsultationUpdate,
): Promise<Consultation> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await lockConsultation(ctx, tx, id);
    if (patch.agendaItemId) await lockMeetingOfItem(ctx, tx, patch.agendaItemId);
    if (patch.organizationId) assertMayPrepareFor(ctx.actor, patch.organizationId);
    await consultationTable.update(tx, id, patch, ctx.actor.id);
    return getConsultationById({ ...ctx, db: tx }, id);
  });
}

async function lockMeetingOfItem(ctx: Context, tx: Parameters<typeof lockOpenMeeting>[1], itemId: string) {
  const [item] = await tx.query<{ meetingId: string }>(
    `SELECT meeting_id AS "meetingId" FROM agenda_items WHERE id = $1`,
    [itemId],
  );
  if (item) await lockOpenMeeting(ctx, tx, item.meetingId);
}

/**
 * Locks a consultation's meeting (its minutes must be open) and checks that the actor prepares for
 * the body it is at or planned for; not found if there is no such consultation.
 */
async function lockConsultation(ctx: Context, tx: Parameters<typeof lockOpenMeeting>[1], id: string) {
  const [current] = await tx.query<{ agendaItemId: string | null; organizationId: string | null }>(
    `SELECT agenda_item_id AS "agendaItemId", organization_id AS "organizationId" FROM consultations WHERE id = $1`,
    [id],
  );
  if (!current) throw notFound("consultation", id);
  if (current.agendaItemId) await lockMeetingOfItem(ctx, tx, current.agendaItemId);
  if (current.organizationId) assertMayPrepareFor(ctx.actor, current.organizationId);
}

/** Deletes a case that the actor may see and that no consultation and no file refers to any longer. */
export async function deleteCase(ctx: Context, id: string): Promise<void> {
  assertMayWrite(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    // A case the actor may not see is one it cannot delete either.
    await getCaseById({ ...ctx, db: tx }, id);
    await tx.query("SELECT id FROM cases WHERE id = $1 FOR UPDATE", [id]);
    await assertNotReferenced(tx, "case", id, [
      { table: "consultations", column: "case_id", label: "consultations" },
      { table: "files", column: "case_id", label: "files" },
    ]);
    await deleteRow(tx, "cases", id, ctx.actor.id);
  });
}

/** Deletes a planned or actual consultation; an actual one only while its meeting's minutes are open. */
export async function deleteConsultation(ctx: Context, id: string): Promise<void> {
  assertMayWrite(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    await lockConsultation(ctx, tx, id);
    await deleteRow(tx, "consultations", id, ctx.actor.id);
  });
}
