import { Command } from "commander";
import { restoreRecord } from "../../core/archive/restore-record.ts";
import { terminalProgress } from "../progress.ts";
import { configFrom, openRuntime, withStoreOptions } from "../runtime.ts";

export function restoreCommand(): Command {
  return withStoreOptions(
    new Command("restore")
      .description("load an export into an empty database")
      .argument("<folder>", "a folder written by `samraad export`"),
  ).action(async (folder: string, options: { data?: string; databaseUrl?: string }) => {
    const runtime = await openRuntime(configFrom(options));
    const progress = terminalProgress("restore");
    try {
      const manifest = await restoreRecord(runtime.db, runtime.files, folder, progress.onProgress);
      progress.stop();
      const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
      console.log(`Restored ${rows} rows and ${manifest.files} files from ${folder}`);
    } finally {
      progress.stop();
      await runtime.close();
    }
  });
}
