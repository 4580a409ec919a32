/**
 * `npm run bench`: every benchmark in one run, each next to a baseline measured in the same run.
 * Reports numbers; checks nothing. BENCH_ITEMS and BENCH_SECONDS make it smaller or longer.
 * `npm run bench -- portal` (or record, oparl, parse, import, documents) runs only those; the
 * portal benchmark's corpus size is SAMRAAD_BENCH_ITEMS (500,000 unless set), cached under
 * .bench-cache/. SAMRAAD_BENCH_STORES=postgres (or pglite) runs the store benchmarks on one store.
 */
import { openTestStore, testServerAnswers } from "../test/support/databases.ts";
import { benchDocuments } from "./documents.bench.ts";
import { benchImport } from "./import.bench.ts";
import { benchOParl } from "./oparl.bench.ts";
import { benchPages } from "./pages.bench.ts";
import { benchParse } from "./parse.bench.ts";
import { benchPortal } from "./portal.bench.ts";
import { benchRecord } from "./record.bench.ts";

const all = ["record", "portal", "oparl", "parse", "import", "documents"] as const;
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !all.includes(name as (typeof all)[number]));
if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(", ")}; choose from ${all.join(", ")}`);
const runs = (name: (typeof all)[number]) => chosen.length === 0 || chosen.includes(name);
const stores = (process.env.SAMRAAD_BENCH_STORES ?? "pglite,postgres").split(",");

async function storeKinds(): Promise<("pglite" | "postgres")[]> {
  const kinds: ("pglite" | "postgres")[] = [];
  for (const kind of ["pglite", "postgres"] as const) {
    if (!stores.includes(kind)) continue;
    if (kind === "postgres" && !(await testServerAnswers())) {
      console.log("[postgres] skipped: the server at 127.0.0.1:5432 does not answer");
      continue;
    }
    kinds.push(kind);
  }
  return kinds;
}

const kinds = await storeKinds();
for (const kind of kinds) {
  if (runs("record")) {
    const store = await openTestStore(kind);
    try {
      await benchRecord(store);
      await benchPages(store);
    } finally {
      await store.close();
    }
  }
  if (runs("portal")) await benchPortal(kind);
}
if (runs("oparl")) {
  console.log("\nOParl:");
  for (const kind of kinds) {
    const store = await openTestStore(kind);
    try {
      await benchOParl(store);
    } finally {
      await store.close();
    }
  }
}
if (runs("parse")) {
  console.log("\nParser:");
  await benchParse();
}
if (runs("import")) {
  console.log("\nImport:");
  await benchImport();
}
if (runs("documents")) {
  console.log("\nDocuments:");
  await benchDocuments();
}
