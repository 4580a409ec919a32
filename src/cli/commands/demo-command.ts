import path from "node:path";
import { Command } from "commander";
import { systemActor } from "../../core/shared/context.ts";
import { loadDemoCasePaths } from "../../demo/demo-case-paths.ts";
import { linkDemoDecisions, loadDemoWorld } from "../../demo/load-demo-world.ts";
import { importSeedMeetings } from "../../demo/seed-meetings.ts";
import { importActor } from "../../import/import-documents.ts";
import { configFrom, openRuntime, type Runtime, withStoreOptions } from "../runtime.ts";

/** The seed documents beside the checkout: `../shared/seeds`. */
export const defaultSeedsDir = path.resolve(import.meta.dirname, "../../../../shared/seeds");

/**
 * Loads the demo world into an empty record, then brings the seed meetings in through the
 * importer, links the appointments they decided and records the case paths they state.
 */
export async function loadDemo(runtime: Runtime, log: (line: string) => void, seedsDir = defaultSeedsDir) {
  const result = await loadDemoWorld({ db: runtime.db, actor: systemActor });
  if (!result.loaded) {
    log("The record is not empty: demo world not loaded");
    return;
  }
  log(
    `Demo world loaded: ${result.organizations} organisations, ${result.people} people, ` +
      `${result.memberships} appointments, ${result.meetings} meetings`,
  );
  const imported = await importSeedMeetings(
    { db: runtime.db, actor: importActor, files: runtime.files },
    seedsDir,
  );
  for (const failure of imported.failed) log(`Seed meeting not imported: ${failure.reason}`);
  const linked = await linkDemoDecisions({ db: runtime.db, actor: systemActor });
  const casePaths = await loadDemoCasePaths({ db: runtime.db, actor: systemActor });
  log(
    `Seed meetings imported: ${imported.imported.length}; appointments linked to their decision: ${linked}; ` +
      `case paths recorded: ${casePaths}`,
  );
}

export function demoCommand(): Command {
  return withStoreOptions(
    new Command("demo").description(
      "load the demo world (bodies, people, appointments, calendars, seed meetings)",
    ),
  )
    .option("--seeds <dir>", "folder of the seed documents", defaultSeedsDir)
    .action(async (options: { data?: string; databaseUrl?: string; seeds: string }) => {
      const runtime = await openRuntime(configFrom(options));
      try {
        await loadDemo(runtime, console.log, options.seeds);
      } finally {
        await runtime.close();
      }
    });
}
