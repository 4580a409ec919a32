/**
 * The public portal at scale, on one store: the synthetic corpus (SAMRAAD_BENCH_ITEMS agenda
 * items, 500,000 unless set), loaded once and cached (bench/synthetic-store.ts).
 *
 * Search: 200 varied queries, each run three ways, next to each other:
 *   naive  - the ranked query every simple system uses: ts_rank over all matches, ORDER BY rank
 *            LIMIT 20, same matches and rank expression (naiveSearchStatement);
 *   core   - searchAgendaItems itself, without the server around it;
 *   http   - GET /api/v1/search on `samraad serve` in its own process (so its memory is its own).
 * It reports p50/p95 of each, the ratios, and how often the naive query's first result is among
 * the first five of ours. The server's memory is read from /proc after the HTTP run.
 *
 * Meeting page: a published meeting of the corpus under load next to a static file of the same
 * bytes (`meetingPageThroughput`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { defaultSeedsDir } from "../src/cli/commands/demo-command.ts";
import type { SearchQuery } from "../src/core/search/search.schema.ts";
import {
  naiveSearchStatement,
  searchAgendaItems,
  searchWords,
} from "../src/core/search/search-agenda-items.ts";
import { anonymousReader } from "../src/core/shared/context.ts";
import { generateSetup } from "../src/demo/synthetic/generate.ts";
import type { DatabaseHandle, StoreKind } from "../src/platform/db/database.ts";
import { crawlRate } from "./oparl.bench.ts";
import {
  addStaticBaseline,
  BENCH_TOKEN,
  benchServer,
  comparePageWithStatic,
  printComparison,
} from "./pages.bench.ts";
import { openSyntheticStore, type SyntheticStore, syntheticStoreLocation } from "./synthetic-store.ts";

export const BENCH_ITEMS = Number(process.env.SAMRAAD_BENCH_ITEMS ?? 500_000);
/** Every nth of the 200 queries (SAMRAAD_BENCH_QUERY_STRIDE, 1 unless set): a quicker run. */
const QUERY_STRIDE = Math.max(1, Number(process.env.SAMRAAD_BENCH_QUERY_STRIDE ?? 1));
const HTTP_PORT = 3917;

interface BenchQuery {
  kind: string;
  query: SearchQuery;
}

const common = [
  "uddannelse",
  "kommune",
  "borgere",
  "samarbejde",
  "regionen",
  "budget",
  "beskæftigelse",
  "klima",
  "unge",
  "indsats",
  "sekretariatet",
  "orientering",
  "godkendelse",
  "status",
  "strategi",
  "erhvervsudvikling",
  "trafik",
  "sundhed",
  "digitalisering",
  "folkeskolen",
  "psykiatrien",
  "arbejdskraft",
  "turisme",
  "kultur",
  "integration",
  "forebyggelse",
  "udvalget",
  "aftalen",
  "økonomi",
  "kommunerne",
];
const phrases = [
  "grøn omstilling",
  "kollektiv trafik",
  "den kommunale ungeindsats",
  "lige adgang",
  "tæt samarbejde",
  "mangel på arbejdskraft",
  "den digitale omstilling",
  "almen praksis",
  "boligsociale indsatser",
  "kommunernes økonomi",
  "sammenhængende indsats",
  "administrativt niveau",
  "videre proces",
  "fælles interesser",
  "status på",
  "handleplan for",
  "høring om",
  "evaluering af",
  "budget for",
  "regnskab for",
  "taget til efterretning",
  "godkendte oplægget",
  "afsat mio kr",
  "næste møde",
  "arbejdsgruppe",
  "styregruppen for",
  "gennemført en ungdomsuddannelse",
  "virksomhederne efterspørger",
  "inddrages tidligt",
  "eksisterende ramme",
];
const negations = [
  "uddannelse -budget",
  "kommune -klima",
  "samarbejde -regionen",
  "borgere -kommune",
  "budget -regnskab",
  "klima -kyst",
  "unge -uddannelse",
  "trafik -bus",
  "sundhed -psykiatri",
  "strategi -digitalisering",
  "orientering -status",
  "beskæftigelse -unge",
  "erhvervsudvikling -turisme",
  "kultur -aftale",
  "integration -sprog",
  "folkeskolen -udskoling",
  "arbejdskraft -rekruttering",
  "økonomi -budget",
  "aftalen -sundhed",
  "indsats -forebyggelse",
  '"grøn omstilling" -energi',
  '"kollektiv trafik" -jernbane',
  "udvalget -godkendt",
  "regionen -kommunerne",
  "status -orientering",
  "godkendelse -budget",
  "psykiatrien -social",
  "turisme -kultur",
  "digitalisering -strategi",
  "klimatilpasning -vand",
];
const ors = [
  "klimatilpasning OR kystbeskyttelse",
  "geotermi OR biogasanlæg",
  "psykiatri OR ældrepleje",
  "turisme OR kultur",
  "jernbanen OR busruterne",
  "folkeskolen OR gymnasierne",
  "integration OR sprogundervisning",
  "affaldsplanen OR genanvendelsen",
  "mentorordning OR brobygningsforløb",
  "skybrudssikring OR stormflodssikring",
];

