import { decodeCursor, type Page } from "../../platform/db/keyset.ts";
import { Conditions, listPage } from "../../platform/db/list-query.ts";
import { AppError } from "../../platform/errors.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import {
  agendaVisibleCondition,
  caseCondition,
  deletionCondition,
  fileCondition,
  visibleConsultationCondition,
} from "../publication/visibility.ts";
import type { Actor, Context } from "../shared/context.ts";

/**
 * The record as OParl lists it: for every object its id and change times, and tombstones for
 * deleted ones. An object's `modified` is the latest change of anything it shows: its own row,
 * the objects embedded in it (a meeting's items and their files), what decides whether the public
 * may see it (a meeting's state for its items), and records that left it (deleted or moved,
 * `record_departures`). So a reader that fetches `modified_since` its last visit misses nothing.
 */
const oparlTypes = [
  "organization",
  "person",
  "membership",
  "legislativeTerm",
  "meeting",
  "agendaItem",
  "paper",
  "consultation",
  "file",
  "location",
] as const;
export type OParlType = (typeof oparlTypes)[number];

/** One object of a list: alive, or a tombstone. Times are Copenhagen ISO strings. */
export interface Entry {
  id: string;
  created: string;
  modified: string;
  deleted: boolean;
}

/** The filters of every OParl list; `organizationId` narrows meetings to one body's. */
export interface EntryFilter {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
  organizationId?: string;
}

interface Source {
  /** The record table (its tombstones carry this name); null for objects derived from others. */
  table: string | null;
  /** `FROM` part; the object's row is aliased `x`. */
  from: string;
  /** What the actor may see, as a condition on `x` (and its joins); null: all of it. */
  visible: ((actor: Actor) => string) | null;
  modified: string;
  /** The column an `organizationId` filter applies to, if any. */
  organizationColumn?: string;
  idType: "uuid" | "text";
}

/** The latest time a record left the one whose `column` is `id` (deleted or moved away). */
const departedFrom = (column: string, id: string, table?: string) =>
  `(SELECT max(d.departed_at) FROM record_departures d WHERE d.${column} = ${id}${
    table ? ` AND d.table_name = '${table}'` : ""
  })`;

/** The latest change of anything that decides what a case shows and whether it is public. */
const caseChanged = (caseId: string) => `GREATEST(
  (SELECT max(GREATEST(ca.updated_at, cai.updated_at, cam.updated_at)) FROM consultations ca
     LEFT JOIN agenda_items cai ON cai.id = ca.agenda_item_id LEFT JOIN meetings cam ON cam.id = cai.meeting_id
     WHERE ca.case_id = ${caseId}),
  ${departedFrom("case_id", caseId)})`;

/** The latest change of what an agenda item embeds or names: its files, consultation, presenters. */
const itemContentChanged = (item: string) => `GREATEST(
  (SELECT max(itf.updated_at) FROM files itf WHERE itf.agenda_item_id = ${item}.id),
  (SELECT ic.updated_at FROM consultations ic WHERE ic.agenda_item_id = ${item}.id),
  (SELECT max(ip.updated_at) FROM agenda_item_presenters iap JOIN people ip ON ip.id = iap.person_id
     WHERE iap.agenda_item_id = ${item}.id))`;

/** Locations are the distinct texts of meetings' `location`, whitespace-normalised. */
export const normalizedLocation = (column: string) =>
  `btrim(regexp_replace(${column}, '[[:space:]]+', ' ', 'g'))`;
/** A location's id: the first 24 hex digits of its text's sha256, stable while the text is. */
export const locationId = (text: string) => `left(encode(sha256(convert_to(${text}, 'UTF8')), 'hex'), 24)`;

/** The row `x` or the appointments it shows (a person embeds them, an organisation links them). */
const withAppointments = (column: "person_id" | "organization_id") => `GREATEST(x.updated_at,
  (SELECT max(ms.updated_at) FROM memberships ms WHERE ms.${column} = x.id),
  ${departedFrom(column, "x.id", "memberships")})`;

