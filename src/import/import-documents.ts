import fs from "node:fs/promises";
import path from "node:path";
import type { AgendaItemCreate } from "../core/agenda/agenda-item.schema.ts";
import { createCase } from "../core/cases/cases.ts";
import { addFile, type FileContext } from "../core/files/files.ts";
import type { Attendance } from "../core/meetings/meeting.schema.ts";
import { createMeeting, meetingTable } from "../core/meetings/meetings.ts";
import type { organizationKinds } from "../core/organizations/organization.schema.ts";
import { createOrganization } from "../core/organizations/organizations.ts";
import { createPerson } from "../core/people/people.ts";
import type { MeetingState } from "../core/publication/visibility.ts";
import { systemActorNamed } from "../core/shared/context.ts";
import { inTransaction } from "../core/shared/transaction.ts";
import type { Database } from "../platform/db/database.ts";
import { sha256Hex } from "../platform/files/file-store.ts";
import { newId } from "../platform/ids.ts";
import { fromDanishLocalTime, toDanishIsoString } from "../platform/time.ts";
import { ImportError, type ImportErrorCode, isImportError } from "./import-error.ts";
import { ImportJournal } from "./import-journal.ts";
import { nameKey } from "./match-names.ts";
import { parseSourceLines } from "./parse/parse-meeting.ts";
import { DEFAULT_MAX_BYTES, extractDocument } from "./parse-document.ts";
import type { ParsedItem, ParsedMeeting, SourceFormat } from "./parsed-meeting.ts";

/** What an import works with: the record, who writes, and the store for the original files. */
export type ImportContext = FileContext;

/** The actor an import writes as when the caller has no person to name. */
export const importActor = systemActorNamed("import");

/** The extensions an import reads; anything else in a folder is reported, not read. */
const importExtensions = [".pdf", ".docx", ".txt", ".html", ".htm"] as const;

/** Why a document was not imported: the parser's codes, and those of writing it into the record. */
type ImportFailureCode =
  | ImportErrorCode
  | "import.not_found"
  | "import.no_items"
  | "import.no_body"
  | "import.no_date"
  | "import.invalid_item_number"
  | "import.duplicate_item_number"
  | "import.record_refused";

interface ImportedDocument {
  path: string;
  meetingId: string;
  items: number;
}

interface UnchangedDocument {
  path: string;
  meetingId: string;
}

interface FailedDocument {
  path: string;
  code: ImportFailureCode;
  /** Names the file and says what is wrong with it. */
  reason: string;
}

export interface ImportSummary {
  imported: ImportedDocument[];
  unchanged: UnchangedDocument[];
  failed: FailedDocument[];
}

export type ImportProgress =
  | { type: "start"; total: number }
  | {
      type: "document";
      /** 1-based position of this document in the run. */
      index: number;
      total: number;
      path: string;
      status: "imported" | "unchanged" | "failed";
      reason?: string;
    };

interface ImportOptions {
  /** Refuse documents over this many bytes (default 100 MB). */
  maxBytes?: number;
  /** Called once before the first document and once after each. */
  onProgress?: (event: ImportProgress) => void;
  /** Remember finished files here, so that a run after an interruption skips them; none when absent. */
  journalPath?: string;
}

/** Why a document is refused after it was parsed; thrown inside its transaction, so nothing lands. */
class DocumentRefused extends Error {
  readonly code: ImportFailureCode;
  constructor(code: ImportFailureCode, message: string) {
    super(message);
    this.code = code;
  }
}

const mediaTypes: Record<SourceFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
  text: "text/plain",
};

// The record's limits (meeting.schema.ts, agenda-item.schema.ts).
const MAX_MEETING_TITLE = 500;
const MAX_ITEM_TITLE = 1000;
const MAX_GROUP_HEADING = 300;
const ITEM_NUMBER = /^[0-9]+[a-z]?(\.[0-9]+[a-z]?)*$/;

