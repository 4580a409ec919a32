/**
 * The OParl API crawled whole, as a harvester does, on the demo world: objects per second, next to
 * the same number of requests for a constant JSON of the same average size through the same server.
 */
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import type { TestStore } from "../test/support/databases.ts";
import { loadDemoRecord } from "../test/support/demo-world.ts";
import { crawlOParl, injectFetch } from "./oparl-crawl.ts";
import { benchServer } from "./pages.bench.ts";

const ROUNDS = Number(process.env.BENCH_OPARL_ROUNDS ?? 3);

export async function benchOParl(store: TestStore): Promise<void> {
  await loadDemoRecord(store);
  const app = await benchServer(store);
  try {
    await crawlRate(app, `[${store.kind}] OParl crawl of the demo world`);
  } finally {
    await app.close();
  }
}

/**
 * Crawls the API of `app` from its System object (whole, or for `maxMs` when it is too large to
 * finish) and prints objects/s next to the same number of requests for a constant JSON of the
 * crawl's average response size, through the same server.
 */
export async function crawlRate(app: FastifyInstance, label: string, maxMs?: number): Promise<void> {
  let constant = "";
  app.get("/bench/constant", (_request, reply) =>
    reply.type("application/json; charset=utf-8").send(constant),
  );
  const fetch = injectFetch(app);
  const root = "http://localhost/oparl/v1";
  let bytes = 0;
  // The first crawl warms caches and plans; the best of the next rounds is reported. A sampled
  // crawl (maxMs) is run once: its pages are read for the first time, as a harvester reads them.
  const warm = await crawlOParl(fetch, root, {
    ...(maxMs === undefined ? {} : { maxMs }),
    onVisit: (visit) => {
      bytes += visit.response.body.byteLength;
    },
  });
  let best = warm;
  for (let round = 0; maxMs === undefined && round < ROUNDS; round++) {
    const result = await crawlOParl(fetch, root);
    if (result.elapsedMs < best.elapsedMs) best = result;
  }
  constant = JSON.stringify({ data: "x".repeat(Math.max(0, Math.round(bytes / warm.requests) - 12)) });
  const started = performance.now();
  for (let i = 0; i < best.requests; i++) await fetch("http://localhost/bench/constant");
  const baselineMs = performance.now() - started;
  console.log(
    `${label}: ${best.objects} objects, ${best.requests} requests ` +
      `in ${best.elapsedMs.toFixed(0)} ms = ${best.objectsPerSecond.toFixed(0)} objects/s, ` +
      `${(best.requests / (best.elapsedMs / 1000)).toFixed(0)} requests/s (in-process, sequential` +
      `${best.complete ? "" : `; the first ${(best.elapsedMs / 1000).toFixed(0)} s of the crawl`})`,
  );
  console.log(
    `  ${best.requests} requests for a constant JSON of ${constant.length} bytes: ${baselineMs.toFixed(0)} ms; ` +
      `ratio crawl/constant: ${(best.elapsedMs / baselineMs).toFixed(1)}x the time`,
  );
}
