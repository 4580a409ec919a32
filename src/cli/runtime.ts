import path from "node:path";
import type { Command } from "commander";
import { type Config, type ConfigOverrides, loadConfig } from "../platform/config.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { openDatabase } from "../platform/db/open-database.ts";
import { type FileStore, localFileStore } from "../platform/files/file-store.ts";

/** What a command works with: the validated settings, the open database and the file store. */
export interface Runtime {
  config: Config;
  db: DatabaseHandle;
  files: FileStore;
  close(): Promise<void>;
}

/** The options every command that touches the record shares. */
export function withStoreOptions(command: Command): Command {
  return command
    .option("--data <dir>", "data folder: embedded database and stored files (default ./data)")
    .option("--database-url <url>", "a PostgreSQL server instead of the embedded database (or DATABASE_URL)");
}

export function configFrom(
  options: { data?: string; databaseUrl?: string },
  extra: ConfigOverrides = {},
): Config {
  return loadConfig({
    ...extra,
    ...(options.data ? { dataDir: options.data } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  });
}

export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const db = await openDatabase(config, options);
  const files = localFileStore(path.join(config.dataDir, "files"));
  return { config, db, files, close: () => db.close() };
}