/** Bodies nobody has classified yet are taken for committees until a person says otherwise. */
const NEW_BODY_KIND: (typeof organizationKinds)[number] = "committee";

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Files and folders (recursively, hidden entries skipped) as absolute paths, sorted, once each. */
async function listDocuments(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  async function walk(dir: string) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.add(full);
    }
  }
  for (const given of paths) {
    const absolute = path.resolve(given);
    try {
      const info = await fs.stat(absolute);
      if (info.isDirectory()) await walk(absolute);
      else files.add(absolute);
    } catch {
      missing.push(absolute);
    }
  }
  // Code-point order, not the locale's: the same folder imports in the same order everywhere.
  const sorted = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: sorted, missing };
}

/**
 * People, bodies and cases of the record by their matching keys, read once per run. Rows a
 * document creates stay pending until its transaction commits, so a rolled-back document leaves
 * no ids behind for the next one.
 */
class RecordDirectory {
  #organizations = new Map<string, string>();
  #people = new Map<string, string>();
  #cases = new Map<string, string>();
  #pending: { map: Map<string, string>; key: string; id: string }[] = [];

  static async load(db: Database): Promise<RecordDirectory> {
    const directory = new RecordDirectory();
    // Oldest first, so that where two rows share a key the first recorded one wins.
    const organizations = await db.query<{ id: string; name: string; shortName: string | null }>(
      `SELECT id, name, short_name AS "shortName" FROM organizations ORDER BY created_at DESC, id DESC`,
    );
    for (const row of organizations) {
      directory.#organizations.set(nameKey(row.name), row.id);
      if (row.shortName) directory.#organizations.set(nameKey(row.shortName), row.id);
    }
    const people = await db.query<{ id: string; name: string }>(
      "SELECT id, name FROM people ORDER BY created_at DESC, id DESC",
    );
    for (const row of people) directory.#people.set(nameKey(row.name), row.id);
    const cases = await db.query<{ id: string; reference: string }>(
      "SELECT id, reference FROM cases WHERE reference IS NOT NULL",
    );
    for (const row of cases) directory.#cases.set(row.reference.trim().toUpperCase(), row.id);
    return directory;
  }

  organization(name: string) {
    return this.#organizations.get(nameKey(name));
  }
  person(name: string) {
    return this.#people.get(nameKey(name));
  }
  caseByReference(reference: string) {
    return this.#cases.get(reference.trim().toUpperCase());
  }

  addOrganization(name: string, id: string) {
    this.#pending.push({ map: this.#organizations, key: nameKey(name), id });
  }
  addPerson(name: string, id: string) {
    this.#pending.push({ map: this.#people, key: nameKey(name), id });
  }
  addCase(reference: string, id: string) {
    this.#pending.push({ map: this.#cases, key: reference.trim().toUpperCase(), id });
  }

  /** Looks a key up in the pending rows of the current document too. */
  pending(kind: "organization" | "person" | "case", key: string): string | undefined {
    const map =
      kind === "organization" ? this.#organizations : kind === "person" ? this.#people : this.#cases;
    const normalised = kind === "case" ? key.trim().toUpperCase() : nameKey(key);
    return this.#pending.find((entry) => entry.map === map && entry.key === normalised)?.id;
  }

  commit() {
    for (const { map, key, id } of this.#pending) map.set(key, id);
    this.#pending = [];
  }
  rollback() {
    this.#pending = [];
  }
}

interface ReviewFlag {
  recordType: "organization" | "person" | "case" | "meeting";
  recordId: string;
  reason: string;
}

/** One document's writes: everything it matched or created, and what a person should check. */
class DocumentWriter {
  readonly flags: ReviewFlag[] = [];
  /** Attendance entries that are not people's names (groups, roles): kept for the meeting's flag. */
  readonly attendanceNotRead: string[] = [];
  readonly ctx: ImportContext;
  readonly directory: RecordDirectory;
  readonly fileName: string;

