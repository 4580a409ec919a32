/**
 * Crawls a whole OParl API from its System object, as a harvester does: every URL under the API's
 * root found anywhere in a response (list pages, `next` links, ids of objects and of embedded
 * objects, file access and download URLs) is fetched once. The OParl tests validate what it finds;
 * the benchmarks time it.
 */
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";

export interface OParlResponse {
  url: string;
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/** Fetches one absolute URL. */
export type OParlFetch = (url: string) => Promise<OParlResponse>;

export interface CrawlVisit {
  response: OParlResponse;
  /** The parsed body when it is JSON. */
  json: unknown;
}

export interface CrawlResult {
  /** Distinct OParl objects seen (an object embedded in several places counts once). */
  objects: number;
  requests: number;
  elapsedMs: number;
  objectsPerSecond: number;
  /** Whether every URL found was fetched (false when `maxMs` ended it). */
  complete: boolean;
}

export interface CrawlOptions {
  /** Called for every response, in the order they arrive. */
  onVisit?: (visit: CrawlVisit) => void;
  /** Requests in flight at once (default 1). */
  concurrency?: number;
  /** Stop taking new URLs after this long (a sample of a crawl too large to finish). */
  maxMs?: number;
}

/** Every string under `root` in a JSON value, with the key it was found under. */
function linksIn(value: unknown, root: string, found: string[]): void {
  if (typeof value === "string") {
    if (value === root || value.startsWith(`${root}/`) || value.startsWith(`${root}?`)) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) linksIn(item, root, found);
  } else if (value && typeof value === "object") {
    for (const item of Object.values(value)) linksIn(item, root, found);
  }
}

/** Ids of every object (with `id` and `type`) in a JSON value, embedded ones too. */
function objectIdsIn(value: unknown, ids: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) objectIdsIn(item, ids);
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.id === "string" && typeof record.type === "string") ids.add(record.id);
    for (const item of Object.values(record)) objectIdsIn(item, ids);
  }
}

export async function crawlOParl(
  fetch: OParlFetch,
  systemUrl: string,
  options: CrawlOptions = {},
): Promise<CrawlResult> {
  // The API's root is the System object's id, which may differ from the URL asked (a redirect).
  let root = systemUrl.replace(/\/$/, "");
  const seen = new Set<string>([root]);
  const queue = [root];
  const objects = new Set<string>();
  let requests = 0;
  const started = performance.now();
  const deadline = started + (options.maxMs ?? Number.POSITIVE_INFINITY);
  const next = () => (performance.now() < deadline ? queue.shift() : undefined);
  const worker = async () => {
    for (let url = next(); url !== undefined; url = next()) {
      const response = await fetch(url);
      requests++;
      const isJson = (response.headers["content-type"] ?? "").startsWith("application/json");
      let json: unknown;
      if (isJson) {
        json = JSON.parse(response.body.toString("utf8"));
        if (
          requests === 1 &&
          json &&
          typeof json === "object" &&
          "id" in json &&
          typeof json.id === "string"
        ) {
          root = json.id;
          seen.add(root);
        }
        objectIdsIn(json, objects);
        const links: string[] = [];
        linksIn(json, root, links);
        for (const link of links) {
          if (!seen.has(link)) {
            seen.add(link);
            queue.push(link);
          }
        }
      }
      options.onVisit?.({ response, json });
    }
  };
  // Workers stop when the queue is empty; the crawl goes on while any of them still fetches.
  let running = 0;
  await new Promise<void>((resolve, reject) => {
    const start = () => {
      while (running < (options.concurrency ?? 1) && queue.length > 0) {
        running++;
        worker().then(() => {
          running--;
          if (queue.length > 0 && performance.now() < deadline) start();
          else if (running === 0) resolve();
        }, reject);
      }
    };
    start();
  });
  const elapsedMs = performance.now() - started;
  return {
    objects: objects.size,
    requests,
    elapsedMs,
    objectsPerSecond: objects.size / (elapsedMs / 1000),
    complete: queue.length === 0,
  };
}

/** Fetches through fastify's in-process `inject`, keeping the URL's host so ids come out the same. */
export function injectFetch(app: FastifyInstance): OParlFetch {
  return async (url) => {
    const parsed = new URL(url);
    const response = await app.inject({
      method: "GET",
      url: `${parsed.pathname}${parsed.search}`,
      headers: { host: parsed.host },
    });
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      headers[name] = Array.isArray(value)
        ? value.join(", ")
        : value === undefined
          ? undefined
          : String(value);
    }
    return { url, status: response.statusCode, headers, body: response.rawPayload };
  };
}

/** Fetches over HTTP (a running server). */
export const httpFetch: OParlFetch = async (url) => {
  const response = await fetch(url, { redirect: "manual" });
  const headers: Record<string, string | undefined> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { url, status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
};
