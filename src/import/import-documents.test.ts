import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { forEachStore, type TestStore } from "../../test/support/databases.ts";
import type { Database, Queryable } from "../platform/db/database.ts";
import { type ImportContext, importActor, importDocuments, recordItemNumbers } from "./import-documents.ts";
import type { ParsedItem } from "./parsed-meeting.ts";

const seedsDir = path.resolve(import.meta.dirname, "../../../shared/seeds");
const fixturesDir = path.resolve(import.meta.dirname, "../../test/fixtures/import");
const seed001 = path.join(seedsDir, "001_fc010784cd8fe213.txt");
const seed002 = path.join(seedsDir, "002_b19148eff8b2a7c8.txt");

function contextOf(store: TestStore): ImportContext {
  return { db: store.db, files: store.files, actor: importActor };
}

/** Rows in every table of the record, so a test can tell that nothing at all was written. */
async function countRows(db: Queryable): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

function tempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "samraad-import-"));
}

/** The same document with one line changed, so its bytes (and hash) differ. */
function variantOf(source: string, target: string, marker: string) {
  fs.writeFileSync(target, `${fs.readFileSync(source, "utf8")}\n\nArkiv-id: ${marker}\n`);
}

/** A database whose transactions fail at their nth statement, as a crash or a lost connection would. */
function failingAt(db: Database, nth: number, onStatement?: () => void): Database {
  return {
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (work) =>
      db.transaction((tx) => {
        let count = 0;
        const failing: Database = {
          query: (sql, params) => {
            count++;
            onStatement?.();
            if (count === nth) return Promise.reject(new Error(`injected failure at statement ${nth}`));
            return tx.query(sql, params);
          },
          exec: (sql) => tx.exec(sql),
          transaction: (inner) => inner(failing),
        };
        return work(failing);
      }),
  } as Database;
}

