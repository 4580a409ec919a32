import type { OParlType } from "../../core/oparl/oparl-entries.ts";
import type { Context } from "../../core/shared/context.ts";
import type { OParlUrls } from "./oparl-urls.ts";

/** A JSON object as OParl sends it. */
export type OParlObject = { [key: string]: OParlValue };
type OParlValue = string | number | boolean | OParlObject | OParlValue[];

/** The schema name of each type, as in `https://schema.oparl.org/1.1/<name>`. */
const schemaNames: Record<OParlType | "system" | "body", string> = {
  system: "System",
  body: "Body",
  organization: "Organization",
  person: "Person",
  membership: "Membership",
  legislativeTerm: "LegislativeTerm",
  meeting: "Meeting",
  agendaItem: "AgendaItem",
  paper: "Paper",
  consultation: "Consultation",
  file: "File",
  location: "Location",
};

export const OPARL_VERSION = "https://schema.oparl.org/1.1/";
const typeUrl = (type: OParlType | "system" | "body") => `${OPARL_VERSION}${schemaNames[type]}`;

/** Extensions carry this prefix (OParl: a vendor prefix with a colon) and only string values. */
export const VENDOR = "samraad";

type Field = OParlValue | null | undefined;

/** An object with its id, type and times; absent values are left out, as OParl sends no `null`. */
export function oparlObject(
  type: OParlType | "system" | "body",
  id: string,
  fields: Record<string, Field>,
  times: { created: string; modified: string },
): OParlObject {
  const object: OParlObject = { id, type: typeUrl(type) };
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined || value === "") continue;
    object[key] = value;
  }
  object.created = times.created;
  object.modified = times.modified;
  return object;
}

/** A deleted object: id, type, created, and `modified` when it was deleted. */
export function tombstone(
  urls: OParlUrls,
  type: OParlType,
  entry: { id: string; created: string; modified: string },
): OParlObject {
  return {
    id: urls.object(type, entry.id),
    type: typeUrl(type),
    created: entry.created,
    modified: entry.modified,
    deleted: true,
  };
}

/** How one object type is read and shown: the batch reader of core, and the mapping to OParl. */
export interface OParlKind<Record extends { id: string }> {
  type: OParlType;
  load(ctx: Context, ids: readonly string[]): Promise<Record[]>;
  present(record: Record, urls: OParlUrls): OParlObject;
}

/** A kind with its record type hidden, for the routes: ids in, OParl objects out (by id). */
export interface OParlReader {
  type: OParlType;
  read(ctx: Context, ids: readonly string[], urls: OParlUrls): Promise<Map<string, OParlObject>>;
}

export function readerOf<Record extends { id: string }>(kind: OParlKind<Record>): OParlReader {
  return {
    type: kind.type,
    async read(ctx, ids, urls) {
      const records = await kind.load(ctx, ids);
      return new Map(records.map((record) => [record.id, kind.present(record, urls)]));
    },
  };
}
