import { Command } from "commander";
import { systemActor } from "../../core/shared/context.ts";
import { loadDemoWorld } from "../../demo/load-demo-world.ts";
import { configFrom, openRuntime, type Runtime, withStoreOptions } from "../runtime.ts";

/** Loads the demo world into an empty record and says what it did. */
export async function loadDemo(runtime: Runtime, log: (line: string) => void): Promise<void> {
  const result = await loadDemoWorld({ db: runtime.db, actor: systemActor });
  log(
    result.loaded
      ? `Demo world loaded: ${result.organizations} organisations, ${result.people} people, ` +
          `${result.memberships} appointments, ${result.meetings} meetings`
      : "The record is not empty: demo world not loaded",
  );
}

export function demoCommand(): Command {
  return withStoreOptions(
    new Command("demo").description(
      "load the demo world (bodies, people, appointments, calendars from the seeds)",
    ),
  ).action(async (options: { data?: string; databaseUrl?: string }) => {
    const runtime = await openRuntime(configFrom(options));
    try {
      await loadDemo(runtime, console.log);
    } finally {
      await runtime.close();
    }
  });
}
