import type { Database } from "../../platform/db/database.ts";
import type { FileStore } from "../../platform/files/file-store.ts";
import {
  generateBatch,
  generateSetup,
  MEETINGS_PER_BATCH,
  type SyntheticBatch,
  type SyntheticOptions,
} from "./generate.ts";

export interface SyntheticProgress {
  step: "setup" | "batch";
  done: number;
  total: number;
}

interface SyntheticLoadResult {
  /** Batches written by this run; the others were present already (an earlier, interrupted run). */
  loadedBatches: number;
  skippedBatches: number;
  items: number;
}

const insertRows = (table: string) =>
  `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`;

async function insertAll(tx: Database, table: string, rows: readonly object[], chunk = 2000) {
  for (let start = 0; start < rows.length; start += chunk) {
    await tx.query(insertRows(table), [JSON.stringify(rows.slice(start, start + chunk))]);
  }
}

async function exists(db: Database, table: string, id: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  return rows.length > 0;
}

async function writeBatch(tx: Database, batch: SyntheticBatch) {
  await insertAll(tx, "meetings", batch.meetings);
  await insertAll(tx, "meeting_attendance", batch.attendance);
  await insertAll(tx, "cases", batch.cases);
  // Items in one statement per 1,000: the search trigger indexes them set-wise.
  await insertAll(tx, "agenda_items", batch.agendaItems, 1000);
  await insertAll(tx, "agenda_item_presenters", batch.presenters);
  await insertAll(tx, "consultations", batch.consultations);
  await insertAll(tx, "files", batch.files, 1000);
}

/**
 * Loads the synthetic corpus (see generate.ts) into the record. Each batch is one transaction,
 * and a batch whose first meeting exists is skipped: an interrupted load resumes where it stopped.
 * A record holding anything but this very corpus is refused, so that it never mixes with real data.
 * With a file store, the attachments' bytes are stored too, so they can be downloaded.
 */
export async function loadSynthetic(
  db: Database,
  options: SyntheticOptions & { files?: FileStore | undefined },
  onProgress: (event: SyntheticProgress) => void = () => {},
): Promise<SyntheticLoadResult> {
  const setup = generateSetup(options);
  const firstOrganization = setup.organizations[0]?.id as string;
  if (!(await exists(db, "organizations", firstOrganization))) {
    const [existing] = await db.query<{ any: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM organizations) OR EXISTS (SELECT 1 FROM meetings) AS any",
    );
    if (existing?.any) {
      throw new Error(
        "the record is not empty: a synthetic corpus is loaded only into an empty record (or resumed with the same size and seed)",
      );
    }
    await db.transaction(async (tx) => {
      await insertAll(tx, "organizations", setup.organizations);
      await insertAll(tx, "people", setup.people);
      await insertAll(tx, "memberships", setup.memberships);
    });
  }
  onProgress({ step: "setup", done: 1, total: 1 });
  let loadedBatches = 0;
  let skippedBatches = 0;
  for (let index = 0; index < setup.batchCount; index++) {
    const first = setup.schedule[index * MEETINGS_PER_BATCH];
    if (first && (await exists(db, "meetings", first.id))) {
      skippedBatches++;
    } else {
      const batch = generateBatch(setup, index, options.seed);
      if (options.files) {
        for (const file of batch.files) await options.files.put(Buffer.from(file.extracted_text, "utf8"));
      }
      await db.transaction((tx) => writeBatch(tx, batch));
      loadedBatches++;
    }
    onProgress({ step: "batch", done: index + 1, total: setup.batchCount });
  }
  return { loadedBatches, skippedBatches, items: options.items };
}
