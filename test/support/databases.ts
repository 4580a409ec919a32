import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import type { DatabaseHandle, StoreKind } from "../../src/platform/db/database.ts";
import { listMigrations, migrationsDir } from "../../src/platform/db/migrate.ts";
import { openDatabase } from "../../src/platform/db/open-database.ts";
import { type FileStore, localFileStore } from "../../src/platform/files/file-store.ts";

/** The PostgreSQL server the storage tests also run on (the machine's, trust auth). */
export const TEST_SERVER_URL =
  process.env.SAMRAAD_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestStore {
  kind: StoreKind;
  db: DatabaseHandle;
  files: FileStore;
  dataDir: string;
  /** For a server store: the URL of this test's own database. */
  databaseUrl: string | null;
}

let serverAnswers: Promise<boolean> | undefined;

/** Whether the server answers; CI must have it (a missing server fails there, and is skipped locally). */
export function testServerAnswers(): Promise<boolean> {
  serverAnswers ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_SERVER_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return serverAnswers;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Migrating a fresh PGlite database takes seconds; every suite needs one. So the first suite
 * migrates a template folder (named by the migrations' contents, so a changed migration makes a
 * new one) and every store after that starts as a copy of it.
 */
async function migratedPgliteTemplate(): Promise<string> {
  const hash = createHash("sha256");
  for (const { file } of listMigrations())
    hash.update(file).update(fs.readFileSync(path.join(migrationsDir, file)));
  const template = path.join(os.tmpdir(), `samraad-pglite-template-${hash.digest("hex").slice(0, 16)}`);
  if (fs.existsSync(path.join(template, "ready"))) return template;
  const building = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-pglite-building-"));
  const db = await openDatabase({ dataDir: building, databaseUrl: null });
  await db.close();
  fs.rmSync(path.join(building, "samraad.lock"), { force: true });
  fs.writeFileSync(path.join(building, "ready"), "");
  try {
    fs.renameSync(building, template);
  } catch {
    // Another process built it first: theirs is as good as ours.
    fs.rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** A fresh, migrated, empty store of the given kind, in a folder (and a database) of its own. */
export async function openTestStore(kind: StoreKind): Promise<TestStore & { close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-test-"));
  const files = localFileStore(path.join(dataDir, "files"));
  if (kind === "pglite") {
    fs.cpSync(await migratedPgliteTemplate(), dataDir, {
      recursive: true,
      filter: (source) => !source.endsWith("ready"),
    });
    const db = await openDatabase({ dataDir, databaseUrl: null });
    return {
      kind,
      db,
      files,
      dataDir,
      databaseUrl: null,
      async close() {
        await db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `samraad_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = await openDatabase({ dataDir, databaseUrl });
  return {
    kind,
    db,
    files,
    dataDir,
    databaseUrl,
    async close() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the suite once on PGlite and once on the PostgreSQL server. Each run gets its own fresh
 * store, opened before its tests and closed after them.
 */
export function forEachStore(name: string, suite: (store: () => TestStore) => void): void {
  for (const kind of ["pglite", "postgres"] as const) {
    describe(`${name} [${kind}]`, async () => {
      if (kind === "postgres" && !(await testServerAnswers())) {
        if (process.env.CI) throw new Error(`PostgreSQL at ${TEST_SERVER_URL} does not answer; CI needs it`);
        test("runs on the PostgreSQL server", { skip: `${TEST_SERVER_URL} does not answer` }, () => {});
        return;
      }
      let store: (TestStore & { close(): Promise<void> }) | undefined;
      before(async () => {
        store = await openTestStore(kind);
      });
      after(async () => {
        await store?.close();
      });
      suite(() => {
        if (!store) throw new Error("store not open yet");
        return store;
      });
    });
  }
}
