/**
 * `npm run bench`: every benchmark in one run, each next to a baseline measured in the same run.
 * Reports numbers; checks nothing. BENCH_ITEMS and BENCH_SECONDS make it smaller or longer.
 */
import { openTestStore, testServerAnswers } from "../test/support/databases.ts";
import { benchDocuments } from "./documents.bench.ts";
import { benchImport } from "./import.bench.ts";
import { benchOParl } from "./oparl.bench.ts";
import { benchPages } from "./pages.bench.ts";
import { benchParse } from "./parse.bench.ts";
import { benchRecord } from "./record.bench.ts";

for (const kind of ["pglite", "postgres"] as const) {
  if (kind === "postgres" && !(await testServerAnswers())) {
    console.log("[postgres] skipped: the server at 127.0.0.1:5432 does not answer");
    continue;
  }
  const store = await openTestStore(kind);
  try {
    await benchRecord(store);
    await benchPages(store);
  } finally {
    await store.close();
  }
}
console.log("\nOParl:");
for (const kind of ["pglite", "postgres"] as const) {
  if (kind === "postgres" && !(await testServerAnswers())) continue;
  const store = await openTestStore(kind);
  try {
    await benchOParl(store);
  } finally {
    await store.close();
  }
}
console.log("\nParser:");
await benchParse();
console.log("\nImport:");
await benchImport();
console.log("\nDocuments:");
await benchDocuments();