const sources: Record<OParlType, Source> = {
  organization: {
    table: "organizations",
    from: "organizations x",
    visible: null,
    modified: withAppointments("organization_id"),
    idType: "uuid",
  },
  person: {
    table: "people",
    from: "people x",
    visible: null,
    modified: withAppointments("person_id"),
    idType: "uuid",
  },
  membership: {
    table: "memberships",
    from: "memberships x",
    visible: null,
    modified: "x.updated_at",
    idType: "uuid",
  },
  legislativeTerm: {
    table: "legislative_terms",
    from: "legislative_terms x",
    visible: null,
    modified: "x.updated_at",
    idType: "uuid",
  },
  meeting: {
    table: "meetings",
    from: "meetings x",
    visible: null,
    modified: `GREATEST(x.updated_at,
      (SELECT max(GREATEST(mi.updated_at, ${itemContentChanged("mi")})) FROM agenda_items mi WHERE mi.meeting_id = x.id),
      (SELECT max(mf.updated_at) FROM files mf WHERE mf.meeting_id = x.id),
      ${departedFrom("meeting_id", "x.id")})`,
    organizationColumn: "organization_id",
    idType: "uuid",
  },
  agendaItem: {
    table: "agenda_items",
    from: "agenda_items x JOIN meetings xm ON xm.id = x.meeting_id",
    visible: (actor) => agendaVisibleCondition(actor, "xm"),
    modified: `GREATEST(x.updated_at, xm.updated_at, ${itemContentChanged("x")},
      ${departedFrom("agenda_item_id", "x.id")})`,
    idType: "uuid",
  },
  paper: {
    table: "cases",
    from: "cases x",
    visible: (actor) => caseCondition(actor, "x"),
    modified: `GREATEST(x.updated_at, ${caseChanged("x.id")},
      (SELECT max(pf.updated_at) FROM files pf WHERE pf.case_id = x.id))`,
    idType: "uuid",
  },
  consultation: {
    table: "consultations",
    from: `consultations x LEFT JOIN agenda_items xi ON xi.id = x.agenda_item_id
      LEFT JOIN meetings xm ON xm.id = xi.meeting_id`,
    visible: (actor) => visibleConsultationCondition(actor, "x", "xi", "xm"),
    modified: `GREATEST(x.updated_at, ${caseChanged("x.case_id")})`,
    idType: "uuid",
  },
  file: {
    table: "files",
    from: `files x LEFT JOIN agenda_items xi ON xi.id = x.agenda_item_id
      LEFT JOIN meetings xm ON xm.id = COALESCE(xi.meeting_id, x.meeting_id)`,
    visible: (actor) => fileCondition(actor, "x"),
    modified: `GREATEST(x.updated_at, xi.updated_at, xm.updated_at,
      CASE WHEN x.case_id IS NOT NULL THEN ${caseChanged("x.case_id")} END)`,
    idType: "uuid",
  },
  location: {
    table: null,
    from: `(SELECT ${locationId("l.text")} AS id, min(l.created_at) AS created_at, min(l.created_at) AS updated_at
        FROM (SELECT ${normalizedLocation("location")} AS text, created_at FROM meetings
              WHERE location IS NOT NULL) l
        WHERE l.text <> '' GROUP BY l.text) x`,
    visible: null,
    modified: "x.updated_at",
    idType: "text",
  },
};

interface EntryRow {
  id: string;
  created: Date;
  modified: Date;
  deleted: boolean;
}

const present = (row: EntryRow): Entry => ({
  id: row.id,
  created: toDanishIsoString(row.created),
  modified: toDanishIsoString(row.modified),
  deleted: row.deleted,
});

/** `SELECT id, created, modified, deleted` of the live objects the actor may see. */
function liveSql(
  ctx: Context,
  type: OParlType,
  conditions: Conditions,
  options: { ids?: readonly string[]; organizationId?: string },
): string {
  const source = sources[type];
  const live = new Conditions();
  const visible = source.visible?.(ctx.actor);
  if (visible && visible !== "TRUE") live.add(visible);
  if (options.ids) live.add(`x.id = ANY(${conditions.param(options.ids)}::${source.idType}[])`);
  if (options.organizationId !== undefined && source.organizationColumn) {
    live.add(`x.${source.organizationColumn} = ${conditions.param(options.organizationId)}`);
  }
  return `SELECT x.id, x.created_at AS created, ${source.modified} AS modified, false AS deleted
    FROM ${source.from} ${live.sql()}`;
}

/** The same columns for the tombstones of the type that the actor may see; null when it has none. */
function tombstoneSql(
  ctx: Context,
  type: OParlType,
  conditions: Conditions,
  options: { ids?: readonly string[]; organizationId?: string },
): string | null {
  const table = sources[type].table;
  if (!table) return null;
  const where = [`t.table_name = '${table}'`];
  const visible = deletionCondition(ctx.actor, "t", table);
  if (visible !== "TRUE") where.push(visible);
  if (options.ids) where.push(`t.id = ANY(${conditions.param(options.ids)}::uuid[])`);
  if (options.organizationId !== undefined && sources[type].organizationColumn) {
    where.push(`t.organization_id = ${conditions.param(options.organizationId)}`);
  }
  // A live row wins over an older tombstone of the same id (a restore could bring both).
  where.push(`NOT EXISTS (SELECT 1 FROM ${table} l WHERE l.id = t.id)`);
  return `SELECT t.id, t.created_at AS created, t.deleted_at AS modified, true AS deleted
    FROM deleted_records t WHERE ${where.join(" AND ")}`;
}

