import { Command } from "commander";
import { exportRecord } from "../../core/archive/export-record.ts";
import { terminalProgress } from "../progress.ts";
import { configFrom, openRuntime, withStoreOptions } from "../runtime.ts";

export function exportCommand(): Command {
  return withStoreOptions(
    new Command("export")
      .description("write the whole record, files included, to a folder (re-run to resume)")
      .argument("<folder>", "target folder"),
  ).action(async (folder: string, options: { data?: string; databaseUrl?: string }) => {
    const runtime = await openRuntime(configFrom(options));
    const progress = terminalProgress("export");
    try {
      const manifest = await exportRecord(runtime.db, runtime.files, folder, progress.onProgress);
      progress.stop();
      const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
      console.log(
        `Exported ${rows} rows in ${Object.keys(manifest.tables).length} tables and ${manifest.files} files to ${folder}`,
      );
    } finally {
      progress.stop();
      await runtime.close();
    }
  });
}
