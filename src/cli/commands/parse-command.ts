import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { ImportError, isImportError } from "../../import/import-error.ts";
import { DEFAULT_MAX_BYTES, parseDocument } from "../../import/parse-document.ts";
import type { ParsedMeeting } from "../../import/parsed-meeting.ts";

/** Where the command writes; tests pass their own. */
interface CommandOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

interface ParseCommandOptions {
  json?: boolean;
  maxBytes: number;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError("a whole number of bytes above 0");
  return parsed;
}

function clock(iso: string | null): string | null {
  return iso ? iso.slice(11, 16) : null;
}

/** A few lines for a person at a terminal; `--json` is the complete answer. */
function summariseMeeting(meeting: ParsedMeeting): string {
  const lines: string[] = [];
  const when = [meeting.date, [clock(meeting.start), clock(meeting.end)].filter(Boolean).join("–")]
    .filter(Boolean)
    .join(" ");
  lines.push(`${meeting.kind === "minutes" ? "Minutes" : "Agenda"}: ${meeting.title ?? "(no title)"}`);
  lines.push(`Body:     ${meeting.body ?? "(not found)"}`);
  lines.push(`When:     ${when || "(not found)"}`);
  lines.push(`Where:    ${meeting.location ?? "(not found)"}`);
  const { present, absent, substitutes } = meeting.attendance;
  if (present.length || absent.length || substitutes.length) {
    lines.push(
      `People:   ${present.length} present, ${absent.length} absent, ${substitutes.length} substitutes`,
    );
  }
  lines.push(`Items:    ${meeting.items.length}`);
  for (const item of meeting.items) {
    const number = (item.number ?? "–").padStart(5);
    const marks = [
      item.closed ? "closed" : null,
      item.outcome,
      item.caseNumber,
      item.presenters.length ? `v. ${item.presenters.join(", ")}` : null,
      item.attachments.length ? `${item.attachments.length} bilag` : null,
    ].filter(Boolean);
    const group = item.group ? `${item.group} / ` : "";
    lines.push(`${number}  ${group}${item.title}${marks.length ? `  [${marks.join("; ")}]` : ""}`);
  }
  for (const warning of meeting.warnings) lines.push(`warning: ${warning.message} (${warning.code})`);
  return `${lines.join("\n")}\n`;
}

/**
 * `samraad parse FILE [--json]`: reads an agenda or minutes document and prints the meeting it
 * holds, writing nothing. Bad input (empty, too large, scanned, encrypted ...) prints the
 * reason on stderr and sets exit code 1.
 */
export function parseCommand(output: CommandOutput = process): Command {
  return new Command("parse")
    .description(
      "read an agenda or minutes document (PDF, DOCX, HTML, text) and print the meeting it holds; writes nothing",
    )
    .argument("<file>", "the document to read")
    .option("--json", "print the parsed meeting as JSON (shape: src/import/parsed-meeting.schema.json)")
    .option(
      "--max-bytes <bytes>",
      "refuse files larger than this many bytes",
      positiveInteger,
      DEFAULT_MAX_BYTES,
    )
    .action(async (file: string, options: ParseCommandOptions) => {
      const name = basename(file);
      try {
        // Check the size before reading, so a huge file is refused without loading it.
        const info = await stat(file);
        if (info.size > options.maxBytes) {
          throw new ImportError(
            "import.too_large",
            name,
            `the file is ${info.size} bytes, over the limit of ${options.maxBytes} bytes`,
          );
        }
        const bytes = new Uint8Array(await readFile(file));
        const meeting = await parseDocument(bytes, name, { maxBytes: options.maxBytes });
        output.stdout.write(
          options.json ? `${JSON.stringify(meeting, null, 2)}\n` : summariseMeeting(meeting),
        );
      } catch (error) {
        if (isImportError(error)) {
          output.stderr.write(`samraad parse: ${error.message} (${error.code})\n`);
        } else if (
          (error as NodeJS.ErrnoException).code === "ENOENT" ||
          (error as NodeJS.ErrnoException).code === "EISDIR"
        ) {
          output.stderr.write(`samraad parse: ${file}: no such file\n`);
        } else {
          output.stderr.write(`samraad parse: ${name}: ${(error as Error).message}\n`);
        }
        process.exitCode = 1;
      }
    });
}
