/**
 * The OParl API crawled whole, as a harvester does, on the demo world: objects per second, next to
 * the same number of requests for a constant JSON of the same average size through the same server.
 */
import { performance } from "node:perf_hooks";
import { buildServer } from "../src/http/server.ts";
import type { TestStore } from "../test/support/databases.ts";
import { loadDemoRecord } from "../test/support/demo-world.ts";
import { crawlOParl, injectFetch } from "./oparl-crawl.ts";

const ROUNDS = Number(process.env.BENCH_OPARL_ROUNDS ?? 3);

export async function benchOParl(store: TestStore): Promise<void> {
  await loadDemoRecord(store);
  const app = await buildServer({
    db: store.db,
    files: store.files,
    config: {
      apiToken: null,
      maxUploadBytes: 1024,
      logLevel: "silent",
      secureCookies: false,
      trustProxy: false,
    },
  });
  let constant = "";
  app.get("/bench/constant", (_request, reply) =>
    reply.type("application/json; charset=utf-8").send(constant),
  );
  try {
    const fetch = injectFetch(app);
    const root = "http://localhost/oparl/v1";
    let bytes = 0;
    // The first crawl warms caches and plans; the best of the next rounds is reported.
    const warm = await crawlOParl(fetch, root, {
      onVisit: (visit) => {
        bytes += visit.response.body.byteLength;
      },
    });
    let best = warm;
    for (let round = 0; round < ROUNDS; round++) {
      const result = await crawlOParl(fetch, root);
      if (result.elapsedMs < best.elapsedMs) best = result;
    }
    constant = JSON.stringify({ data: "x".repeat(Math.max(0, Math.round(bytes / warm.requests) - 12)) });
    const started = performance.now();
    for (let i = 0; i < best.requests; i++) await fetch("http://localhost/bench/constant");
    const baselineMs = performance.now() - started;
    console.log(
      `[${store.kind}] OParl crawl of the demo world: ${best.objects} objects, ${best.requests} requests ` +
        `in ${best.elapsedMs.toFixed(0)} ms = ${best.objectsPerSecond.toFixed(0)} objects/s, ` +
        `${(best.requests / (best.elapsedMs / 1000)).toFixed(0)} requests/s (in-process, sequential)`,
    );
    console.log(
      `  ${best.requests} requests for a constant JSON of ${constant.length} bytes: ${baselineMs.toFixed(0)} ms; ` +
        `ratio crawl/constant: ${(best.elapsedMs / baselineMs).toFixed(1)}x the time`,
    );
  } finally {
    await app.close();
  }
}
