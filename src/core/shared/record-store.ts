import type { Page } from "../../platform/db/keyset.ts";
import { type Conditions, listPage } from "../../platform/db/list-query.ts";
import type { AuditFields, Table } from "../../platform/db/table.ts";
import { notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { type AuditOut, presentAudit } from "./audit.ts";
import { assertMayWrite, type Context } from "./context.ts";
import { assertNotReferenced, deleteRow, type Reference } from "./delete-record.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Read and write of a record that is one row of one table and public as a whole (organisations,
 * appointments, terms): the shape those concepts share. Concepts with rules of their own
 * (meetings, agenda items, cases, files) write their own use cases.
 */
export interface RecordStore<Field extends string, Record, Create, Update> {
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
  /** Deletes the record, refused while any of the store's references points at it. */
  remove(ctx: Context, id: string): Promise<void>;
  readonly table: Table<Field>;
}

export function recordStore<
  Field extends string,
  Record extends AuditOut & { id: string },
  Create extends Partial<{ [K in Field]: unknown }>,
  Update extends Partial<{ [K in Field]: unknown }>,
>(
  table: Table<Field>,
  typeName: string,
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
        const id = newId();
        await table.insert(tx, id, input, ctx.actor.id);
        return getById({ ...ctx, db: tx }, id);
      });
    },
    async update(ctx, id, patch) {
      assertMayWrite(ctx.actor);
      return inTransaction(ctx, async (tx) => {
        if (!(await table.update(tx, id, patch, ctx.actor.id))) throw notFound(typeName, id);
        return getById({ ...ctx, db: tx }, id);
      });
    },
    async remove(ctx, id) {
      assertMayWrite(ctx.actor);
      await inTransaction(ctx, async (tx) => {
        await getById({ ...ctx, db: tx }, id);
        await assertNotReferenced(tx, typeName, id, references);
        await deleteRow(tx, table.name, id, ctx.actor.id);
      });
    },
  };
}
