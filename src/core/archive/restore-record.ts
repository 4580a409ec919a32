import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "../../platform/db/database.ts";
import { AppError } from "../../platform/errors.ts";
import { type FileStore, sha256Hex } from "../../platform/files/file-store.ts";
import { ARCHIVE_FORMAT, type ArchiveManifest, type ExportProgress } from "./export-record.ts";
import { recordTables } from "./record-tables.ts";

const BATCH_ROWS = 1000;

async function readManifest(folder: string): Promise<ArchiveManifest> {
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(folder, "manifest.json"), "utf8")) as ArchiveManifest;
  } catch {
    throw new AppError(
      "validation.invalid",
      `${folder} has no readable manifest.json: it is not a Samraad export`,
      {
        field: "folder",
      },
    );
  }
  if (manifest.format !== ARCHIVE_FORMAT) {
    throw new AppError(
      "validation.invalid",
      `${folder}: export format ${manifest.format} is not ${ARCHIVE_FORMAT}`,
      {
        field: "format",
      },
    );
  }
  return manifest;
}

/**
 * Restores an export into an empty record: the files first (checked against their sha256), then
 * every table in one transaction, so a failed restore leaves the database empty.
 */
export async function restoreRecord(
  db: Database,
  files: FileStore,
  folder: string,
  onProgress: ExportProgress = () => {},
): Promise<ArchiveManifest> {
  const manifest = await readManifest(folder);
  const applied = await db.query<{ version: string }>(
    "SELECT version FROM schema_migrations ORDER BY version",
  );
  const missing = manifest.migrations.filter((m) => !applied.some((a) => a.version === m));
  if (missing.length > 0) {
    throw new AppError(
      "validation.invalid",
      `the export comes from a newer schema (migrations ${missing.join(", ")}); upgrade Samraad first`,
      { field: "migrations" },
    );
  }
  for (const table of recordTables) {
    const [row] = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`);
    if (row?.any) {
      throw new AppError("restore.not_empty", `restore needs an empty database, but ${table} has rows`, {
        field: table,
      });
    }
  }
  const fileNames = (await fs.readdir(path.join(folder, "files"))).filter((n) => /^[0-9a-f]{64}$/.test(n));
  for (const [index, name] of fileNames.entries()) {
    const bytes = new Uint8Array(await fs.readFile(path.join(folder, "files", name)));
    if (sha256Hex(bytes) !== name) {
      throw new AppError(
        "validation.invalid",
        `files/${name} is damaged: its bytes do not match its sha256`,
        {
          field: `files/${name}`,
        },
      );
    }
    await files.put(bytes);
    onProgress({ step: "file", name, done: index + 1, total: fileNames.length });
  }
  await db.transaction(async (tx) => {
    for (const [index, table] of recordTables.entries()) {
      const text = await fs.readFile(path.join(folder, "records", `${table}.jsonl`), "utf8").catch(() => "");
      const lines = text.split("\n").filter((line) => line.length > 0);
      // A table that refers to itself goes in one statement, so parents and children check together.
      const batchRows = table === "organizations" ? lines.length : BATCH_ROWS;
      for (let start = 0; start < lines.length; start += batchRows) {
        const batch = `[${lines.slice(start, start + batchRows).join(",")}]`;
        await tx.query(
          `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
          [batch],
        );
      }
      onProgress({ step: "table", name: table, done: index + 1, total: recordTables.length });
    }
  });
  return manifest;
}
