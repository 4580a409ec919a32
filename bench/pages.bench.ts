/**
 * Public pages under load next to a static file of the same bytes, served by the same server
 * (and the same bytes from memory, the strictest baseline):
 * the published agenda and the published minutes of a 30-item meeting (issues 4 and 5: page
 * throughput at least half of the static file's). Also the same page rendered on every request
 * (a reader the cache does not serve), to show what the cache buys.
 *
 * The load generator runs in a child process (`bench/load.ts`), so the server keeps its own core.
 * `addStaticBaseline` and `comparePageWithStatic` are exported for other benchmarks (the portal
 * at 500,000 items) to measure their pages the same way.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { createCase } from "../src/core/cases/cases.ts";
import { addFile } from "../src/core/files/files.ts";
import type { MeetingCreate } from "../src/core/meetings/meeting.schema.ts";
import { createMeeting, updateMeeting } from "../src/core/meetings/meetings.ts";
import { createOrganization } from "../src/core/organizations/organizations.ts";
import { createPerson } from "../src/core/people/people.ts";
import type { MeetingState } from "../src/core/publication/visibility.ts";
import { systemActor } from "../src/core/shared/context.ts";
import { buildServer } from "../src/http/server.ts";
import type { TestStore } from "../test/support/databases.ts";

const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const ITEMS = 30;
/** The bootstrap token of the bench's server: a request with it is rendered, not served from the cache. */
export const BENCH_TOKEN = "bench-token";
const STATIC_PREFIX = "/bench-static/";
const MEMORY_PREFIX = "/bench-memory/";

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  responses: number;
}

export interface PageComparison {
  url: string;
  bytes: number;
  page: LoadResult;
  /** The same bytes as a file, served by @fastify/static. */
  staticFile: LoadResult;
  /** The same bytes from memory by a plain route: the least a response can cost on this server. */
  memory: LoadResult;
  /** Page throughput as a share of the static file's. */
  ratio: number;
}

/** Where the baselines of `comparePageWithStatic` come from, registered by `addStaticBaseline`. */
export interface StaticBaseline {
  root: string;
  memory: Map<string, Buffer>;
}

/** Runs the load generator in its own process against one URL. */
export function load(url: string, options: { seconds?: number; headers?: Record<string, string> } = {}) {
  const args = [
    path.join(import.meta.dirname, "load.ts"),
    url,
    String(CONNECTIONS),
    String(options.seconds ?? LOAD_SECONDS),
    ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}=${value}`),
  ];
  return new Promise<LoadResult>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`the load generator exited with ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as LoadResult);
    });
  });
}

/**
 * Serves files of a folder of its own under /bench-static/ with @fastify/static, and the same bytes
 * from memory under /bench-memory/: the baselines a page is compared with. Call on a server that
 * has not started yet.
 */
export async function addStaticBaseline(app: FastifyInstance): Promise<StaticBaseline> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-bench-static-"));
  const memory = new Map<string, Buffer>();
  await app.register(fastifyStatic, { root, prefix: STATIC_PREFIX, decorateReply: false });
  app.get<{ Params: { name: string } }>(`${MEMORY_PREFIX}:name`, (request, reply) =>
    reply.type("text/html; charset=utf-8").send(memory.get(request.params.name)),
  );
  return { root, memory };
}

/**
 * Measures a page, a static file holding the same bytes and the same bytes from memory, one after
 * the other on the same server, each after a short warm-up.
 */
