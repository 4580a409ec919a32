import type { Config } from "../config.ts";
import type { DatabaseHandle } from "./database.ts";
import { migrate } from "./migrate.ts";
import { openPgliteDatabase } from "./pglite-database.ts";
import { openPostgresDatabase } from "./postgres-database.ts";

/** Opens the configured store (a server when `databaseUrl` is set, else PGlite) and migrates it. */
export async function openDatabase(
  config: Pick<Config, "dataDir" | "databaseUrl">,
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  const db = config.databaseUrl
    ? await openPostgresDatabase(config.databaseUrl)
    : await openPgliteDatabase(config.dataDir);
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
