import type { EntryFilter } from "../../core/oparl/oparl-entries.ts";
import { MAX_PAGE_SIZE } from "../../platform/db/keyset.ts";
import { AppError } from "../../platform/errors.ts";
import type { OParlObject } from "./oparl-object.ts";

/** Objects per list page unless the client asks for fewer (`limit` or OParl's `elementsPerPage`). */
const OPARL_PAGE_SIZE = 100;

const timeFilters = [
  ["created_since", "createdSince"],
  ["created_until", "createdUntil"],
  ["modified_since", "modifiedSince"],
  ["modified_until", "modifiedUntil"],
] as const;

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A list request: its filters and page, and the parameters every link of the list keeps. */
export interface ListRequest {
  filter: EntryFilter;
  limit: number;
  cursor: string | undefined;
  /** The filters and page size as given, in the canonical order of the links. */
  kept: [string, string][];
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    throw new AppError("validation.invalid", `${name}: give it once`, { field: name });
  }
  return value;
}

export function parseListRequest(query: Record<string, unknown>): ListRequest {
  const filter: EntryFilter = {};
  const kept: [string, string][] = [];
  for (const [name, key] of timeFilters) {
    // An unencoded "+" of the offset arrives as a space.
    const raw = single(query, name)?.replace(" ", "+");
    if (raw === undefined) continue;
    const time = new Date(raw);
    if (!dateTime.test(raw) || Number.isNaN(time.getTime())) {
      throw new AppError(
        "validation.invalid",
        `${name}: not a date-time such as 2021-01-22T10:00:00+01:00 (with its offset)`,
        { field: name },
      );
    }
    filter[key] = time;
    kept.push([name, raw]);
  }
  const rawLimit = single(query, "limit") ?? single(query, "elementsPerPage");
  let limit = OPARL_PAGE_SIZE;
  if (rawLimit !== undefined) {
    limit = Number(rawLimit);
    if (!/^[0-9]+$/.test(rawLimit) || limit < 1) {
      throw new AppError("validation.invalid", "limit: a whole number of objects per page, at least 1", {
        field: "limit",
      });
    }
    limit = Math.min(limit, MAX_PAGE_SIZE);
    kept.push(["limit", String(limit)]);
  }
  return { filter, limit, cursor: single(query, "cursor"), kept };
}

function withParams(url: string, params: [string, string][]): string {
  return params.length === 0 ? url : `${url}?${new URLSearchParams(params).toString()}`;
}

/** A list page: the objects, the page size, and links that keep the filters. */
export function listPage(
  listUrl: string,
  request: ListRequest,
  data: OParlObject[],
  nextCursor: string | null,
): OParlObject {
  const links: OParlObject = {
    first: withParams(listUrl, request.kept),
    self: withParams(listUrl, request.cursor ? [...request.kept, ["cursor", request.cursor]] : request.kept),
  };
  if (nextCursor) links.next = withParams(listUrl, [...request.kept, ["cursor", nextCursor]]);
  return { data, pagination: { elementsPerPage: request.limit }, links };
}

/** Whether an object with these times passes the list's time filters (compared to the second). */
export function passesTimeFilter(filter: EntryFilter, times: { created: string; modified: string }): boolean {
  const seconds = (value: string | Date) => Math.floor(new Date(value).getTime() / 1000);
  const created = seconds(times.created);
  const modified = seconds(times.modified);
  return (
    (!filter.createdSince || created >= seconds(filter.createdSince)) &&
    (!filter.createdUntil || created <= seconds(filter.createdUntil)) &&
    (!filter.modifiedSince || modified >= seconds(filter.modifiedSince)) &&
    (!filter.modifiedUntil || modified <= seconds(filter.modifiedUntil))
  );
}
