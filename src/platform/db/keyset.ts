import { AppError } from "../errors.ts";

/**
 * Keyset pagination: a page ends at its last row's sort key, and the next page starts after it.
 * Stable under inserts, and as fast on page 1,000 as on page 1. The cursor is opaque to clients.
 */
export type SortValue = string | number | boolean | null;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function encodeCursor(values: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string, expectedLength: number): SortValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(values) &&
      values.length === expectedLength &&
      values.every((v) => v === null || ["string", "number", "boolean"].includes(typeof v))
    ) {
      return values as SortValue[];
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError(
    "validation.cursor",
    "cursor is not a cursor this list gave out; start again without it",
    {
      field: "cursor",
    },
  );
}

/**
 * Builds the `WHERE` part that starts after the cursor, for an ascending order over `columns`
 * (the last one unique, usually `id`). Columns must not be null.
 */
export function afterCursor(
  columns: readonly string[],
  cursor: string | undefined,
  params: unknown[],
): string | null {
  if (!cursor) return null;
  const values = decodeCursor(cursor, columns.length);
  const placeholders = values.map((value) => {
    params.push(value);
    return `$${params.length}`;
  });
  return `(${columns.join(", ")}) > (${placeholders.join(", ")})`;
}

/** Splits the `limit + 1` rows of a query into a page and the cursor of the next one. */
export function toPage<T>(rows: T[], limit: number, sortKey: (row: T) => readonly SortValue[]): Page<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data.at(-1);
  return { data, nextCursor: hasMore && last ? encodeCursor(sortKey(last)) : null };
}
