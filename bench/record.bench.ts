/**
 * The record's hot paths, on one store: bulk insert of agenda items, and the meeting page of the
 * JSON API under load next to a constant JSON of the same size served by the same server.
 */
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { createMeeting, updateMeeting } from "../src/core/meetings/meetings.ts";
import { createOrganization } from "../src/core/organizations/organizations.ts";
import { systemActor } from "../src/core/shared/context.ts";
import { newId } from "../src/platform/ids.ts";
import type { TestStore } from "../test/support/databases.ts";
import { benchServer } from "./pages.bench.ts";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const ITEMS_PER_MEETING = 20;
const BATCH = 1000;
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const paragraph =
  "Det indstilles, at KD-Net godkender oplægget og drøfter den videre proces for samarbejdet mellem " +
  "kommunerne og regionen om uddannelse, beskæftigelse og klima i den midtjyske region.";

function item(meetingId: string, position: number) {
  return {
    id: newId(),
    meeting_id: meetingId,
    position,
    number: String(position + 1),
    title: `Punkt ${position + 1}: orientering om status på samarbejdet`,
    is_public: position % 10 !== 9,
    recommendation: paragraph,
    case_presentation: `${paragraph} ${paragraph}`,
    ...audit(),
  };
}

// jsonb_populate_recordset fills absent columns with null, not their defaults.
const now = new Date().toISOString();
const audit = () => ({ created_at: now, created_by: "bench", updated_at: now, updated_by: "bench" });

async function load(url: string): Promise<autocannon.Result> {
  return autocannon({ url, connections: 10, duration: LOAD_SECONDS });
}

export async function benchRecord(store: TestStore): Promise<void> {
  const ctx = { db: store.db, actor: systemActor };
  const org = await createOrganization(ctx, { name: "Benchmark-udvalget", kind: "committee" });

  // Bulk insert: meetings of 20 items, 1,000 items a statement, one transaction per batch.
  const meetingCount = Math.ceil(ITEMS / ITEMS_PER_MEETING);
  const meetingRows = Array.from({ length: meetingCount }, (_, i) => ({
    id: newId(),
    organization_id: org.id,
    title: `Møde ${i + 1}`,
    start_at: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString(),
    all_day: false,
    state: "minutes_published",
    ...audit(),
  }));
  const started = performance.now();
  for (let i = 0; i < meetingRows.length; i += BATCH) {
    await store.db.query(
      "INSERT INTO meetings SELECT * FROM jsonb_populate_recordset(NULL::meetings, $1::jsonb)",
      [JSON.stringify(meetingRows.slice(i, i + BATCH))],
    );
  }
  const items = meetingRows.flatMap((m) =>
    Array.from({ length: ITEMS_PER_MEETING }, (_, p) => item(m.id, p)),
  );
  for (let i = 0; i < items.length; i += BATCH) {
    await store.db.transaction((tx) =>
      tx.query(
        "INSERT INTO agenda_items SELECT * FROM jsonb_populate_recordset(NULL::agenda_items, $1::jsonb)",
        [JSON.stringify(items.slice(i, i + BATCH))],
      ),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `[${store.kind}] bulk insert: ${items.length.toLocaleString("en")} agenda items (+${meetingCount} meetings) ` +
      `in ${seconds.toFixed(1)} s = ${Math.round(items.length / seconds).toLocaleString("en")} rows/s`,
  );

  // One meeting of 20 items through the domain, read as the public reads it.
  const meeting = await createMeeting(ctx, {
    organizationId: org.id,
    title: "Målt møde",
    start: "2021-01-22T10:00:00+01:00",
    agendaItems: Array.from({ length: ITEMS_PER_MEETING }, (_, p) => {
      const row = item("", p);
      return {
        number: row.number,
        title: row.title,
        isPublic: row.is_public,
        recommendation: row.recommendation,
        casePresentation: row.case_presentation,
      };
    }),
  });
  for (const state of ["agenda_published", "held", "minutes_approved", "minutes_published"] as const) {
    await updateMeeting(ctx, meeting.id, { state });
  }
  const app = await benchServer(store);
  // The baseline: the same bytes as a constant, through the same server and hooks.
  let body = "";
  app.get("/bench/constant", (_request, reply) => reply.type("application/json; charset=utf-8").send(body));
  const meetingUrl = `/api/v1/meetings/${meeting.id}`;
  body = (await app.inject({ url: meetingUrl })).body;
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const baseline = await load(`${address}/bench/constant`);
    const measured = await load(`${address}${meetingUrl}`);
    const line = (name: string, r: autocannon.Result) =>
      `${name}: ${Math.round(r.requests.average).toLocaleString("en")} req/s, p50 ${r.latency.p50} ms, ` +
      `p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}`;
    console.log(`[${store.kind}] GET /api/v1/meetings/:id (20 items, ${body.length} bytes):`);
    console.log(`  ${line("meeting", measured)}`);
    console.log(`  ${line("constant JSON of the same size", baseline)}`);
    console.log(
      `  ratio meeting/constant: ${(measured.requests.average / baseline.requests.average).toFixed(2)} of the throughput`,
    );
  } finally {
    await app.close();
  }
}
