import type { Database } from "../../platform/db/database.ts";
import type { Page } from "../../platform/db/keyset.ts";
import { type Conditions, listPage } from "../../platform/db/list-query.ts";
import type { AuditFields, Table } from "../../platform/db/table.ts";
import { notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { assertMayPrepareFor, assertMayWrite } from "../publication/permissions.ts";
import { type AuditOut, presentAudit } from "./audit.ts";
import type { Context } from "./context.ts";
import { assertNotReferenced, deleteRow, type Reference } from "./delete-record.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Read and write of a record that is one row of one table and public as a whole (organisations,
 * appointments, terms): the shape those concepts share. Who may write it is its `WriteRule`. Concepts with rules of their own
 * (meetings, agenda items, cases, files) write their own use cases.
 */
interface RecordStore<Field extends string, Record, Create, Update> {
  getById(ctx: Context, id: string): Promise<Record>;
  /** The records of these ids that exist, in id order. */
  getByIds(ctx: Context, ids: readonly string[]): Promise<Record[]>;
  list(
    ctx: Context,
    conditions: Conditions,
    page: { limit?: number; cursor?: string },
  ): Promise<Page<Record>>;
  create(ctx: Context, input: Create): Promise<Record>;
  update(ctx: Context, id: string, patch: Update): Promise<Record>;
  /** Deletes the record, as one who may change it, refused while any of `references` points at it. */
  remove(ctx: Context, id: string): Promise<void>;
  readonly table: Table<Field>;
}

/**
 * Who may write a record, beyond `assertMayWrite` (which every write passes first). Both throw the
 * permission's error; `update` runs in the write's transaction, before the change.
 */
export interface WriteRule<Create, Update> {
  create(ctx: Context, tx: Database, input: Create): Promise<void>;
  update(ctx: Context, tx: Database, id: string, patch: Update): Promise<void>;
}

/**
 * The rule of records that belong to one body through `organizationId` (appointments, a body's
 * terms): its secretariat writes them, for the body before and after a change. Without a body
 * the record is a shared register's, which `assertMayWrite` already covers.
 */
export function bodyWriteRule(
  tableName: string,
): WriteRule<{ organizationId?: string | null | undefined }, { organizationId?: string | null | undefined }> {
  return {
    async create(ctx, _tx, input) {
      if (input.organizationId) assertMayPrepareFor(ctx.actor, input.organizationId);
    },
    async update(ctx, tx, id, patch) {
      const [current] = await tx.query<{ organizationId: string | null }>(
        `SELECT organization_id AS "organizationId" FROM ${tableName} WHERE id = $1 FOR UPDATE`,
        [id],
      );
      for (const organizationId of [current?.organizationId, patch.organizationId]) {
        if (organizationId) assertMayPrepareFor(ctx.actor, organizationId);
      }
    },
  };
}

const registerRule: WriteRule<unknown, unknown> = { create: async () => {}, update: async () => {} };

export function recordStore<
  Field extends string,
  Record extends AuditOut & { id: string },
  Create extends Partial<{ [K in Field]: unknown }>,
  Update extends Partial<{ [K in Field]: unknown }>,
>(
  table: Table<Field>,
  typeName: string,
  writeRule: WriteRule<Create, Update> = registerRule,
  references: readonly Reference[] = [],
): RecordStore<Field, Record, Create, Update> {
  type Row = Omit<Record, keyof AuditOut> & AuditFields;
  const present = (row: Row) => presentAudit(row) as unknown as Record;
  const getById = async (ctx: Context, id: string) => {
    const rows = await ctx.db.query<Row>(`SELECT ${table.select()} FROM ${table.name} WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) throw notFound(typeName, id);
    return present(row);
  };
  return {
    table,
    getById,
    async getByIds(ctx, ids) {
      if (ids.length === 0) return [];
      const rows = await ctx.db.query<Row>(
        `SELECT ${table.select()} FROM ${table.name} WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [ids],
      );
      return rows.map(present);
    },
    async list(ctx, conditions, page) {
      const result = await listPage<Row>(ctx.db, {
        from: `SELECT ${table.select()} FROM ${table.name}`,
        conditions,
        orderBy: ["id"],
        sortKey: (row) => [row.id],
        limit: page.limit,
        cursor: page.cursor,
      });
      return { data: result.data.map(present), nextCursor: result.nextCursor };
    },
    async create(ctx, input) {
      assertMayWrite(ctx.actor);
      return inTransaction(ctx, async (tx) => {
        await writeRule.create(ctx, tx, input);
        const id = newId();
        await table.insert(tx, id, input, ctx.actor.id);
        return getById({ ...ctx, db: tx }, id);
      });
    },
    async update(ctx, id, patch) {
      assertMayWrite(ctx.actor);
      return inTransaction(ctx, async (tx) => {
        await writeRule.update(ctx, tx, id, patch);
        if (!(await table.update(tx, id, patch, ctx.actor.id))) throw notFound(typeName, id);
        return getById({ ...ctx, db: tx }, id);
      });
    },
    async remove(ctx, id) {
      assertMayWrite(ctx.actor);
      await inTransaction(ctx, async (tx) => {
        await getById({ ...ctx, db: tx }, id);
        // Who may change the record may delete it: the rule of a change that alters nothing.
        await writeRule.update(ctx, tx, id, {} as Update);
        await assertNotReferenced(tx, typeName, id, references);
        await deleteRow(tx, table.name, id, ctx.actor.id);
      });
    },
  };
}