  constructor(ctx: ImportContext, directory: RecordDirectory, fileName: string) {
    this.ctx = ctx;
    this.directory = directory;
    this.fileName = fileName;
  }

  async organization(name: string): Promise<string> {
    const found = this.directory.organization(name) ?? this.directory.pending("organization", name);
    if (found) return found;
    const { id } = await createOrganization(this.ctx, { name: name.trim(), kind: NEW_BODY_KIND });
    this.directory.addOrganization(name, id);
    this.flags.push({
      recordType: "organization",
      recordId: id,
      reason: `created by the import of ${this.fileName}: no organisation is named "${name.trim()}"; check the name and kind, or merge it into the right one`,
    });
    return id;
  }

  async person(name: string): Promise<string> {
    const found = this.directory.person(name) ?? this.directory.pending("person", name);
    if (found) return found;
    const { id } = await createPerson(this.ctx, { name: name.trim() });
    this.directory.addPerson(name, id);
    this.flags.push({
      recordType: "person",
      recordId: id,
      reason: `created by the import of ${this.fileName}: nobody is named "${name.trim()}"; check the name, or merge them into the right person`,
    });
    return id;
  }

  async caseFor(reference: string, title: string): Promise<string> {
    const found = this.directory.caseByReference(reference) ?? this.directory.pending("case", reference);
    if (found) return found;
    const { id } = await createCase(this.ctx, { reference: reference.trim(), title: clip(title, 1000) });
    this.directory.addCase(reference, id);
    this.flags.push({
      recordType: "case",
      recordId: id,
      reason: `created by the import of ${this.fileName} from case number ${reference.trim()}; its title is that of the item`,
    });
    return id;
  }
}

function refuse(code: ImportFailureCode, fileName: string, problem: string): never {
  throw new DocumentRefused(code, `${fileName}: ${problem}`);
}

/**
 * Item numbers as the record keeps them; a missing number (an item exported alone) becomes its
 * position. Two items with one number mean the parser misread the document: it is refused whole.
 */
export function recordItemNumbers(items: readonly ParsedItem[], fileName: string): string[] {
  const seen = new Set<string>();
  return items.map((item, index) => {
    const number = (item.number ?? String(index + 1)).trim().replace(/\.$/, "").toLowerCase();
    if (!ITEM_NUMBER.test(number)) {
      refuse(
        "import.invalid_item_number",
        fileName,
        `item ${index + 1} has the number "${item.number}", which is not an item number (like 3 or 3.1)`,
      );
    }
    if (seen.has(number)) {
      refuse(
        "import.duplicate_item_number",
        fileName,
        `the item number ${number} appears twice ("${items[index]?.title}"); the document was read wrongly, so nothing of it was imported`,
      );
    }
    seen.add(number);
    return number;
  });
}

function purposeOf(item: ParsedItem): "information" | "discussion" | "decision" {
  if (item.outcome === "noted") return "information";
  if (item.outcome === "discussed") return "discussion";
  return "decision";
}

function meetingTimes(parsed: ParsedMeeting, fileName: string) {
  if (parsed.start) {
    const end = parsed.end && Date.parse(parsed.end) >= Date.parse(parsed.start) ? parsed.end : null;
    return { start: parsed.start, end, allDay: false };
  }
  if (parsed.date) {
    return { start: toDanishIsoString(fromDanishLocalTime(`${parsed.date}T00:00`)), end: null, allDay: true };
  }
  return refuse(
    "import.no_date",
    fileName,
    "no meeting date found; the record needs the day the meeting was held",
  );
}

/** Archived minutes are published documents of a past meeting; an archived agenda was published. */
function stateOf(parsed: ParsedMeeting): MeetingState {
  return parsed.kind === "minutes" ? "minutes_published" : "agenda_published";
}

/**
 * A person's name as printed (`Anne Holm`, `Jesper Kaas Schmidt`, `Ida de Vries`): at least two
 * capitalised words. Attendance lines also hold groups (`KKR sekretariatet`, `Kommunaldirektørerne
 * ... eller deres suppleanter`), which are not people.
 */
const PERSON_NAME = /^\p{Lu}[\p{L}'.-]*(?:\s+(?:\p{Lu}[\p{L}'.-]*|de|van|von|la|le|af))+$/u;

