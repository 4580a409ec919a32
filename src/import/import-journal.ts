import fs from "node:fs/promises";
import path from "node:path";

/** What the journal remembers of a file it saw finished: enough to skip it without reading it. */
interface JournalEntry {
  sizeBytes: number;
  mtimeMs: number;
  sha256: string;
  meetingId: string;
}

interface JournalFile {
  version: 1;
  files: Record<string, JournalEntry>;
}

/**
 * Finished files of earlier runs, so that a run after an interruption skips them quickly. It is
 * a shortcut, not the truth: an entry only counts when the record still holds its sha256, and a
 * lost or damaged journal only costs re-reading the files.
 */
export class ImportJournal {
  readonly #path: string;
  readonly #files: Map<string, JournalEntry>;
  #dirty = false;
  #lastWriteMs = 0;

  private constructor(filePath: string, files: Map<string, JournalEntry>) {
    this.#path = filePath;
    this.#files = files;
  }

  /** Reads the journal at `filePath`; a missing or unreadable one starts empty. */
  static async open(filePath: string): Promise<ImportJournal> {
    let files = new Map<string, JournalEntry>();
    try {
      const parsed = JSON.parse(await fs.readFile(filePath, "utf8")) as Partial<JournalFile>;
      if (parsed.version === 1 && parsed.files && typeof parsed.files === "object") {
        files = new Map(Object.entries(parsed.files));
      }
    } catch {
      // Absent or damaged: the content hashes in the record still prevent double imports.
    }
    return new ImportJournal(filePath, files);
  }

  /** The entry of a file, if its size and modification time are still those it was finished with. */
  lookup(absolutePath: string, stat: { size: number; mtimeMs: number }): JournalEntry | undefined {
    const entry = this.#files.get(absolutePath);
    // Whole milliseconds: file systems and copies keep different fractions of them.
    if (!entry || entry.sizeBytes !== stat.size || Math.trunc(entry.mtimeMs) !== Math.trunc(stat.mtimeMs)) {
      return undefined;
    }
    return entry;
  }

  forget(absolutePath: string): void {
    if (this.#files.delete(absolutePath)) this.#dirty = true;
  }

  /** Records a finished file and saves the journal now and then (at most twice a second). */
  async finished(absolutePath: string, entry: JournalEntry): Promise<void> {
    this.#files.set(absolutePath, entry);
    this.#dirty = true;
    if (Date.now() - this.#lastWriteMs >= 500) await this.save();
  }

  /** Writes the journal aside and renames it, so an interruption never leaves half a file. */
  async save(): Promise<void> {
    if (!this.#dirty) return;
    const content: JournalFile = { version: 1, files: Object.fromEntries(this.#files) };
    await fs.mkdir(path.dirname(this.#path), { recursive: true });
    const temporary = `${this.#path}.${process.pid}.tmp`;
    await fs.writeFile(temporary, `${JSON.stringify(content)}\n`);
    await fs.rename(temporary, this.#path);
    this.#dirty = false;
    this.#lastWriteMs = Date.now();
  }
}