const idPatterns = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  text: /^[0-9a-f]{24}$/,
};

/** Whether `id` has the form of an id of this type (canonical: lower case). */
export function isOParlId(type: OParlType, id: unknown): id is string {
  return typeof id === "string" && idPatterns[sources[type].idType].test(id);
}

/** A cursor is the last id of a page of this list; one from another list is refused, not run. */
function assertCursorOf(type: OParlType, cursor: string | undefined): void {
  if (cursor === undefined) return;
  const [value] = decodeCursor(cursor, 1);
  if (!isOParlId(type, value)) {
    throw new AppError(
      "validation.cursor",
      "cursor is not a cursor this list gave out; start again without it",
      {
        field: "cursor",
      },
    );
  }
}

/**
 * One page of a list in a stable order (by id), filtered by creation and change times (compared
 * to the second, as they are shown). Tombstones are listed only when `modifiedSince` is given:
 * a reader without it is starting afresh and has nothing to forget.
 */
export async function listEntries(
  ctx: Context,
  type: OParlType,
  filter: EntryFilter,
  page: { limit?: number; cursor?: string | undefined },
): Promise<Page<Entry>> {
  assertCursorOf(type, page.cursor);
  const conditions = new Conditions();
  const scope = filter.organizationId !== undefined ? { organizationId: filter.organizationId } : {};
  const parts = [liveSql(ctx, type, conditions, scope)];
  const tombstones = filter.modifiedSince ? tombstoneSql(ctx, type, conditions, scope) : null;
  if (tombstones) parts.push(tombstones);
  const bound = (column: string, operator: string, value: Date | undefined) => {
    if (value) {
      conditions.add(
        `date_trunc('second', ${column}) ${operator} date_trunc('second', ${conditions.param(value.toISOString())}::timestamptz)`,
      );
    }
  };
  bound("created", ">=", filter.createdSince);
  bound("created", "<=", filter.createdUntil);
  bound("modified", ">=", filter.modifiedSince);
  bound("modified", "<=", filter.modifiedUntil);
  const result = await listPage<EntryRow>(ctx.db, {
    from: `SELECT id, created, modified, deleted FROM (${parts.join(" UNION ALL ")}) entries`,
    conditions,
    orderBy: [sources[type].idType === "uuid" ? "id" : `id COLLATE "C"`],
    sortKey: (row) => [row.id],
    limit: page.limit,
    cursor: page.cursor,
  });
  return { data: result.data.map(present), nextCursor: result.nextCursor };
}

/** The entries of these live ids; ids the actor may not see are absent. */
export async function entriesByIds(
  ctx: Context,
  type: OParlType,
  ids: readonly string[],
): Promise<Map<string, Entry>> {
  if (ids.length === 0) return new Map();
  const conditions = new Conditions();
  const rows = await ctx.db.query<EntryRow>(liveSql(ctx, type, conditions, { ids }), conditions.params);
  return new Map(rows.map((row) => [row.id, present(row)]));
}

/** The tombstone of this id, if the record was deleted and the actor may see that it was. */
export async function findTombstone(ctx: Context, type: OParlType, id: string): Promise<Entry | null> {
  const conditions = new Conditions();
  const sql = tombstoneSql(ctx, type, conditions, { ids: [id] });
  if (!sql) return null;
  const [row] = await ctx.db.query<EntryRow>(sql, conditions.params);
  return row ? present(row) : null;
}

/** Whether a live record of this id exists that the actor may see. */
export async function entryExists(ctx: Context, type: OParlType, id: string): Promise<boolean> {
  return (await entriesByIds(ctx, type, [id])).has(id);
}

/**
 * When the installation began (its first migration) and when what the installation object shows
 * last changed: its legislative terms, which it embeds.
 */
export async function installationTimes(ctx: Context): Promise<{ created: string; modified: string }> {
  const [row] = await ctx.db.query<{ created: Date; modified: Date }>(
    `SELECT i.created, GREATEST(i.created, (SELECT max(updated_at) FROM legislative_terms),
       ${departedFrom("table_name", "'legislative_terms'")}) AS modified
     FROM (SELECT COALESCE(min(applied_at), now()) AS created FROM schema_migrations) i`,
  );
  const created = row?.created ?? new Date();
  return { created: toDanishIsoString(created), modified: toDanishIsoString(row?.modified ?? created) };
}
