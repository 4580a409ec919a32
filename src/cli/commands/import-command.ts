import path from "node:path";
import cliProgress from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import {
  type ImportProgress,
  type ImportSummary,
  importActor,
  importDocuments,
} from "../../import/import-documents.ts";
import { DEFAULT_MAX_BYTES } from "../../import/parse-document.ts";
import { configFrom, openRuntime, withStoreOptions } from "../runtime.ts";

/** Where the command writes; tests pass their own. */
interface ImportCommandOutput {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

interface ImportCommandOptions {
  data?: string;
  databaseUrl?: string;
  maxBytes: number;
  journal?: string;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) {
    throw new InvalidArgumentError("a whole number of bytes above 0");
  }
  return parsed;
}

/** The end of a run, for a person: the counts, then each failure with its reason. */
function formatSummary(summary: ImportSummary): string {
  const lines = [
    `imported ${summary.imported.length}, unchanged ${summary.unchanged.length}, failed ${summary.failed.length}`,
  ];
  for (const failure of summary.failed) lines.push(`  failed: ${failure.reason} (${failure.code})`);
  return `${lines.join("\n")}\n`;
}

/** A bar on a terminal; one line per document otherwise, so logs of a batch run say what happened. */
function progressReporter(output: ImportCommandOutput): {
  onProgress: (event: ImportProgress) => void;
  stop: () => void;
} {
  if (!output.stdout.isTTY) {
    return {
      onProgress(event) {
        if (event.type !== "document") return;
        const name = path.basename(event.path);
        output.stdout.write(
          `[${event.index}/${event.total}] ${event.status} ${name}${event.reason ? `: ${event.reason}` : ""}\n`,
        );
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: "importing [{bar}] {value}/{total} {file}",
      hideCursor: true,
      clearOnComplete: true,
      stream: output.stdout as NodeJS.WritableStream,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress(event) {
      if (event.type === "start") {
        bar.start(event.total, 0, { file: "" });
        started = true;
      } else {
        bar.update(event.index, { file: path.basename(event.path) });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/**
 * `samraad import PATH... [--data DIR] [--database-url URL] [--max-bytes N]`: writes agendas
 * and minutes (files or folders) into the record, one transaction per document. Prints a summary;
 * exit code 1 when any document failed.
 */
export function importCommand(output: ImportCommandOutput = process): Command {
  return withStoreOptions(
    new Command("import")
      .description(
        "import agenda and minutes documents (PDF, DOCX, HTML, text; files or folders) into the record",
      )
      .argument("<paths...>", "documents, or folders to read recursively")
      .option(
        "--max-bytes <bytes>",
        "refuse documents larger than this many bytes",
        positiveInteger,
        DEFAULT_MAX_BYTES,
      )
      .option("--journal <file>", "where finished files are remembered (default <data>/import-journal.json)"),
  ).action(async (paths: string[], options: ImportCommandOptions) => {
    const config = configFrom(options);
    const runtime = await openRuntime(config);
    const progress = progressReporter(output);
    try {
      const summary = await importDocuments(
        { db: runtime.db, files: runtime.files, actor: importActor },
        paths,
        {
          maxBytes: options.maxBytes,
          journalPath: options.journal ?? path.join(config.dataDir, "import-journal.json"),
          onProgress: progress.onProgress,
        },
      );
      progress.stop();
      output.stdout.write(formatSummary(summary));
      if (summary.failed.length > 0) process.exitCode = 1;
    } finally {
      progress.stop();
      await runtime.close();
    }
  });
}
