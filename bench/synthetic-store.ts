/**
 * Stores holding the synthetic corpus, loaded once and kept between runs: a PGlite folder under
 * `.bench-cache/` (gitignored) and a database on the server, both named by the corpus size and the
 * generator's version, so a changed corpus loads afresh.
 * Loading resumes an interrupted load (see loadSynthetic).
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { defaultSeedsDir } from "../src/cli/commands/demo-command.ts";
import { SYNTHETIC_VERSION } from "../src/demo/synthetic/generate.ts";
import { loadSynthetic, type SyntheticProgress } from "../src/demo/synthetic/load-synthetic.ts";
import type { DatabaseHandle, StoreKind } from "../src/platform/db/database.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import { type FileStore, localFileStore } from "../src/platform/files/file-store.ts";
import { TEST_SERVER_URL } from "../test/support/databases.ts";

export const cacheDir = path.resolve(import.meta.dirname, "../.bench-cache");

export interface SyntheticStore {
  kind: StoreKind;
  db: DatabaseHandle;
  files: FileStore;
  /** Seconds spent loading in this run (0 when the cache was complete). */
  loadSeconds: number;
}

// Migrations are not part of the key: opening a cached store applies the new ones.
const cacheKey = (items: number) => `v${SYNTHETIC_VERSION}_n${items}`;

function serverDatabaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Where the corpus of `items` lives on `kind`: the data folder (files; PGlite) and the server database. */
export function syntheticStoreLocation(
  kind: StoreKind,
  items: number,
): { dataDir: string; databaseUrl: string | null } {
  const key = cacheKey(items);
  return {
    dataDir: path.join(cacheDir, `${kind}_${key}`),
    databaseUrl: kind === "postgres" ? serverDatabaseUrl(`samraad_bench_${key}`) : null,
  };
}

async function ensureServerDatabase(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return serverDatabaseUrl(name);
}

/** Opens (loading first where needed) the synthetic corpus of `items` agenda items on `kind`. */
export async function openSyntheticStore(
  kind: StoreKind,
  items: number,
  onProgress: (event: SyntheticProgress) => void = () => {},
): Promise<SyntheticStore> {
  const key = cacheKey(items);
  const dataDir = path.join(cacheDir, `${kind}_${key}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const files = localFileStore(path.join(dataDir, "files"));
  const databaseUrl = kind === "postgres" ? await ensureServerDatabase(`samraad_bench_${key}`) : null;
  const db = await openDatabase({ dataDir, databaseUrl });
  const started = performance.now();
  const result = await loadSynthetic(db, { items, seedsDir: defaultSeedsDir, files }, onProgress);
  if (result.loadedBatches > 0) {
    await db.exec("VACUUM ANALYZE");
    if (kind === "pglite") await db.exec("CHECKPOINT");
  }
  const loadSeconds = result.loadedBatches > 0 ? (performance.now() - started) / 1000 : 0;
  return { kind, db, files, loadSeconds };
}