forEachStore("importDocuments", (store) => {
  test("seed 001 becomes a meeting with its 21 items, presenters, outcomes and the original file", async () => {
    const ctx = contextOf(store());
    const summary = await importDocuments(ctx, [seed001]);
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.imported.length, 1);
    const meetingId = summary.imported[0]?.meetingId;
    const db = store().db;
    const [meeting] = await db.query<{ title: string; state: string; allDay: boolean; body: string }>(
      `SELECT m.title, m.state, m.all_day AS "allDay", o.name || ' / ' || coalesce(o.short_name, '') AS body
       FROM meetings m JOIN organizations o ON o.id = m.organization_id WHERE m.id = $1`,
      [meetingId],
    );
    assert.equal(meeting?.state, "minutes_published");
    assert.equal(meeting?.allDay, false);
    assert.match(meeting?.body ?? "", /KD-Net/);
    const items = await db.query<{
      number: string;
      title: string;
      outcome: string | null;
      presenters: string[];
    }>(
      `SELECT i.number, i.title, i.outcome,
         coalesce((SELECT array_agg(p.name ORDER BY ap.position) FROM agenda_item_presenters ap
                   JOIN people p ON p.id = ap.person_id WHERE ap.agenda_item_id = i.id), '{}') AS presenters
       FROM agenda_items i WHERE i.meeting_id = $1 ORDER BY i.position`,
      [meetingId],
    );
    assert.equal(items.length, 21);
    assert.deepEqual(
      items.map((item) => item.number),
      Array.from({ length: 21 }, (_, i) => String(i + 1)),
    );
    assert.equal(items[3]?.outcome, "approved");
    assert.deepEqual(items[4]?.presenters, ["Pernille Blach Hansen", "Flemming Storgaard"]);
    assert.deepEqual(items[5]?.presenters, ["Jesper Kaas Schmidt", "Rasmus Møller"]);
    // The same person presenting twice is one person.
    const [jesper] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM people WHERE name = 'Jesper Kaas Schmidt'",
    );
    assert.equal(jesper?.n, 1);
    const files = await db.query<{ name: string; mediaType: string; text: string; sha256: string }>(
      `SELECT name, media_type AS "mediaType", extracted_text AS text, sha256 FROM files WHERE meeting_id = $1`,
      [meetingId],
    );
    assert.equal(files.length, 1);
    assert.equal(files[0]?.name, "001_fc010784cd8fe213.txt");
    assert.equal(files[0]?.mediaType, "text/plain");
    assert.match(files[0]?.text ?? "", /Godkendelse af kommissorium for GovTech Midtjylland/);
    assert.ok(await store().files.has(files[0]?.sha256 ?? ""));
    // Its attendance names groups (`KKR sekretariatet`), not people: none becomes a person.
    const [attendance] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM meeting_attendance WHERE meeting_id = $1",
      [meetingId],
    );
    assert.equal(attendance?.n, 0);
    const [groups] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM people WHERE name ~ 'sekretariat'",
    );
    assert.equal(groups?.n, 0);
    // New people and the new body are flagged for a person to check, pointing at the file.
    const flags = await db.query<{ recordType: string; n: number }>(
      `SELECT record_type AS "recordType", count(*)::int AS n FROM review_flags
       WHERE source_file_id = (SELECT id FROM files WHERE meeting_id = $1) GROUP BY 1 ORDER BY 1`,
      [meetingId],
    );
    const byType = Object.fromEntries(flags.map((flag) => [flag.recordType, flag.n]));
    assert.equal(byType.organization, 1);
    const [people] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM people");
    assert.equal(byType.person, people?.n);
  });

  test("seed 002 links its items to the case by number and reuses known people and bodies", async () => {
    const ctx = contextOf(store());
    const db = store().db;
    await db.query(
      `INSERT INTO organizations (id, name, kind, created_by, updated_by)
       VALUES (gen_random_uuid(), 'KKR  midtjylland', 'political_body', 'test', 'test')`,
    );
    const before = await countRows(db);
    const summary = await importDocuments(ctx, [seed002]);
    assert.deepEqual(summary.failed, []);
    const meetingId = summary.imported[0]?.meetingId;
    const [meeting] = await db.query<{ state: string; kind: string }>(
      `SELECT m.state, o.kind FROM meetings m JOIN organizations o ON o.id = m.organization_id WHERE m.id = $1`,
      [meetingId],
    );
    assert.equal(meeting?.state, "agenda_published");
    assert.equal(meeting?.kind, "political_body", "the existing body, matched by its normalised name");
    const after = await countRows(db);
    assert.equal(after.organizations, before.organizations);
    const linked = await db.query<{ number: string; group: string; reference: string }>(
      `SELECT i.number, i.group_heading AS "group", c.reference FROM agenda_items i
       JOIN consultations k ON k.agenda_item_id = i.id JOIN cases c ON c.id = k.case_id
       WHERE i.meeting_id = $1 ORDER BY i.position`,
      [meetingId],
    );
    assert.equal(linked.length, 12);
    assert.ok(linked.every((item) => item.reference === "SAG-2016-04709"));
    assert.equal(linked[2]?.number, "3.1");
    assert.equal(linked[2]?.group, "Regionalpolitiske sager");
    assert.equal(after.cases, (before.cases ?? 0) + 1, "one case, created once");
  });

  test("importing again reports unchanged and creates nothing", async () => {
    const ctx = contextOf(store());
    const before = await countRows(store().db);
    const summary = await importDocuments(ctx, [seed001, seed002]);
    assert.equal(summary.unchanged.length, 2);
    assert.equal(summary.imported.length, 0);
    assert.deepEqual(await countRows(store().db), before);
  });

  test("a failure in the middle of a document leaves nothing of it, and the next run imports it", async () => {
    const folder = tempFolder();
    // How many statements a whole document takes, measured on a twin of the same document.
    const twin = path.join(folder, "twin.txt");
    variantOf(seed001, twin, "failure-twin");
    let statements = 0;
    const counting = failingAt(store().db, Number.POSITIVE_INFINITY, () => statements++);
    assert.equal((await importDocuments({ ...contextOf(store()), db: counting }, [twin])).imported.length, 1);
    assert.ok(statements > 20, `a document takes ${statements} statements`);

    const file = path.join(folder, "referat.txt");
    variantOf(seed001, file, "failure-test");
    const before = await countRows(store().db);
    const points = [1, 2, Math.floor(statements / 4), Math.floor(statements / 2), statements - 1];
    for (const nth of points) {
      const ctx = { ...contextOf(store()), db: failingAt(store().db, nth) };
      const summary = await importDocuments(ctx, [file]);
      assert.equal(summary.failed.length, 1, `statement ${nth}`);
      assert.match(summary.failed[0]?.reason ?? "", /^referat\.txt: .*injected failure/);
      assert.deepEqual(await countRows(store().db), before, `after a failure at statement ${nth}`);
    }
    const summary = await importDocuments(contextOf(store()), [file]);
    assert.equal(summary.imported.length, 1);
    fs.rmSync(folder, { recursive: true });
  });

  test("each bad input fails with its reason, writes nothing, and a good file beside it imports", async () => {
    const folder = tempFolder();
    const bad: Record<string, string> = {
      "empty.txt": "import.empty_file",
      "binary-noise.bin": "import.unsupported_format",
      "truncated.pdf": "import.truncated_pdf",
      "encrypted.pdf": "import.encrypted_pdf",
      "scanned-no-text.pdf": "import.no_text_layer",
      "zip-bomb-declared.docx": "import.zip_bomb",
      "zip-bomb-lying.docx": "import.zip_bomb",
      "zip-bomb-ratio.docx": "import.zip_bomb",
    };
    for (const name of Object.keys(bad))
      fs.copyFileSync(path.join(fixturesDir, name), path.join(folder, name));
    // Noise named as text reaches the parser's own check.
    fs.copyFileSync(path.join(fixturesDir, "binary-noise.bin"), path.join(folder, "noise.txt"));
    bad["noise.txt"] = "import.binary_file";
    // Over the limit this run sets.
    fs.writeFileSync(path.join(folder, "huge.txt"), "x".repeat(150_000));
    bad["huge.txt"] = "import.too_large";
    fs.mkdirSync(path.join(folder, "sub"));
    variantOf(
      path.join(fixturesDir, "firstagenda-oekonomiudvalget.txt"),
      path.join(folder, "sub", "good.txt"),
      "bad",
    );
    fs.writeFileSync(path.join(folder, ".hidden.txt"), "skipped");

    const before = await countRows(store().db);
    const summary = await importDocuments(contextOf(store()), [folder], { maxBytes: 100_000 });
    const failed = Object.fromEntries(summary.failed.map((f) => [path.basename(f.path), f]));
    assert.deepEqual(Object.fromEntries(Object.entries(failed).map(([name, f]) => [name, f.code])), bad);
    for (const [name, failure] of Object.entries(failed))
      assert.ok(failure.reason.startsWith(`${name}: `), failure.reason);
    assert.match(failed["huge.txt"]?.reason ?? "", /over the limit of 100000 bytes/);
    assert.match(failed["scanned-no-text.pdf"]?.reason ?? "", /no text layer/);
    assert.deepEqual(
      summary.imported.map((i) => path.relative(folder, i.path)),
      [path.join("sub", "good.txt")],
    );
    const after = await countRows(store().db);
    assert.equal(after.meetings, (before.meetings ?? 0) + 1);
    assert.equal(after.files, (before.files ?? 0) + 1);
    fs.rmSync(folder, { recursive: true });
  });

  test("a document the record cannot hold fails whole: no date, no items", async () => {
    const folder = tempFolder();
    fs.copyFileSync(path.join(fixturesDir, "single-item.txt"), path.join(folder, "single-item.txt"));
    fs.writeFileSync(
      path.join(folder, "no-items.txt"),
      "Referat af møde i Testudvalget\nTirsdag den 3. oktober 2023 kl. 10.00\n\nIntet at referere.\n",
    );
    const before = await countRows(store().db);
    const summary = await importDocuments(contextOf(store()), [folder]);
    const codes = Object.fromEntries(summary.failed.map((f) => [path.basename(f.path), f.code]));
    assert.equal(codes["single-item.txt"], "import.no_date");
    assert.ok(codes["no-items.txt"], "a document without items fails");
    assert.deepEqual(await countRows(store().db), before);
    fs.rmSync(folder, { recursive: true });
  });

  test("each format imports: text, Windows-1252 text, PDF, DOCX, HTML", async () => {
    const folder = tempFolder();
    const files = {
      "firstagenda-oekonomiudvalget.txt": "text/plain",
      "sbsys-byraad-windows-1252.txt": "text/plain",
      "pdfkit-kultur-dagsorden.pdf": "application/pdf",
      "word-styregruppe-referat.docx":
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "regionsraad-referat.html": "text/html",
    };
    for (const name of Object.keys(files))
      fs.copyFileSync(path.join(fixturesDir, name), path.join(folder, name));
    const summary = await importDocuments(contextOf(store()), [folder]);
    assert.deepEqual(summary.failed, []);
    const imported = summary.imported.length + summary.unchanged.length;
    assert.equal(imported, 5);
    for (const [name, mediaType] of Object.entries(files)) {
      const [row] = await store().db.query<{ mediaType: string; text: string; items: number }>(
        `SELECT f.media_type AS "mediaType", f.extracted_text AS text,
           (SELECT count(*)::int FROM agenda_items i WHERE i.meeting_id = f.meeting_id) AS items
         FROM files f WHERE f.name = $1 AND f.meeting_id IS NOT NULL`,
        [name],
      );
      assert.equal(row?.mediaType, mediaType, name);
      assert.ok((row?.items ?? 0) > 0, `${name} has items`);
      assert.ok((row?.text.length ?? 0) > 100, `${name} keeps its text`);
    }
    // Attendance with a substitute: Lars Vilbrad for Bo Johansen, who is absent.
    const attendance = await store().db.query<{ name: string; status: string; for: string | null }>(
      `SELECT p.name, a.status, s.name AS for FROM meeting_attendance a
       JOIN people p ON p.id = a.person_id LEFT JOIN people s ON s.id = a.substitute_for_person_id
       WHERE a.meeting_id = (SELECT meeting_id FROM files WHERE name = 'firstagenda-oekonomiudvalget.txt')
       ORDER BY p.name`,
    );
    assert.deepEqual(
      attendance.map((a) => `${a.name}: ${a.status}${a.for ? ` for ${a.for}` : ""}`),
      [
        "Anne Holm: present",
        "Bo Johansen: absent",
        "Karen Dahl: present",
        "Lars Vilbrad: present for Bo Johansen",
        "Peter Juhl: present",
      ],
    );
    const [byraad] = await store().db.query<{ text: string }>(
      "SELECT extracted_text AS text FROM files WHERE name = 'sbsys-byraad-windows-1252.txt'",
    );
    assert.match(byraad?.text ?? "", /Byrådet/, "Windows-1252 decoded");
    fs.rmSync(folder, { recursive: true });
  });

  test("the journal lets an interrupted run resume without reading finished files again", async () => {
    const folder = tempFolder();
    const journalPath = path.join(folder, "journal", "import-journal.json");
    const first = path.join(folder, "a.txt");
    const second = path.join(folder, "b.txt");
    variantOf(seed001, first, "journal-a");
    variantOf(seed002, second, "journal-b");
    const interrupted = importDocuments(contextOf(store()), [first, second], {
      journalPath,
      onProgress(event) {
        if (event.type === "document") throw new Error("interrupted");
      },
    });
    await assert.rejects(interrupted, /interrupted/);
    assert.ok(fs.existsSync(journalPath), "the journal is saved on the way out");

    // Same size and time, other bytes: only a run that trusts the journal skips it.
    const stat = fs.statSync(first);
    const bytes = fs.readFileSync(first);
    bytes[bytes.length - 2] = "z".charCodeAt(0);
    fs.writeFileSync(first, bytes);
    fs.utimesSync(first, stat.atimeMs / 1000, stat.mtimeMs / 1000);

    const resumed = await importDocuments(contextOf(store()), [first, second], { journalPath });
    assert.deepEqual(
      resumed.unchanged.map((u) => u.path),
      [first],
    );
    assert.deepEqual(
      resumed.imported.map((i) => i.path),
      [second],
    );
    // Without the journal, the content hash decides: the changed bytes are a new document.
    const withoutJournal = await importDocuments(contextOf(store()), [first, second]);
    assert.deepEqual(
      withoutJournal.imported.map((i) => i.path),
      [first],
    );
    fs.rmSync(folder, { recursive: true });
  });
});

test("item numbers: a collision refuses the document with a clear reason", () => {
  const item = (number: string | null, title: string) => ({ number, title }) as ParsedItem;
  assert.deepEqual(recordItemNumbers([item("1.", "A"), item("3.1", "B"), item(null, "C")], "x.txt"), [
    "1",
    "3.1",
    "3",
  ]);
  assert.throws(
    () => recordItemNumbers([item("2", "Budget"), item("2", "Eventuelt")], "referat.pdf"),
    /^Error: referat\.pdf: the item number 2 appears twice \("Eventuelt"\)/,
  );
  assert.throws(() => recordItemNumbers([item("II", "A")], "r.txt"), /r\.txt: item 1 has the number "II"/);
});