async function attendanceOf(writer: DocumentWriter, parsed: ParsedMeeting): Promise<Attendance[]> {
  const entries = new Map<string, Attendance>();
  const notPeople: string[] = [];
  const personOf = async (name: string) => {
    if (PERSON_NAME.test(name.trim())) return writer.person(name);
    notPeople.push(name.trim());
    return null;
  };
  const add = (personId: string | null, entry: Omit<Attendance, "personId">) => {
    if (personId && !entries.has(personId)) entries.set(personId, { personId, ...entry });
  };
  for (const substitute of parsed.attendance.substitutes) {
    const personId = await personOf(substitute.name);
    const principalId = await personOf(substitute.for);
    if (personId && principalId && principalId !== personId) {
      add(personId, { status: "present", substituteForPersonId: principalId });
    } else {
      add(personId, { status: "present" });
    }
  }
  for (const name of parsed.attendance.present) add(await personOf(name), { status: "present" });
  for (const name of parsed.attendance.absent) add(await personOf(name), { status: "absent" });
  if (notPeople.length > 0) writer.attendanceNotRead.push(...notPeople);
  return [...entries.values()];
}

/** Writes one parsed document into the record; the caller holds the transaction. */
async function writeDocument(
  ctx: ImportContext,
  tx: Database,
  directory: RecordDirectory,
  document: { fileName: string; bytes: Uint8Array; sha256: string; parsed: ParsedMeeting; text: string },
): Promise<{ meetingId: string; items: number; unchanged: boolean }> {
  const { fileName, parsed } = document;
  // Two imports of the same bytes at once: the second waits here and then finds the first.
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [document.sha256]);
  const existing = await sourceMeetingOf(tx, document.sha256);
  if (existing) return { meetingId: existing, items: 0, unchanged: true };

  if (parsed.items.length === 0)
    refuse("import.no_items", fileName, "no agenda items found; nothing to import");
  if (!parsed.body) {
    refuse(
      "import.no_body",
      fileName,
      "the body that met was not found (no `møde i ...` or header line); the record needs it",
    );
  }
  const numbers = recordItemNumbers(parsed.items, fileName);
  const times = meetingTimes(parsed, fileName);

  const inTx = { ...ctx, db: tx };
  const writer = new DocumentWriter(inTx, directory, fileName);
  const organizationId = await writer.organization(parsed.body);
  const agendaItems: Omit<AgendaItemCreate, "meetingId">[] = [];
  for (const [index, item] of parsed.items.entries()) {
    const presenterIds: string[] = [];
    for (const name of item.presenters) {
      const id = await writer.person(name);
      if (!presenterIds.includes(id)) presenterIds.push(id);
    }
    const caseId = item.caseNumber ? await writer.caseFor(item.caseNumber, item.title) : null;
    agendaItems.push({
      number: numbers[index] as string,
      groupHeading: item.group ? clip(item.group, MAX_GROUP_HEADING) : null,
      title: clip(item.title.trim() || `Punkt ${numbers[index]}`, MAX_ITEM_TITLE),
      isPublic: !item.closed,
      background: item.sections.background,
      recommendation: item.sections.recommendation,
      casePresentation: item.sections.casePresentation,
      finance: item.sections.finance,
      decision: item.sections.decision,
      outcome: item.outcome,
      presenterIds,
      caseId,
      ...(caseId ? { casePurpose: purposeOf(item) } : {}),
    });
  }
  const attendance = await attendanceOf(writer, parsed);
  const fallbackTitle = `${parsed.kind === "minutes" ? "Referat" : "Dagsorden"}: ${parsed.body} ${parsed.date ?? ""}`;
  const meeting = await createMeeting(inTx, {
    organizationId,
    title: clip((parsed.title ?? fallbackTitle).trim(), MAX_MEETING_TITLE),
    ...times,
    location: parsed.location ? clip(parsed.location, 500) : null,
    attendance,
    agendaItems,
  });
  // The file is attached while the meeting is still open: approved minutes take no new files.
  const file = await addFile(inTx, {
    name: fileName,
    mediaType: mediaTypes[parsed.source.format],
    bytes: document.bytes,
    extractedText: document.text,
    meetingId: meeting.id,
  });
  // The same meeting from another file (a PDF and a DOCX of one referat) has other bytes.
  const twins = await tx.query<{ id: string }>(
    "SELECT id FROM meetings WHERE organization_id = $1 AND start_at = $2 AND id <> $3 ORDER BY id LIMIT 1",
    [organizationId, times.start, meeting.id],
  );
  for (const twin of twins) {
    writer.flags.push({
      recordType: "meeting",
      recordId: meeting.id,
      reason: `the import of ${fileName} made a meeting of the same body at the same time as meeting ${twin.id}; if it is the same meeting from another file, delete one`,
    });
  }
  if (writer.attendanceNotRead.length > 0) {
    writer.flags.push({
      recordType: "meeting",
      recordId: meeting.id,
      reason: `the import of ${fileName} did not record these attendance entries, which are not names of people: ${writer.attendanceNotRead.join("; ")}`,
    });
  }
  for (const warning of parsed.warnings) {
    writer.flags.push({
      recordType: "meeting",
      recordId: meeting.id,
      reason: `the import of ${fileName} warned: ${warning.message} (${warning.code})`,
    });
  }
  for (const flag of writer.flags) {
    await tx.query(
      `INSERT INTO review_flags (id, record_type, record_id, reason, source_file_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [newId(), flag.recordType, flag.recordId, flag.reason, file.id, ctx.actor.id],
    );
  }
  // Last, because the record refuses changes to a meeting whose minutes are approved.
  await meetingTable.update(tx, meeting.id, { state: stateOf(parsed) }, ctx.actor.id);
  return { meetingId: meeting.id, items: agendaItems.length, unchanged: false };
}

/** The meeting whose source document has these bytes, if one has been imported. */
async function sourceMeetingOf(db: Database, sha256: string): Promise<string | undefined> {
  const [row] = await db.query<{ meetingId: string }>(
    `SELECT meeting_id AS "meetingId" FROM files WHERE sha256 = $1 AND meeting_id IS NOT NULL
     ORDER BY created_at LIMIT 1`,
    [sha256],
  );
  return row?.meetingId;
}

function failureOf(error: unknown, fileName: string): { code: ImportFailureCode; reason: string } {
  if (isImportError(error)) return { code: error.code, reason: error.message };
  if (error instanceof DocumentRefused) return { code: error.code, reason: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: "import.record_refused", reason: `${fileName}: the record refused it: ${message}` };
}

interface DocumentRun {
  ctx: ImportContext;
  directory: RecordDirectory;
  journal: ImportJournal | null;
  maxBytes: number;
}

type DocumentOutcome =
  | { status: "imported"; meetingId: string; items: number }
  | { status: "unchanged"; meetingId: string }
  | { status: "failed"; code: ImportFailureCode; reason: string };

/** One file, start to end; never throws for a bad document (only for a broken journal folder). */
async function importOne(run: DocumentRun, filePath: string): Promise<DocumentOutcome> {
  const { ctx, directory, journal, maxBytes } = run;
  const fileName = path.basename(filePath);
  let info: { size: number; mtimeMs: number };
  let sha256: string;
  let outcome: DocumentOutcome;
  try {
    if (!(importExtensions as readonly string[]).includes(path.extname(filePath).toLowerCase())) {
      throw new DocumentRefused(
        "import.unsupported_format",
        `${fileName}: unsupported format; the import reads ${importExtensions.join(" ")}`,
      );
    }
    info = await fs.stat(filePath);
    const remembered = journal?.lookup(filePath, info);
    if (remembered) {
      // The journal saves reading and parsing; the record decides whether the file is in it.
      const meetingId = await sourceMeetingOf(ctx.db, remembered.sha256);
      if (meetingId) return { status: "unchanged", meetingId };
      journal?.forget(filePath);
    }
    // Refused before reading, so a huge file never fills the memory.
    if (info.size > maxBytes) {
      throw new ImportError(
        "import.too_large",
        fileName,
        `the file is ${info.size} bytes, over the limit of ${maxBytes} bytes`,
      );
    }
    const bytes = new Uint8Array(await fs.readFile(filePath));
    sha256 = sha256Hex(bytes);
    const known = await sourceMeetingOf(ctx.db, sha256);
    if (known) {
      outcome = { status: "unchanged", meetingId: known };
    } else {
      const extracted = await extractDocument(bytes, fileName, { maxBytes });
      const parsed = parseSourceLines(extracted.lines, {
        fileName,
        format: extracted.format,
        pages: extracted.pages,
        encoding: extracted.encoding,
      });
      const text = extracted.lines.map((line) => line.text).join("\n");
      const documentSha = sha256;
      try {
        const written = await inTransaction(ctx, (tx) =>
          writeDocument(ctx, tx, directory, { fileName, bytes, sha256: documentSha, parsed, text }),
        );
        directory.commit();
        outcome = written.unchanged
          ? { status: "unchanged", meetingId: written.meetingId }
          : { status: "imported", meetingId: written.meetingId, items: written.items };
      } catch (error) {
        directory.rollback();
        throw error;
      }
    }
  } catch (error) {
    return { status: "failed", ...failureOf(error, fileName) };
  }
  await journal?.finished(filePath, {
    sizeBytes: info.size,
    mtimeMs: info.mtimeMs,
    sha256,
    meetingId: outcome.meetingId,
  });
  return outcome;
}

/**
 * Imports agenda and minutes documents (files, or folders read recursively) into the record, in
 * a stable order. Each document is one transaction: its meeting, items, new people, bodies and
 * cases, the original file with its text and the review flags land together or not at all.
 * A document whose bytes are already some meeting's source is `unchanged`; a bad one is
 * `failed` with its reason, and the run goes on with the next.
 */
export async function importDocuments(
  ctx: ImportContext,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const summary: ImportSummary = { imported: [], unchanged: [], failed: [] };
  const { files, missing } = await listDocuments(paths);
  const total = files.length + missing.length;
  options.onProgress?.({ type: "start", total });
  let index = 0;
  const report = (result: "imported" | "unchanged" | "failed", filePath: string, reason?: string) => {
    index++;
    options.onProgress?.({
      type: "document",
      index,
      total,
      path: filePath,
      status: result,
      ...(reason ? { reason } : {}),
    });
  };
  for (const filePath of missing) {
    const reason = `${path.basename(filePath)}: no such file or folder (${filePath})`;
    summary.failed.push({ path: filePath, code: "import.not_found", reason });
    report("failed", filePath, reason);
  }

  const journal = options.journalPath ? await ImportJournal.open(options.journalPath) : null;
  const directory = await RecordDirectory.load(ctx.db);
  const run: DocumentRun = { ctx, directory, journal, maxBytes };
  try {
    for (const filePath of files) {
      const outcome = await importOne(run, filePath);
      if (outcome.status === "failed") {
        summary.failed.push({ path: filePath, code: outcome.code, reason: outcome.reason });
        report("failed", filePath, outcome.reason);
      } else if (outcome.status === "unchanged") {
        summary.unchanged.push({ path: filePath, meetingId: outcome.meetingId });
        report("unchanged", filePath);
      } else {
        summary.imported.push({ path: filePath, meetingId: outcome.meetingId, items: outcome.items });
        report("imported", filePath);
      }
    }
  } finally {
    await journal?.save();
  }
  return summary;
}
