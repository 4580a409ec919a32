import type { Queryable } from "./database.ts";
import { afterCursor, DEFAULT_PAGE_SIZE, type Page, type SortValue, toPage } from "./keyset.ts";

/** Collects the `WHERE` clauses and their parameters of one query. */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  /** Adds a parameter and returns its placeholder (`$3`). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** `column = value`, skipped when the value is not given. */
  equal(column: string, value: unknown): this {
    if (value !== undefined) this.clauses.push(`${column} = ${this.param(value)}`);
    return this;
  }

  /** A raw clause (it may use placeholders from `param`). */
  add(clause: string | null | undefined | false): this {
    if (clause) this.clauses.push(clause);
    return this;
  }

  /** `column ILIKE %text%` with the text's wildcards escaped. */
  contains(columns: string[], text: string | undefined): this {
    if (text === undefined) return this;
    const placeholder = this.param(`%${text.replace(/[\\%_]/g, "\\$&")}%`);
    this.clauses.push(`(${columns.map((c) => `${c} ILIKE ${placeholder}`).join(" OR ")})`);
    return this;
  }

  sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(" AND ")}` : "";
  }
}

interface ListOptions<Row> {
  /** `SELECT ... FROM ...` without WHERE/ORDER/LIMIT. */
  from: string;
  conditions: Conditions;
  /** Ascending sort columns, the last unique (usually the id). */
  orderBy: readonly string[];
  sortKey: (row: Row) => readonly SortValue[];
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** Runs a keyset-paginated list query. */
export async function listPage<Row extends object>(
  db: Queryable,
  options: ListOptions<Row>,
): Promise<Page<Row>> {
  const { conditions } = options;
  conditions.add(afterCursor(options.orderBy, options.cursor, conditions.params));
  const limit = options.limit ?? DEFAULT_PAGE_SIZE;
  const limitParam = conditions.param(limit + 1);
  const rows = await db.query<Row>(
    `${options.from} ${conditions.sql()} ORDER BY ${options.orderBy.join(", ")} LIMIT ${limitParam}`,
    conditions.params,
  );
  return toPage(rows, limit, options.sortKey);
}
