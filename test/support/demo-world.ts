import path from "node:path";
import { systemActor } from "../../src/core/shared/context.ts";
import { linkDemoDecisions, loadDemoWorld } from "../../src/demo/load-demo-world.ts";
import { importSeedMeetings } from "../../src/demo/seed-meetings.ts";
import { importActor } from "../../src/import/import-documents.ts";
import type { TestStore } from "./databases.ts";

/** The seed documents beside the checkout. */
export const seedsDir = path.resolve(import.meta.dirname, "../../../shared/seeds");

/** What `samraad demo` loads: the demo world, the seed meetings through the importer, their links. */
export async function loadDemoRecord(store: Pick<TestStore, "db" | "files">): Promise<void> {
  await loadDemoWorld({ db: store.db, actor: systemActor });
  const imported = await importSeedMeetings(
    { db: store.db, files: store.files, actor: importActor },
    seedsDir,
  );
  if (imported.failed.length > 0)
    throw new Error(`seed meetings not imported: ${JSON.stringify(imported.failed)}`);
  await linkDemoDecisions({ db: store.db, actor: systemActor });
}
