import path from "node:path";
import { Command } from "commander";
import { systemActor } from "../../core/shared/context.ts";
import { loadDemoCasePaths } from "../../demo/demo-case-paths.ts";
import { linkDemoDecisions, loadDemoWorld } from "../../demo/load-demo-world.ts";
import { importSeedMeetings } from "../../demo/seed-meetings.ts";
import { loadSynthetic } from "../../demo/synthetic/load-synthetic.ts";
import { importActor } from "../../import/import-documents.ts";
import { terminalProgress } from "../progress.ts";
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

/**
 * Loads a synthetic corpus of `items` agenda items into an empty record (see
 * src/demo/synthetic/generate.ts); run again after an interruption, it resumes.
 */
async function loadSyntheticDemo(
  runtime: Runtime,
  options: { items: number; seed: number; seedsDir: string },
  log: (line: string) => void,
) {
  const progress = terminalProgress("synthetic");
  const started = performance.now();
  try {
    const result = await loadSynthetic(
      runtime.db,
      { items: options.items, seed: options.seed, seedsDir: options.seedsDir, files: runtime.files },
      progress.onProgress,
    );
    progress.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `Synthetic corpus: ${options.items.toLocaleString("en")} agenda items; ${result.loadedBatches} batches loaded ` +
        `in ${seconds} s, ${result.skippedBatches} already present`,
    );
  } finally {
    progress.stop();
  }
}

const positiveInteger = (name: string) => (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a whole number above 0`);
  return number;
};

export function demoCommand(): Command {
  return withStoreOptions(
    new Command("demo").description(
      "load the demo world (bodies, people, appointments, calendars, seed meetings), or with --synthetic a generated corpus of N agenda items",
    ),
  )
    .option("--seeds <dir>", "folder of the seed documents", defaultSeedsDir)
    .option(
      "--synthetic <items>",
      "instead: generate N agenda items with bodies, people, meetings, cases and attachments (deterministic, resumable)",
      positiveInteger("--synthetic"),
    )
    .option("--seed <number>", "seed of the synthetic corpus", positiveInteger("--seed"), 1)
    .action(
      async (options: {
        data?: string;
        databaseUrl?: string;
        seeds: string;
        synthetic?: number;
        seed: number;
      }) => {
        const runtime = await openRuntime(configFrom(options));
        try {
          if (options.synthetic) {
            await loadSyntheticDemo(
              runtime,
              { items: options.synthetic, seed: options.seed, seedsDir: options.seeds },
              console.log,
            );
          } else {
            await loadDemo(runtime, console.log, options.seeds);
          }
        } finally {
          await runtime.close();
        }
      },
    );
}
