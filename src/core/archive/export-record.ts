import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "../../platform/db/database.ts";
import type { FileStore } from "../../platform/files/file-store.ts";
import { recordTables } from "./record-tables.ts";

/** Format of an export folder; restore refuses other versions. */
export const ARCHIVE_FORMAT = "samraad-export/1";

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  migrations: string[];
  tables: Record<string, number>;
  files: number;
}

export type ExportProgress = (event: {
  step: "table" | "file";
  name: string;
  done: number;
  total: number;
}) => void;

/**
 * Writes the whole record to a folder: `manifest.json`, `records/<table>.jsonl` (one row per
 * line, ordered by id, timestamps in UTC) and `files/<sha256>` (the stored bytes). Bytes already
 * in the folder are not copied again, so an interrupted export resumes where it stopped.
 */
export async function exportRecord(
  db: Database,
  files: FileStore,
  folder: string,
  onProgress: ExportProgress = () => {},
): Promise<ArchiveManifest> {
  await fs.mkdir(path.join(folder, "records"), { recursive: true });
  await fs.mkdir(path.join(folder, "files"), { recursive: true });
  // One snapshot: every table as of the same moment.
  const { tables, migrations, hashes } = await db.transaction(async (tx) => {
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SET LOCAL TimeZone = 'UTC'");
    const counts: Record<string, number> = {};
    for (const [index, table] of recordTables.entries()) {
      const rows = await tx.query<{ row: string }>(
        `SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`,
      );
      await fs.writeFile(
        path.join(folder, "records", `${table}.jsonl`),
        rows.map((r) => `${r.row}\n`).join(""),
      );
      counts[table] = rows.length;
      onProgress({ step: "table", name: table, done: index + 1, total: recordTables.length });
    }
    const applied = await tx.query<{ version: string }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    const sha = await tx.query<{ sha256: string }>("SELECT DISTINCT sha256 FROM files ORDER BY sha256");
    return { tables: counts, migrations: applied.map((m) => m.version), hashes: sha.map((s) => s.sha256) };
  });
  for (const [index, sha256] of hashes.entries()) {
    const target = path.join(folder, "files", sha256);
    const present = await fs.stat(target).then(
      () => true,
      () => false,
    );
    if (!present) {
      const temporary = `${target}.tmp`;
      await fs.writeFile(temporary, await files.get(sha256));
      await fs.rename(temporary, target);
    }
    onProgress({ step: "file", name: sha256, done: index + 1, total: hashes.length });
  }
  const manifest: ArchiveManifest = { format: ARCHIVE_FORMAT, migrations, tables, files: hashes.length };
  await fs.writeFile(path.join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
