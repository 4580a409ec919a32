import fs from "node:fs";
import path from "node:path";
import type { DatabaseHandle } from "./database.ts";

/** Where the forward-only migrations live: `YYYYMMDDHHMMSS_name.sql`, applied in name order. */
export const migrationsDir = path.resolve(import.meta.dirname, "../../../migrations");

const migrationName = /^(\d{14})_[a-z0-9_]+\.sql$/;
// Any fixed number: all processes migrating one server serialise on it.
const MIGRATION_LOCK_KEY = 727_2026;

interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function listMigrations(dir = migrationsDir): { version: string; file: string }[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .map((file) => {
      const match = migrationName.exec(file);
      if (!match?.[1]) throw new Error(`Migration ${file} is not named YYYYMMDDHHMMSS_name.sql`);
      return { version: match[1], file };
    })
    .sort((a, b) => a.version.localeCompare(b.version));
}

/** Applies every migration not yet applied, each in its own transaction. */
export async function migrate(db: DatabaseHandle, dir = migrationsDir): Promise<MigrationResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    file text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of listMigrations(dir)) {
    const sql = fs.readFileSync(path.join(dir, migration.file), "utf8");
    const done = await db.transaction(async (tx) => {
      if (db.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const existing = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [
        migration.version,
      ]);
      if (existing.length > 0) return false;
      // The whole script runs inside the transaction: a failing migration leaves no trace.
      await tx.exec(sql);
      await tx.query("INSERT INTO schema_migrations (version, file) VALUES ($1, $2)", [
        migration.version,
        migration.file,
      ]);
      return true;
    });
    if (done) applied.push(migration.file);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