/** A misspelling people make: one letter of a doubled pair dropped, or a vowel swapped. */
function misspell(name: string): string {
  const doubled = /([a-zæøå])\1/i.exec(name);
  if (doubled) return name.slice(0, doubled.index) + name.slice(doubled.index + 1);
  return name.replace(/[aeiouyæøå](?=[^aeiouyæøå]*$)/i, (vowel) => (vowel === "e" ? "a" : "e"));
}

/** 200 queries of the kinds people type, from the corpus itself; the same on every run. */
async function benchQueries(db: DatabaseHandle): Promise<BenchQuery[]> {
  const setup = generateSetup({ items: BENCH_ITEMS, seedsDir: defaultSeedsDir });
  const tail = setup.rareTail;
  const rare = Array.from(
    { length: 30 },
    (_, i) => tail[Math.min(tail.length - 1, 15 + i * Math.floor(tail.length / 31))] ?? "",
  );
  const people = await db.query<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM people p
     WHERE EXISTS (SELECT 1 FROM agenda_item_presenters ap WHERE ap.person_id = p.id)
     ORDER BY p.id LIMIT 40`,
  );
  const organizations = await db.query<{ id: string }>("SELECT id FROM organizations ORDER BY id LIMIT 8");
  const cases = await db.query<{ id: string; word: string }>(
    `SELECT c.id, split_part(c.title, ':', 1) AS word FROM cases c ORDER BY c.id LIMIT 6`,
  );
  const queries: BenchQuery[] = [];
  for (const q of common) queries.push({ kind: "common word", query: { q } });
  for (const q of rare) queries.push({ kind: "rare word", query: { q } });
  for (const [i, person] of people.slice(0, 20).entries()) {
    const lastName = person.name.split(" ").at(-1) ?? person.name;
    queries.push({ kind: "name", query: { q: i % 2 === 0 ? `"${person.name}"` : lastName } });
  }
  for (const person of people.slice(20, 30)) {
    queries.push({
      kind: "misspelt name",
      query: { q: misspell(person.name.split(" ").at(-1) ?? person.name) },
    });
  }
  for (const q of phrases) queries.push({ kind: "phrase", query: { q: `"${q}"` } });
  for (const q of negations) queries.push({ kind: "negation", query: { q } });
  for (const q of ors) queries.push({ kind: "or", query: { q } });
  const word = (i: number) => common[(i * 7) % common.length] ?? "kommune";
  for (const [i, org] of organizations.entries()) {
    queries.push({ kind: "filter: body", query: { q: word(i), organizationId: org.id } });
  }
  for (let i = 0; i < 8; i++) {
    const year = 2011 + i * 2;
    queries.push({
      kind: "filter: dates",
      query: { q: word(i + 3), from: `${year}-01-01`, to: `${year}-12-31` },
    });
  }
  for (const [i, q] of ["godkendt", "efterretning", "udsat", "drøftet", "afvist", "anbefales"].entries()) {
    queries.push({
      kind: "filter: minutes",
      query: { q, scope: "minutes", ...(i % 2 ? { from: "2020-01-01" } : {}) },
    });
  }
  for (const [i, outcome] of (
    ["approved", "noted", "postponed", "rejected", "discussed", "recommended_onward"] as const
  ).entries()) {
    queries.push({ kind: "filter: outcome", query: { q: word(i + 5), outcome } });
  }
  for (const [i, person] of people.slice(30, 36).entries()) {
    queries.push({ kind: "filter: person", query: { q: word(i + 11), personId: person.id } });
  }
  for (const c of cases) {
    queries.push({ kind: "filter: case", query: { q: c.word.split(" ")[0] ?? "sag", caseId: c.id } });
  }
  return queries.slice(0, 200);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const describe = (query: SearchQuery) =>
  [
    query.q,
    ...Object.entries(query).flatMap(([key, value]) => (key === "q" ? [] : [`${key}=${value}`])),
  ].join(" ");

interface Timed {
  naive: number[];
  core: number[];
  http: number[];
  agreements: number;
  compared: number;
  misses: string[];
  /** Per query: its kind and text, and its core and naive times (naive NaN when it has no words). */
  perQuery: { label: string; core: number; naive: number }[];
}

async function timeNaiveAndCore(store: SyntheticStore, queries: BenchQuery[], timed: Timed) {
  const ctx = { db: store.db, actor: anonymousReader };
  // Warm the caches a little, as a server that has run for a while has them.
  for (const { query } of queries.slice(0, 10)) await searchAgendaItems(ctx, query);
  for (const [index, { kind, query }] of queries.entries()) {
    const words = await searchWords(store.db, query.q);
    let naiveTop: string | undefined;
    let naiveMs = Number.NaN;
    if (words) {
      const naive = naiveSearchStatement(anonymousReader, query, words);
      const started = performance.now();
      const rows = await store.db.query<{ id: string }>(naive.sql, naive.params);
      naiveMs = performance.now() - started;
      timed.naive.push(naiveMs);
      naiveTop = rows[0]?.id;
    }
    const started = performance.now();
    const result = await searchAgendaItems(ctx, query);
    const coreMs = performance.now() - started;
    timed.core.push(coreMs);
    timed.perQuery.push({ label: `${kind}: ${describe(query)}`, core: coreMs, naive: naiveMs });
    if (naiveTop) {
      timed.compared++;
      if (result.data.slice(0, 5).some((hit) => hit.agendaItemId === naiveTop)) timed.agreements++;
      else timed.misses.push(`${kind}: ${query.q}`);
    }
    if ((index + 1) % 50 === 0)
      process.stderr.write(`[${store.kind}] search: ${index + 1}/${queries.length} queries\n`);
  }
}

function serverMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

async function startServer(kind: StoreKind, location: { dataDir: string; databaseUrl: string | null }) {
  const args = ["src/cli/main.ts", "serve", "--port", String(HTTP_PORT), "--data", location.dataDir];
  if (location.databaseUrl) args.push("--database-url", location.databaseUrl);
  const child = spawn(process.execPath, args, {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`[${kind}] server exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listens on")) resolve();
    });
  });
  return child;
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function timeHttp(kind: StoreKind, pid: number, queries: BenchQuery[], timed: Timed) {
  const url = (query: SearchQuery) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return `http://127.0.0.1:${HTTP_PORT}/api/v1/search?${params}`;
  };
  for (const { query } of queries.slice(0, 10)) await (await fetch(url(query))).arrayBuffer();
  for (const { query } of queries) {
    const started = performance.now();
    const response = await fetch(url(query));
    await response.arrayBuffer();
    timed.http.push(performance.now() - started);
    if (!response.ok) throw new Error(`[${kind}] ${url(query)} answered ${response.status}`);
  }
  return serverMemory(pid);
}