export async function comparePageWithStatic(
  address: string,
  baseline: StaticBaseline,
  pageUrl: string,
  options: { headers?: Record<string, string> } = {},
): Promise<PageComparison> {
  const response = await fetch(`${address}${pageUrl}`, { headers: options.headers });
  if (!response.ok) throw new Error(`${pageUrl} answered ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const fileName = `page-${bytes.length}.html`;
  fs.writeFileSync(path.join(baseline.root, fileName), bytes);
  baseline.memory.set(fileName, bytes);
  const measure = async (url: string, headers?: Record<string, string>) => {
    await load(url, { seconds: 1, headers });
    return load(url, { headers });
  };
  const staticFile = await measure(`${address}${STATIC_PREFIX}${fileName}`);
  const memory = await measure(`${address}${MEMORY_PREFIX}${fileName}`);
  const page = await measure(`${address}${pageUrl}`, options.headers);
  return {
    url: pageUrl,
    bytes: bytes.length,
    page,
    staticFile,
    memory,
    ratio: page.requestsPerSecond / staticFile.requestsPerSecond,
  };
}

const line = (name: string, r: LoadResult) =>
  `${name}: ${Math.round(r.requestsPerSecond).toLocaleString("en")} req/s, p50 ${r.p50.toFixed(1)} ms, ` +
  `p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}`;

export function printComparison(label: string, c: PageComparison): void {
  console.log(`  ${label} (${c.bytes.toLocaleString("en")} bytes):`);
  console.log(`    ${line("page", c.page)}`);
  console.log(`    ${line("static file of the same bytes (@fastify/static)", c.staticFile)}`);
  console.log(`    ${line("the same bytes from memory (plain route)", c.memory)}`);
  console.log(
    `    ratio page/static file: ${c.ratio.toFixed(2)}; page/memory: ` +
      `${(c.page.requestsPerSecond / c.memory.requestsPerSecond).toFixed(2)} of the throughput`,
  );
}

const paragraph =
  "Det indstilles, at KD-Net godkender oplægget og drøfter den videre proces for samarbejdet mellem " +
  "kommunerne og regionen om uddannelse, beskæftigelse og klima i den midtjyske region.";

/** A realistic 30-item meeting: groups, presenters, Markdown sections, decisions, cases, files, closed items. */
async function thirtyItemMeeting(store: TestStore, finalState: MeetingState) {
  const ctx = { db: store.db, actor: systemActor };
  const org = await createOrganization(ctx, { name: `Benchmarkudvalget ${finalState}`, kind: "committee" });
  const people: string[] = [];
  for (const name of ["Anne Andersen", "Bo Bertelsen", "Cai Christensen", "Dorte Due", "Eik Eriksen"]) {
    people.push((await createPerson(ctx, { name })).id);
  }
  const cases: string[] = [];
  for (let i = 0; i < 6; i++) {
    cases.push((await createCase(ctx, { title: `Sag nummer ${i + 1} om samarbejdet`, reference: null })).id);
  }
  const groups = ["Godkendelse", "Sager til beslutning", "Sager til drøftelse", "Orientering"];
  const agendaItems: NonNullable<MeetingCreate["agendaItems"]> = Array.from({ length: ITEMS }, (_, i) => ({
    number: String(i + 1),
    groupHeading: groups[Math.floor((i * groups.length) / ITEMS)] ?? null,
    title: `Punkt ${i + 1}: orientering om status på samarbejdet om uddannelse og beskæftigelse`,
    isPublic: i % 10 !== 9,
    background: `${paragraph}\n\n- første forhold\n- andet forhold\n- tredje forhold`,
    recommendation: `Det indstilles, at udvalget **godkender** indstillingen i punkt ${i + 1}.`,
    casePresentation: `${paragraph}\n\n${paragraph}\n\n${paragraph}`,
    finance: i % 3 === 0 ? "Udgiften på 50.000 kr. afholdes inden for rammen." : null,
    decision: `Udvalget godkendte indstillingen. ${paragraph}`,
    outcome: i % 4 === 0 ? "noted" : "approved",
    presenterIds: [people[i % people.length] as string],
    caseId: i % 5 === 0 ? (cases[i / 5] ?? null) : null,
  }));
  const meeting = await createMeeting(ctx, {
    organizationId: org.id,
    title: "Møde i Benchmarkudvalget",
    start: "2021-01-22T10:00:00+01:00",
    end: "2021-01-22T13:00:00+01:00",
    location: "Scandic, Udgårdsvej 2, 8600 Silkeborg",
    attendance: people.map((personId, i) => ({ personId, status: i === 4 ? "excused" : "present" })),
    agendaItems,
  });
  for (const [i, item] of meeting.agendaItems.entries()) {
    if (i % 3 !== 0) continue;
    await addFile(
      { ...ctx, files: store.files },
      {
        name: `Bilag ${i + 1}.txt`,
        mediaType: "text/plain",
        bytes: new TextEncoder().encode(`Bilag til punkt ${i + 1}`),
        agendaItemId: item.id,
      },
    );
  }
  const life: MeetingState[] = ["agenda_published", "held", "minutes_approved", "minutes_published"];
  for (const state of life.slice(0, life.indexOf(finalState) + 1)) {
    await updateMeeting(ctx, meeting.id, { state });
  }
  return meeting.id;
}

/** The real server on a store, as `serve` builds it, with `BENCH_TOKEN` as its bootstrap token. */
export function benchServer(store: Pick<TestStore, "db" | "files">): Promise<FastifyInstance> {
  return buildServer({
    db: store.db,
    files: store.files,
    config: {
      apiToken: BENCH_TOKEN,
      maxUploadBytes: 1024,
      logLevel: "silent",
      secureCookies: false,
      trustProxy: false,
    },
  });
}

export async function benchPages(store: TestStore): Promise<void> {
  const agenda = await thirtyItemMeeting(store, "agenda_published");
  const minutes = await thirtyItemMeeting(store, "minutes_published");
  const app = await benchServer(store);
  const baseline = await addStaticBaseline(app);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    console.log(
      `[${store.kind}] public pages, ${CONNECTIONS} connections, load generator in a child process:`,
    );
    printComparison(
      "GET /moeder/:id, published agenda, 30 items",
      await comparePageWithStatic(address, baseline, `/moeder/${agenda}`),
    );
    printComparison(
      "GET /moeder/:id, published minutes, 30 items",
      await comparePageWithStatic(address, baseline, `/moeder/${minutes}`),
    );
    printComparison(
      "the same minutes page rendered on every request (a reader the cache does not serve)",
      await comparePageWithStatic(address, baseline, `/moeder/${minutes}`, {
        headers: { authorization: `Bearer ${BENCH_TOKEN}` },
      }),
    );
  } finally {
    await app.close();
    fs.rmSync(baseline.root, { recursive: true, force: true });
  }
}

// `node bench/pages.bench.ts`: this benchmark alone, on both stores.
if (import.meta.main) {
  const { openTestStore, testServerAnswers } = await import("../test/support/databases.ts");
  for (const kind of ["pglite", "postgres"] as const) {
    if (kind === "postgres" && !(await testServerAnswers())) continue;
    const store = await openTestStore(kind);
    try {
      await benchPages(store);
    } finally {
      await store.close();
    }
  }
}
