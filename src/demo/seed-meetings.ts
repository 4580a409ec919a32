import path from "node:path";
import { type ImportContext, type ImportSummary, importDocuments } from "../import/import-documents.ts";

/** The seed documents whose meetings belong to the demo world (a referat and a dagsorden). */
const seedMeetingFiles = ["001_fc010784cd8fe213.txt", "002_b19148eff8b2a7c8.txt"] as const;

/**
 * Brings the meetings of the seed documents into the record through the importer itself, so the
 * demo shows what an archive import gives. Running it again changes nothing (content hashes).
 */
export async function importSeedMeetings(ctx: ImportContext, seedsDir: string): Promise<ImportSummary> {
  return importDocuments(
    ctx,
    seedMeetingFiles.map((file) => path.join(seedsDir, file)),
  );
}