/**
 * The meeting page's req/s next to a static file of the same bytes, on this corpus: a published
 * meeting of about 30 items, served by an in-process server (the load generator runs in a child
 * process, `bench/pages.bench.ts`), from the page cache and rendered on every request.
 */
export async function meetingPageThroughput(kind: StoreKind): Promise<void> {
  const store = await openSyntheticStore(kind, BENCH_ITEMS);
  try {
    const [meeting] = await store.db.query<{ id: string; items: number }>(
      `SELECT m.id, count(*)::int AS items FROM meetings m JOIN agenda_items i ON i.meeting_id = m.id
       WHERE m.state = 'minutes_published' GROUP BY m.id ORDER BY abs(count(*) - 30), m.id LIMIT 1`,
    );
    if (!meeting) throw new Error(`[${kind}] the corpus has no published meeting`);
    const app = await benchServer(store);
    const baseline = await addStaticBaseline(app);
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const url = `/moeder/${meeting.id}`;
      console.log(`[${kind}] meeting page on this corpus (${meeting.items} items, minutes published):`);
      printComparison("GET /moeder/:id", await comparePageWithStatic(address, baseline, url));
      printComparison(
        "the same page rendered on every request (a reader the cache does not serve)",
        await comparePageWithStatic(address, baseline, url, {
          headers: { authorization: `Bearer ${BENCH_TOKEN}` },
        }),
      );
    } finally {
      await app.close();
      fs.rmSync(baseline.root, { recursive: true, force: true });
    }
  } finally {
    await store.db.close();
  }
}

