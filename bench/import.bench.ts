/**
 * Import throughput into the record: documents per second for N copies of seed 001 (each with
 * one line changed, so every copy has its own hash and lands as a new meeting) written into an
 * embedded PGlite database, one transaction per document. A second pass over the same files
 * measures the idempotent path (hash lookups, nothing written).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { importActor, importDocuments } from "../src/import/import-documents.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import { localFileStore } from "../src/platform/files/file-store.ts";

const seed = new URL("../../shared/seeds/001_fc010784cd8fe213.txt", import.meta.url);

/** Prints documents/s for importing `copies` variants of seed 001 into PGlite, then re-importing them. */
export async function benchImport(copies = Number(process.env.IMPORT_BENCH_COPIES ?? 50)): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-import-bench-"));
  const folder = path.join(dataDir, "archive");
  fs.mkdirSync(folder);
  const text = fs.readFileSync(seed, "utf8");
  let bytes = 0;
  for (let i = 0; i < copies; i++) {
    const copy = `${text}\n\nArkiv-id: bench-${i}\n`;
    bytes += Buffer.byteLength(copy);
    fs.writeFileSync(path.join(folder, `referat-${String(i).padStart(5, "0")}.txt`), copy);
  }
  const db = await openDatabase({ dataDir, databaseUrl: null });
  const ctx = { db, files: localFileStore(path.join(dataDir, "files")), actor: importActor };
  try {
    console.log(`import bench: node ${process.version}, PGlite, ${copies} copies of seed 001`);
    let start = performance.now();
    const first = await importDocuments(ctx, [folder]);
    let seconds = (performance.now() - start) / 1000;
    if (first.imported.length !== copies) {
      throw new Error(
        `expected ${copies} imported, got ${first.imported.length} (${first.failed[0]?.reason})`,
      );
    }
    console.log(
      `  import:    ${(copies / seconds).toFixed(1)} documents/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s ` +
        `(${copies} documents, ${first.imported[0]?.items} items each, ${seconds.toFixed(2)} s)`,
    );
    start = performance.now();
    const again = await importDocuments(ctx, [folder]);
    seconds = (performance.now() - start) / 1000;
    if (again.unchanged.length !== copies) throw new Error("the second pass changed something");
    console.log(`  unchanged: ${(copies / seconds).toFixed(1)} documents/s (re-import, nothing written)`);
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) await benchImport();
