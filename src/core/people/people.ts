import type { Database } from "../../platform/db/database.ts";
import type { Page } from "../../platform/db/keyset.ts";
import { Conditions, listPage } from "../../platform/db/list-query.ts";
import { type AuditFields, defineTable } from "../../platform/db/table.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { assertMayWrite } from "../publication/permissions.ts";
import { presentAudit } from "../shared/audit.ts";
import type { Context } from "../shared/context.ts";
import { assertNotReferenced, deleteRow } from "../shared/delete-record.ts";
import { inTransaction } from "../shared/transaction.ts";
import type { Affiliation, Person, PersonCreate, PersonQuery, PersonUpdate } from "./person.schema.ts";

export const personTable = defineTable("people", { name: "name", title: "title" });

type Row = Omit<Person, "affiliations" | "createdAt" | "updatedAt" | "createdBy" | "updatedBy"> & AuditFields;

async function withAffiliations(db: Database, rows: Row[]): Promise<Person[]> {
  if (rows.length === 0) return [];
  const affiliations = await db.query<Affiliation & { personId: string }>(
    `SELECT person_id AS "personId", position, organization_id AS "organizationId",
            start_date AS "startDate", end_date AS "endDate"
     FROM person_affiliations WHERE person_id = ANY($1::uuid[])
     ORDER BY start_date NULLS FIRST, id`,
    [rows.map((row) => row.id)],
  );
  return rows.map((row) => ({
    ...presentAudit(row),
    affiliations: affiliations
      .filter((a) => a.personId === row.id)
      .map(({ personId: _, ...affiliation }) => affiliation),
  }));
}

/**
 * People are public record: names and seats of members of public bodies. They are a shared
 * register, kept by any secretariat.
 */
export async function getPersonById(ctx: Context, id: string): Promise<Person> {
  const rows = await ctx.db.query<Row>(`SELECT ${personTable.select()} FROM people WHERE id = $1`, [id]);
  const [person] = await withAffiliations(ctx.db, rows);
  if (!person) throw notFound("person", id);
  return person;
}

export async function findPeople(ctx: Context, query: PersonQuery): Promise<Page<Person>> {
  const conditions = new Conditions().contains(["name"], query.name);
  if (query.organizationId) {
    conditions.add(
      `EXISTS (SELECT 1 FROM memberships pm WHERE pm.person_id = people.id
        AND pm.organization_id = ${conditions.param(query.organizationId)})`,
    );
  }
  const page = await listPage<Row>(ctx.db, {
    from: `SELECT ${personTable.select()} FROM people`,
    conditions,
    orderBy: ["id"],
    sortKey: (row) => [row.id],
    limit: query.limit,
    cursor: query.cursor,
  });
  return { data: await withAffiliations(ctx.db, page.data), nextCursor: page.nextCursor };
}

async function replaceAffiliations(
  db: Database,
  personId: string,
  affiliations: Affiliation[],
  actor: string,
) {
  await db.query("DELETE FROM person_affiliations WHERE person_id = $1", [personId]);
  for (const [index, affiliation] of affiliations.entries()) {
    if (affiliation.position === null && affiliation.organizationId === null) {
      throw new AppError(
        "validation.invalid",
        `affiliations/${index} needs a position or an organizationId`,
        {
          field: `affiliations/${index}`,
        },
      );
    }
    await db.query(
      `INSERT INTO person_affiliations (id, person_id, position, organization_id, start_date, end_date,
         created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [
        newId(),
        personId,
        affiliation.position,
        affiliation.organizationId,
        affiliation.startDate,
        affiliation.endDate,
        actor,
      ],
    );
  }
}

export async function createPerson(ctx: Context, input: PersonCreate): Promise<Person> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    await personTable.insert(tx, id, input, ctx.actor.id);
    if (input.affiliations) await replaceAffiliations(tx, id, input.affiliations, ctx.actor.id);
    return getPersonById({ ...ctx, db: tx }, id);
  });
}

export async function updatePerson(ctx: Context, id: string, patch: PersonUpdate): Promise<Person> {
  assertMayWrite(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    if (!(await personTable.update(tx, id, patch, ctx.actor.id))) throw notFound("person", id);
    if (patch.affiliations) await replaceAffiliations(tx, id, patch.affiliations, ctx.actor.id);
    return getPersonById({ ...ctx, db: tx }, id);
  });
}

/** Deletes a person nobody refers to any longer; their affiliations go with them. */
export async function deletePerson(ctx: Context, id: string): Promise<void> {
  assertMayWrite(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    await getPersonById({ ...ctx, db: tx }, id);
    await assertNotReferenced(tx, "person", id, [
      { table: "memberships", column: "person_id", label: "appointments" },
      {
        table: "memberships",
        column: "principal_person_id",
        label: "appointments (as the principal of a substitute)",
      },
      { table: "agenda_item_presenters", column: "person_id", label: "agenda items (as presenter)" },
      { table: "meeting_attendance", column: "person_id", label: "meeting attendances" },
      {
        table: "meeting_attendance",
        column: "substitute_for_person_id",
        label: "meeting attendances (substituted for)",
      },
      { table: "users", column: "person_id", label: "users (as the person they are)" },
    ]);
    await deleteRow(tx, "people", id, ctx.actor.id);
  });
}
