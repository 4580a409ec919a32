import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachStore } from "../../../test/support/databases.ts";
import { makeOrganization, makePerson, secretariat } from "../../../test/support/factories.ts";
import { asSecretariat, testServer } from "../../../test/support/test-server.ts";
import { saveAgendaSettings } from "../../core/agenda/agenda-settings.ts";
import { createMembership } from "../../core/memberships/memberships.ts";

const token = () => randomBytes(18).toString("base64url");

type Fields = Record<string, string | string[]>;

function encode(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  return params.toString();
}

function post(app: FastifyInstance, url: string, fields: Fields, submission = token()) {
  return app.inject({
    method: "POST",
    url,
    headers: { ...asSecretariat, "content-type": "application/x-www-form-urlencoded" },
    payload: encode({ _submission: submission, ...fields }),
  });
}

function get(app: FastifyInstance, url: string) {
  return app.inject({ url, headers: asSecretariat });
}

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----samraad${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(app: FastifyInstance, itemId: string, file: { name: string; type: string; bytes: Buffer }) {
  const body = multipart({ _submission: token() }, file);
  return app.inject({
    method: "POST",
    url: `/sekretariat/punkter/${itemId}/bilag`,
    headers: { ...asSecretariat, "content-type": body.contentType },
    payload: body.payload,
  });
}

const itemIdsOf = (page: string) => [...page.matchAll(/id="punkt-([0-9a-f-]{36})"/g)].map((m) => m[1] ?? "");

function storedBlobs(dataDir: string): number {
  const root = path.join(dataDir, "files");
  if (!fs.existsSync(root)) return 0;
  return fs.readdirSync(root).reduce((n, dir) => n + fs.readdirSync(path.join(root, dir)).length, 0);
}

const MAX_UPLOAD = 4096;

forEachStore("the secretariat's workspace", (store) => {
  let app: FastifyInstance;
  let bodyId: string;
  let otherBodyId: string;
  let meetingId: string;
  before(async () => {
    app = await testServer(store(), MAX_UPLOAD);
    const { db } = store();
    const body = await makeOrganization(db, "KD-Net Testnetværk");
    const other = await makeOrganization(db, "KKR Testråd");
    bodyId = body.id;
    otherBodyId = other.id;
    await saveAgendaSettings(secretariat(db), other.id, { numbering: "flat", standardItems: [] });
    const chair = await makePerson(db, "Anne Formand");
    const member = await makePerson(db, "Bo Medlem");
    const substitute = await makePerson(db, "Cecilie Suppleant");
    const ctx = secretariat(db);
    await createMembership(ctx, {
      personId: chair.id,
      organizationId: bodyId,
      role: "chair",
      startDate: "2020-01-01",
    });
    await createMembership(ctx, {
      personId: member.id,
      organizationId: bodyId,
      role: "member",
      startDate: "2020-01-01",
    });
    await createMembership(ctx, {
      personId: substitute.id,
      organizationId: bodyId,
      role: "substitute",
      principalPersonId: member.id,
      startDate: "2020-01-01",
    });
  });
  after(async () => {
    await app.close();
  });

  test("the workspace needs a signed-in secretariat", async () => {
    const response = await app.inject({ url: "/sekretariat" });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /<html lang="da">/);
    assert.match(response.body, /href="\/log-ind\?next=%2Fsekretariat"/);
  });

  test("pages render in Danish with headings and labelled fields, and in English on request", async () => {
    const overview = await get(app, "/sekretariat");
    assert.equal(overview.statusCode, 200);
    assert.match(overview.body, /<html lang="da">/);
    assert.match(overview.body, /<h1>Sekretariatet<\/h1>/);
    assert.match(overview.body, new RegExp(`href="/sekretariat/organer/${bodyId}"`));
    const body = await get(app, `/sekretariat/organer/${bodyId}?aar=2030`);
    assert.equal(body.statusCode, 200);
    assert.match(body.body, /<h2 id="moeder">Møder i 2030<\/h2>/);
    for (const id of ["felt-title", "felt-date", "felt-startTime", "felt-location"]) {
      assert.match(body.body, new RegExp(`<label for="${id}">`), id);
      assert.match(body.body, new RegExp(`id="${id}"`), id);
    }
    assert.match(body.body, /<legend>Nummerering<\/legend>/);
    const english = await get(app, "/sekretariat?lang=en");
    assert.match(english.body, /<html lang="en">/);
    assert.match(english.body, /<h1>The secretariat<\/h1>/);
  });

  test("a new meeting gets the body's standard items; a bad date is reported at its field", async () => {
    const bad = await post(app, `/sekretariat/organer/${bodyId}/moeder`, {
      title: "Møde",
      date: "2030-02-30",
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /<a href="#felt-date">Skriv datoen som åååå-mm-dd/);
    assert.match(bad.body, /aria-describedby="felt-date-hint felt-date-fejl"/);

    const created = await post(app, `/sekretariat/organer/${bodyId}/moeder`, {
      title: "Møde i KD-Net",
      date: "2030-04-09",
      startTime: "09:00",
      endTime: "12:00",
      location: "Regionshuset",
    });
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    assert.match(location, /^\/sekretariat\/moeder\/[0-9a-f-]{36}$/);
    meetingId = location.split("/").at(-1) ?? "";
    const page = await get(app, location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /tirsdag den 9\. april 2030 kl\. 09\.00/);
    assert.match(page.body, /Godkendelse af dagsorden/);
    assert.match(page.body, /Eventuelt/);
    assert.match(page.body, /<label for="felt-title">Titel/);
    assert.match(page.body, /aria-current="step"><strong>Planlagt<\/strong>/);
  });

  test("a form posted twice adds one item and sends the second post to the first one's result", async () => {
    const before = itemIdsOf((await get(app, `/sekretariat/moeder/${meetingId}`)).body).length;
    const submission = token();
    const first = await post(
      app,
      `/sekretariat/moeder/${meetingId}/punkter`,
      { title: "Trafikplan", isPublic: "1" },
      submission,
    );
    const second = await post(
      app,
      `/sekretariat/moeder/${meetingId}/punkter`,
      { title: "Trafikplan", isPublic: "1" },
      submission,
    );
    assert.equal(first.statusCode, 303);
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, first.headers.location);
    const page = (await get(app, `/sekretariat/moeder/${meetingId}`)).body;
    assert.equal(itemIdsOf(page).length, before + 1);
    assert.equal(page.match(/>Trafikplan<\/a>/g)?.length, 1);
    // Inserted before the closing standard items, numbered in order.
    assert.match(page, /3<\/span>\s*<a class="agenda-item__title" href="[^"]+">Trafikplan<\/a>/);
    const missing = await app.inject({
      method: "POST",
      url: `/sekretariat/moeder/${meetingId}/punkter`,
      headers: { ...asSecretariat, "content-type": "application/x-www-form-urlencoded" },
      payload: "title=Uden+token",
    });
    assert.equal(missing.statusCode, 400);
  });

  async function itemNamed(title: string): Promise<string> {
    const page = (await get(app, `/sekretariat/moeder/${meetingId}`)).body;
    const match = new RegExp(`href="/sekretariat/punkter/([0-9a-f-]{36})">${title}</a>`).exec(page);
    assert.ok(match?.[1], `item ${title} on the agenda`);
    return match[1];
  }

  test("script in a section is stored as text and never reaches a page as markup", async () => {
    const itemId = await itemNamed("Trafikplan");
    const evil = `Se **planen**.\n\n<script>alert("x")</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))`;
    const preview = await post(app, `/sekretariat/punkter/${itemId}`, {
      action: "preview",
      title: "Trafikplan",
      isPublic: "1",
      background: evil,
      caseMode: "none",
    });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<strong>planen<\/strong>/);
    assert.doesNotMatch(preview.body, /<script>alert|<img src=x|href="javascript:/);
    const saved = await post(app, `/sekretariat/punkter/${itemId}`, {
      action: "save",
      title: "Trafikplan",
      isPublic: "1",
      background: evil,
      caseMode: "new",
      newCaseTitle: "Trafikplan for Midtjylland",
      newCaseReference: "SAG-2030-1",
      casePurpose: "decision",
    });
    assert.equal(saved.statusCode, 303);
    const [row] = await store().db.query<{ background: string }>(
      "SELECT background FROM agenda_items WHERE id = $1",
      [itemId],
    );
    assert.equal(row?.background, evil);
    for (const url of [`/sekretariat/punkter/${itemId}`, `/sekretariat/moeder/${meetingId}`]) {
      const page = (await get(app, url)).body;
      assert.doesNotMatch(page, /<script>alert|<img src=x/, url);
    }
    assert.match((await get(app, `/sekretariat/punkter/${itemId}`)).body, /&lt;script&gt;alert/);
  });

  test("an oversized attachment is refused with a Danish 413 page and nothing is stored", async () => {
    const itemId = await itemNamed("Trafikplan");
    const blobs = storedBlobs(store().dataDir);
    const response = await upload(app, itemId, {
      name: "stor.pdf",
      type: "application/pdf",
      bytes: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(MAX_UPLOAD * 2, 0x20)]),
    });
    assert.equal(response.statusCode, 413);
    assert.match(response.body, /<html lang="da">/);
    assert.match(response.body, /Filen er for stor\. Den må højst fylde 4 kB\. Filen er ikke gemt\./);
    assert.match(response.body, /<a href="#felt-file">/);
    const [files] = await store().db.query<{ n: number }>("SELECT count(*)::int AS n FROM files");
    assert.equal(files?.n, 0);
    assert.equal(storedBlobs(store().dataDir), blobs);
  });

  test("a disguised attachment is refused and nothing is stored; a real one is listed under the item", async () => {
    const itemId = await itemNamed("Trafikplan");
    const disguised = await upload(app, itemId, {
      name: "budget.pdf",
      type: "application/pdf",
      bytes: Buffer.from("MZ\x90\x00 this is a Windows program, not a PDF"),
    });
    assert.equal(disguised.statusCode, 415);
    assert.match(
      disguised.body,
      /Filen «budget\.pdf» hedder \.pdf, men indholdet er ikke en PDF-fil\. Filen er ikke gemt\./,
    );
    const program = await upload(app, itemId, {
      name: "virus.exe",
      type: "application/octet-stream",
      bytes: Buffer.from("MZ"),
    });
    assert.equal(program.statusCode, 415);
    assert.match(program.body, /Filtypen kan ikke bruges/);
    const [none] = await store().db.query<{ n: number }>("SELECT count(*)::int AS n FROM files");
    assert.equal(none?.n, 0);
    assert.equal(storedBlobs(store().dataDir), 0);

    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    const accepted = await upload(app, itemId, {
      name: "Bilag 1 - Trafikplan.pdf",
      type: "application/pdf",
      bytes: pdf,
    });
    assert.equal(accepted.statusCode, 303);
    const page = (await get(app, `/sekretariat/punkter/${itemId}`)).body;
    const link = /<a href="(\/sekretariat\/filer\/[0-9a-f-]{36})">Bilag 1 - Trafikplan\.pdf<\/a>/.exec(page);
    assert.ok(link?.[1]);
    const download = await get(app, link[1]);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers["content-type"], "application/pdf");
    assert.deepEqual(download.rawPayload, pdf);
  });

  test("publishing makes version 1; an edit then needs a note and makes version 2 with it", async () => {
    const published = await post(app, `/sekretariat/moeder/${meetingId}/offentliggoer-dagsorden`, {});
    assert.equal(published.statusCode, 303);
    const itemId = await itemNamed("Trafikplan");
    const edit = {
      action: "save",
      title: "Trafikplan 2030",
      isPublic: "1",
      caseMode: "existing",
      caseId: "",
    };
    const withoutCase = await post(app, `/sekretariat/punkter/${itemId}`, edit);
    assert.equal(withoutCase.statusCode, 400);
    const item = (await get(app, `/sekretariat/punkter/${itemId}`)).body;
    const caseId =
      /<option value="([0-9a-f-]{36})" selected>Trafikplan for Midtjylland/.exec(item)?.[1] ?? "";
    const noNote = await post(app, `/sekretariat/punkter/${itemId}`, { ...edit, caseId });
    assert.equal(noNote.statusCode, 400);
    assert.match(
      noNote.body,
      /<a href="#felt-note">Dagsordenen er offentliggjort: skriv, hvad der er ændret<\/a>/,
    );
    const withNote = await post(app, `/sekretariat/punkter/${itemId}`, {
      ...edit,
      caseId,
      note: "Årstallet er tilføjet titlen",
    });
    assert.equal(withNote.statusCode, 303);
    const versions = (await get(app, `/sekretariat/moeder/${meetingId}/udgaver`)).body;
    assert.match(versions, /Udgave 2, offentliggjort/);
    assert.match(versions, /Årstallet er tilføjet titlen/);
    assert.match(
      versions,
      /<ins><span class="visually-hidden">\[indsat: <\/span>2030<span class="visually-hidden">\]<\/span><\/ins>/,
    );

    // A move on a published agenda asks what changed before it is made.
    const move = await post(app, `/sekretariat/punkter/${itemId}/flyt`, { retning: "op" });
    assert.equal(move.statusCode, 200);
    assert.match(move.body, /<h1>Hvad er ændret\?<\/h1>/);
    assert.match(move.body, /value="Punkt 3 \(Trafikplan 2030\) er flyttet op\."/);
  });

  test("the case is sent on and waits at the other body", async () => {
    const itemId = await itemNamed("Trafikplan 2030");
    const bad = await post(app, `/sekretariat/punkter/${itemId}/send-videre`, {
      target: `body:${otherBodyId}`,
      date: "2001-01-01",
      purpose: "decision",
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#felt-date">/);
    const sent = await post(app, `/sekretariat/punkter/${itemId}/send-videre`, {
      target: `body:${otherBodyId}`,
      date: "2030-05-20",
      purpose: "decision",
    });
    assert.equal(sent.statusCode, 303);
    const other = (await get(app, `/sekretariat/organer/${otherBodyId}`)).body;
    assert.match(other, /<h3>Trafikplan for Midtjylland <span class="meta">\(SAG-2030-1\)<\/span><\/h3>/);
    assert.match(other, /Planlagt til 20\. maj 2030, til beslutning\. Sendt fra KD-Net Testnetværk\./);
    const path = (await get(app, `/sekretariat/punkter/${itemId}`)).body;
    assert.match(path, /20\. maj 2030: KKR Testråd, til beslutning <span class="badge">planlagt<\/span>/);
  });

  test("minutes: decisions, a substitute, a conflict; approval fixes them; a correction is a new version with its difference", async () => {
    const itemId = await itemNamed("Trafikplan 2030");
    const held = await post(app, `/sekretariat/moeder/${meetingId}/afholdt`, {});
    assert.equal(held.statusCode, 303, held.body.slice(held.body.indexOf("<main")));
    const minutes = (await get(app, `/sekretariat/moeder/${meetingId}/referat`)).body;
    assert.match(minutes, /<legend>Bo Medlem \(medlem\)<\/legend>/);
    assert.match(minutes, /<option value="[0-9a-f-]{36}">Cecilie Suppleant<\/option>/);
    const items = [...minutes.matchAll(/name="item_(\d+)" value="([0-9a-f-]{36})"/g)];
    const index = items.find((m) => m[2] === itemId)?.[1] ?? "";
    assert.notEqual(index, "", `${items.length} items in the minutes form`);
    const person = (name: string) =>
      new RegExp(`<option value="([0-9a-f-]{36})">${name}</option>`).exec(minutes)?.[1] ?? "";
    const people = [...minutes.matchAll(/name="person_(\d+)" value="([0-9a-f-]{36})"/g)];
    const attendance: Fields = {};
    for (const [, i, id] of people) {
      attendance[`person_${i}`] = id ?? "";
      attendance[`status_${i}`] = "present";
    }
    // The chair comes first, then Bo Medlem, who sent apologies and was substituted.
    assert.equal(people[1]?.[2], person("Bo Medlem"));
    attendance.status_1 = "excused";
    attendance.substitute_1 = person("Cecilie Suppleant");
    const recorded = await post(app, `/sekretariat/moeder/${meetingId}/fremmoede`, attendance);
    assert.equal(recorded.statusCode, 303, recorded.body.slice(recorded.body.indexOf("<main")));
    const decisions = await post(app, `/sekretariat/moeder/${meetingId}/beslutninger`, {
      [`item_${index}`]: itemId,
      [`decision_${index}`]: "KD-Net godkendte trafikplanen.",
      [`outcome_${index}`]: "approved",
    });
    assert.equal(decisions.statusCode, 303, decisions.body.slice(decisions.body.indexOf("<main")));
    const conflict = await post(app, `/sekretariat/moeder/${meetingId}/inhabilitet`, {
      itemId,
      personId: person("Anne Formand"),
      conflictNote: "Bestyrelsesmedlem i trafikselskabet",
    });
    assert.equal(conflict.statusCode, 303);
    assert.equal((await post(app, `/sekretariat/moeder/${meetingId}/godkend-referat`, {})).statusCode, 303);

    const approved = (await get(app, `/sekretariat/moeder/${meetingId}/referat`)).body;
    assert.match(approved, /Referatet er godkendt og ligger fast\./);
    assert.match(approved, /Cecilie Suppleant: Til stede \(stedfortræder for Bo Medlem\)/);
    assert.match(approved, /<strong>Inhabil:<\/strong> Anne Formand \(Bestyrelsesmedlem i trafikselskabet\)/);
    const late = await post(app, `/sekretariat/moeder/${meetingId}/beslutninger`, {
      [`item_${index}`]: itemId,
      [`decision_${index}`]: "Ændret bagefter",
    });
    assert.equal(late.statusCode, 409);

    const correction = {
      [`item_${index}`]: itemId,
      [`decision_${index}`]: "KD-Net godkendte trafikplanen med ændringer.",
      [`outcome_${index}`]: "approved_with_changes",
    };
    const noReason = await post(app, `/sekretariat/moeder/${meetingId}/rettelse`, correction);
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /<a href="#felt-reason">Skriv begrundelsen for rettelsen<\/a>/);
    const corrected = await post(app, `/sekretariat/moeder/${meetingId}/rettelse`, {
      ...correction,
      reason: "Beslutningen var gengivet ufuldstændigt",
    });
    assert.equal(corrected.statusCode, 303);
    assert.equal(corrected.headers.location, `/sekretariat/moeder/${meetingId}/udgaver#referat-2`);
    const versions = (await get(app, `/sekretariat/moeder/${meetingId}/udgaver`)).body;
    assert.match(versions, /Udgave 2, rettet/);
    assert.match(versions, /<strong>Begrundelse:<\/strong> Beslutningen var gengivet ufuldstændigt/);
    assert.match(
      versions,
      /<ins><span class="visually-hidden">\[indsat: <\/span>med ændringer<span class="visually-hidden">\]<\/span><\/ins>/,
    );
    assert.match(
      versions,
      /<del><span class="visually-hidden">\[slettet: <\/span>Godkendt<span class="visually-hidden">\]<\/span><\/del> <ins><span class="visually-hidden">\[indsat: <\/span>Godkendt med ændringer/,
    );
  });
});

describe("meeting times from the form", () => {
  test("are Copenhagen wall-clock times; no start time means all day", async () => {
    const { parseMeetingTime } = await import("./meeting-time.ts");
    assert.deepEqual(parseMeetingTime("2030-04-09", "09:00", "12:00"), {
      start: "2030-04-09T09:00:00+02:00",
      end: "2030-04-09T12:00:00+02:00",
      allDay: false,
    });
    assert.deepEqual(parseMeetingTime("2030-01-22", "", ""), {
      start: "2030-01-22T00:00:00+01:00",
      end: null,
      allDay: true,
    });
    assert.equal(parseMeetingTime("2030-02-30", "", "").error, "date");
    assert.equal(parseMeetingTime("2030-02-03", "10:00", "09:00").error, "endBeforeStart");
  });
});