/** How long the OParl crawl of the corpus runs (SAMRAAD_BENCH_CRAWL_SECONDS, 60 unless set). */
const CRAWL_SECONDS = Number(process.env.SAMRAAD_BENCH_CRAWL_SECONDS ?? 60);

/**
 * The OParl crawl rate (objects/s) over this corpus, as a harvester crawls it from the System
 * object: millions of objects, so a sample of CRAWL_SECONDS, next to a constant JSON.
 */
async function oparlCrawlRate(kind: StoreKind): Promise<void> {
  const store = await openSyntheticStore(kind, BENCH_ITEMS);
  try {
    const app = await benchServer(store);
    try {
      await crawlRate(app, `[${kind}] OParl crawl of this corpus`, CRAWL_SECONDS * 1000);
    } finally {
      await app.close();
    }
  } finally {
    await store.db.close();
  }
}

export async function benchPortal(kind: StoreKind): Promise<void> {
  const loadStarted = performance.now();
  let lastReport = 0;
  const store = await openSyntheticStore(kind, BENCH_ITEMS, (event) => {
    if (event.done === event.total || performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      process.stderr.write(`[${kind}] synthetic corpus: ${event.step} ${event.done}/${event.total}\n`);
    }
  });
  const location = syntheticStoreLocation(kind, BENCH_ITEMS);
  console.log(
    `[${kind}] corpus: ${BENCH_ITEMS.toLocaleString("en")} agenda items ` +
      (store.loadSeconds > 0
        ? `loaded in ${store.loadSeconds.toFixed(0)} s`
        : `from the cache (${((performance.now() - loadStarted) / 1000).toFixed(1)} s to open)`),
  );
  const timed: Timed = {
    naive: [],
    core: [],
    http: [],
    agreements: 0,
    compared: 0,
    misses: [],
    perQuery: [],
  };
  let queries: BenchQuery[];
  try {
    queries = (await benchQueries(store.db)).filter((_, index) => index % QUERY_STRIDE === 0);
    await timeNaiveAndCore(store, queries, timed);
  } finally {
    await store.db.close();
  }
  const server = await startServer(kind, location);
  let memory: { rssMb: number; peakMb: number };
  try {
    memory = await timeHttp(kind, server.pid ?? 0, queries, timed);
  } finally {
    await stopServer(server);
  }
  const line = (name: string, values: number[]) =>
    `  ${name.padEnd(34)} p50 ${ms(percentile(values, 50)).padStart(10)}  p95 ${ms(percentile(values, 95)).padStart(10)}  (${values.length} queries)`;
  console.log(
    `[${kind}] search, ${queries.length} queries (${[...new Set(queries.map((q) => q.kind))].join(", ")}):`,
  );
  console.log(line("naive: ts_rank over all matches", timed.naive));
  console.log(line("ours, core function (SQL)", timed.core));
  console.log(line("ours, GET /api/v1/search", timed.http));
  const ratio = (a: number[], b: number[], p: number) => (percentile(a, p) / percentile(b, p)).toFixed(2);
  console.log(
    `  ours/naive p95: ${ratio(timed.core, timed.naive, 95)} (target <= 0.25); p50: ${ratio(timed.core, timed.naive, 50)}`,
  );
  console.log(
    `  server/core p95: ${ratio(timed.http, timed.core, 95)}, p50: ${ratio(timed.http, timed.core, 50)} (target <= 1.5)`,
  );
  console.log(
    `  naive's first result among our first five: ${timed.agreements}/${timed.compared} = ` +
      `${((100 * timed.agreements) / Math.max(1, timed.compared)).toFixed(1)} % (target >= 90 %)`,
  );
  if (timed.misses.length) console.log(`  not among the first five: ${timed.misses.join("; ")}`);
  const slowest = [...timed.perQuery].sort((a, b) => b.core - a.core).slice(0, 12);
  console.log(
    `  slowest of ours (core / naive): ${slowest.map((q) => `${q.label} ${q.core.toFixed(0)}/${q.naive.toFixed(0)} ms`).join("; ")}`,
  );
  console.log(
    `[${kind}] server process memory after the search run: RSS ${memory.rssMb.toFixed(0)} MB, peak ${memory.peakMb.toFixed(0)} MB` +
      (kind === "postgres" ? " (target < 500 MB)" : " (PGlite: the database runs inside this process)"),
  );
  await meetingPageThroughput(kind);
  await oparlCrawlRate(kind);
}
