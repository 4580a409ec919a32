import { type Static, type TSchema, Type } from "typebox";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../platform/db/keyset.ts";

/** Building blocks of the record's schemas: the API validates with them and documents them. */
export const Id = Type.String({ format: "uuid", description: "Record id (UUIDv7)" });
export const DateOnly = Type.String({
  format: "date",
  description: "Calendar date, yyyy-mm-dd",
  examples: ["2021-01-22"],
});
export const DateTime = Type.String({
  format: "date-time",
  description: "Instant with offset; returned in Europe/Copenhagen time, e.g. 2021-01-22T10:00:00+01:00",
});
export const Text = (options: { maxLength?: number; description?: string } = {}) =>
  Type.String({ minLength: 1, maxLength: options.maxLength ?? 500, ...options });
export const LongText = (description: string) => Type.String({ maxLength: 1_000_000, description });

/**
 * The schema or null, written as `type: [..., "null"]` (or an enum with null) rather than `anyOf`:
 * the same for validation and OpenAPI 3.1, and the response serialiser then needs no validator
 * per value (anyOf made the meeting read several times slower).
 */
export const Nullable = <T extends TSchema>(schema: T) => {
  const raw = schema as unknown as { type?: unknown; enum?: unknown[] };
  if (typeof raw.type === "string") {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [raw.type, "null"] });
  }
  if (Array.isArray(raw.enum)) return Type.Unsafe<Static<T> | null>({ ...schema, enum: [...raw.enum, null] });
  return Type.Union([schema, Type.Null()]);
};

export const Audit = {
  createdAt: DateTime,
  createdBy: Type.String({ description: "Who created the record" }),
  updatedAt: DateTime,
  updatedBy: Type.String({ description: "Who last changed the record" }),
};

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
  cursor: Type.Optional(Type.String({ description: "The nextCursor of the previous page" })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    data: Type.Array(item),
    nextCursor: Nullable(Type.String({ description: "Pass as cursor for the next page; null on the last" })),
  });
