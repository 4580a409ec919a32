import { Command } from "commander";
import { migrate } from "../../platform/db/migrate.ts";
import { configFrom, openRuntime, withStoreOptions } from "../runtime.ts";

export function migrateCommand(): Command {
  return withStoreOptions(
    new Command("migrate").description("apply the database migrations that are not applied yet"),
  ).action(async (options: { data?: string; databaseUrl?: string }) => {
    const runtime = await openRuntime(configFrom(options), { migrate: false });
    try {
      const result = await migrate(runtime.db);
      console.log(
        result.applied.length
          ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
          : `Up to date (${result.alreadyApplied} migration(s) applied before)`,
      );
    } finally {
      await runtime.close();
    }
  });
}
