import type { Queryable } from "../../platform/db/database.ts";
import { AppError } from "../../platform/errors.ts";

/** A column of another table that points at the record: what must be gone before it can go. */
export interface Reference {
  table: string;
  column: string;
  /** Plural, for the message: "appointments (as the person)". */
  label: string;
}

/**
 * Refuses to delete while other records refer to this one, naming them and how many, so the
 * caller knows what to remove or change first. The foreign keys hold the rule under concurrent
 * writes too (`translateDatabaseError`); this gives the readable message.
 */
export async function assertNotReferenced(
  tx: Queryable,
  what: string,
  id: string,
  references: readonly Reference[],
): Promise<void> {
  if (references.length === 0) return;
  const counts = references.map(
    (r, index) => `SELECT ${index} AS i, count(*)::int AS n FROM ${r.table} WHERE ${r.column} = $1`,
  );
  const rows = await tx.query<{ n: number }>(`${counts.join(" UNION ALL ")} ORDER BY i`, [id]);
  const found = references
    .map((reference, index) => ({ reference, count: rows[index]?.n ?? 0 }))
    .filter((entry) => entry.count > 0);
  if (found.length === 0) return;
  throw new AppError(
    "record.referenced",
    `${what} ${id} is still referred to by ${found.map((f) => `${f.count} ${f.reference.label}`).join(", ")}; ` +
      "remove or change those first",
    {
      field: "id",
      referencedBy: Object.fromEntries(
        found.map((f) => [`${f.reference.table}.${f.reference.column}`, f.count]),
      ),
    },
  );
}

/**
 * Deletes one row inside the caller's transaction and says whether there was one. The record
 * tables' delete trigger keeps a tombstone (deleted_records) naming `actor` as the one who deleted.
 */
export async function deleteRow(tx: Queryable, table: string, id: string, actor: string): Promise<boolean> {
  await tx.query("SELECT set_config('samraad.actor', $1, true)", [actor]);
  const rows = await tx.query(`DELETE FROM ${table} WHERE id = $1 RETURNING id`, [id]);
  return rows.length > 0;
}
