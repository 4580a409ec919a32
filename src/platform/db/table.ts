import type { Queryable } from "./database.ts";

/**
 * The column map of one table: API field name -> SQL column. It writes the repetitive part of
 * insert/update/select; each repository still writes its own queries for anything else.
 */
export interface Table<Field extends string> {
  readonly name: string;
  readonly columns: Readonly<Record<Field, string>>;
  /** `id, short_name AS "shortName", ..., created_at AS "createdAt", ...` with an optional alias. */
  select(alias?: string): string;
  /** Inserts a row under `id`, recording `actor` as its creator. */
  insert(tx: Queryable, id: string, values: Partial<Record<Field, unknown>>, actor: string): Promise<void>;
  /** Updates the given fields and the audit columns; returns false when no row has that id. */
  update(tx: Queryable, id: string, patch: Partial<Record<Field, unknown>>, actor: string): Promise<boolean>;
}

const auditColumns = {
  createdAt: "created_at",
  createdBy: "created_by",
  updatedAt: "updated_at",
  updatedBy: "updated_by",
} as const;

export interface AuditFields {
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export function defineTable<Field extends string>(
  name: string,
  columns: Record<Field, string>,
): Table<Field> {
  const fields = Object.keys(columns) as Field[];
  return {
    name,
    columns,
    select(alias) {
      const prefix = alias ? `${alias}.` : "";
      const all: [string, string][] = [["id", "id"], ...fields.map((f): [string, string] => [f, columns[f]])];
      for (const [field, column] of Object.entries(auditColumns)) all.push([field, column]);
      return all.map(([field, column]) => `${prefix}${column} AS "${field}"`).join(", ");
    },
    async insert(tx, id, values, actor) {
      const given = fields.filter((f) => values[f] !== undefined);
      const cols = ["id", ...given.map((f) => columns[f]), "created_by", "updated_by"];
      const params = [id, ...given.map((f) => values[f]), actor, actor];
      const placeholders = params.map((_, i) => `$${i + 1}`);
      await tx.query(`INSERT INTO ${name} (${cols.join(", ")}) VALUES (${placeholders.join(", ")})`, params);
    },
    async update(tx, id, patch, actor) {
      const given = fields.filter((f) => patch[f] !== undefined);
      const params: unknown[] = [id, actor];
      const sets = given.map((f) => {
        params.push(patch[f]);
        return `${columns[f]} = $${params.length}`;
      });
      sets.push("updated_by = $2", "updated_at = now()");
      const rows = await tx.query(`UPDATE ${name} SET ${sets.join(", ")} WHERE id = $1 RETURNING id`, params);
      return rows.length > 0;
    },
  };
}
