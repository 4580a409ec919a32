import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { forEachStore } from "../../test/support/databases.ts";
import {
  assertPageFooters,
  assertTocMatchesHeadings,
  everythingReadable,
  tableOfContents,
} from "../../test/support/document-checks.ts";
import {
  buildDocumentMeeting,
  CLOSED_ATTACHMENT_PAGES,
  type DocumentMeeting,
  MARKER,
  OPEN_ATTACHMENT_PAGES,
} from "../../test/support/document-fixtures.ts";
import { makeOrganization, publicReader, secretariat, withRoles } from "../../test/support/factories.ts";
import { outlineTitles, type ReadPdf, readPdf } from "../../test/support/pdf-reader.ts";
import type { FileContext } from "../core/files/files.ts";
import type { DocumentEdition, DocumentKind, MeetingDocument } from "./meeting-document.ts";
import { documentFileName, meetingPdf } from "./meeting-pdf.ts";

const ITEM_HEADINGS = [
  "1. Godkendelse af dagsorden",
  "2. Godkendelse af referat fra mødet den 13. september 2016",
  "3.1. Børnehus Midtjylland – aktiviteter og drift 2021-22",
  "4. Rammeaftalen – ny form og indhold",
  "5. Eventuelt",
];

/** Tagged, with its language and title: what EN 301 549 asks of a published PDF. */
function assertAccessible(pdf: ReadPdf, title: string): void {
  assert.equal(pdf.marked, true, "MarkInfo /Marked true");
  assert.equal(pdf.catalog.structTreeRoot, true, "the catalog has a structure tree");
  assert.equal(pdf.catalog.lang, "da-DK");
  assert.equal(pdf.catalog.displayDocTitle, true, "viewers show the title, not the file name");
  assert.equal(pdf.info.Title, title);
  const roles = new Set(pdf.structureRoles.flatMap((page) => page ?? []));
  for (const role of ["Document", "H1", "H2", "H3", "P", "L", "LI", "TOC", "TOCI", "Link"]) {
    assert.ok(roles.has(role), `the structure tree has ${role}`);
  }
}

function assertWellFormed(pdf: ReadPdf): void {
  assertPageFooters(pdf);
  const toc = tableOfContents(pdf);
  assertTocMatchesHeadings(pdf, toc);
  for (const heading of ITEM_HEADINGS) {
    assert.ok(
      toc.lines.some((line) => `${line.number}. ${line.title}` === heading),
      `the contents list ${heading}`,
    );
  }
  const titles = outlineTitles(pdf.outline);
  for (const heading of [...ITEM_HEADINGS, "3. Regionalpolitiske sager", "Indholdsfortegnelse"]) {
    assert.equal(titles.filter((title) => title === heading).length, 1, `one bookmark for ${heading}`);
  }
  const group = pdf.outline.find((node) => node.title === "3. Regionalpolitiske sager");
  assert.equal(group?.items.length, 2, "the group's two items are bookmarked under it");
}

function assertNothingOfTheClosedItem(pdf: ReadPdf, bytes: Uint8Array): void {
  const readable = everythingReadable(pdf, outlineTitles(pdf.outline));
  assert.ok(!readable.includes(MARKER), "no page, bookmark, link text or metadata holds the marker");
  assert.ok(!readable.includes("Lukket bilag"), "the closed item's attachment is not appended");
  const raw = Buffer.from(bytes);
  assert.ok(!raw.includes(MARKER, 0, "latin1"), "nor any byte of the file, as Latin-1");
  assert.ok(!raw.includes(Buffer.from(MARKER, "utf16le").swap16()), "nor as UTF-16");
  assert.ok(
    pdf.pages.flat().includes("3.2. Lukket punkt"),
    "the closed item shows as its number and Lukket punkt",
  );
}

function pageWith(pdf: ReadPdf, text: string): number {
  return pdf.pages.findIndex((lines) => lines.some((line) => line.includes(text))) + 1;
}

/** The page a heading is printed on (its line alone, not a contents line ending in a page number). */
function headingPage(pdf: ReadPdf, heading: string): number {
  return pdf.pages.findIndex((lines) => lines.includes(heading)) + 1;
}

function pagesWith(pdf: ReadPdf, text: string): number {
  return pdf.pages.filter((lines) => lines.some((line) => line.includes(text))).length;
}

forEachStore("agenda and minutes as PDF", (store) => {
  let meeting: DocumentMeeting;
  const as = (reader: "secretariat" | "anonymous"): FileContext => {
    const { db, files } = store();
    return { ...(reader === "secretariat" ? secretariat(db) : publicReader(db)), files };
  };
  const render = async (
    kind: DocumentKind,
    edition: DocumentEdition,
    options: { withAttachments?: boolean; reader?: "secretariat" | "anonymous" } = {},
  ) => {
    const pdf = await meetingPdf(
      as(options.reader ?? (edition === "members" ? "secretariat" : "anonymous")),
      {
        meetingId: meeting.meetingId,
        kind,
        edition,
        withAttachments: options.withAttachments ?? false,
      },
    );
    return { ...pdf, read: await readPdf(pdf.bytes) };
  };

  before(async () => {
    meeting = await buildDocumentMeeting(store());
  });

  test("before it is published, an agenda exists only in the members' edition, as a draft", async () => {
    await assert.rejects(render("agenda", "public"), { code: "document.not_available" });
    await assert.rejects(render("agenda", "members", { reader: "anonymous" }), { code: "auth.required" });
    await assert.rejects(render("minutes", "members"), { code: "document.not_available" });
    const draft = await render("agenda", "members");
    assert.ok(draft.read.pages[0]?.some((line) => line.startsWith("Udkast.")));
    assert.match(draft.read.pages[0]?.at(-1) ?? "", /· Medlemsudgave · Udkast Side 1 af/);
  });

  test("the published agenda: front page, contents with true pages, bookmarks, tags, footers", async () => {
    await meeting.advanceTo("agenda_published");
    const { read: pdf, bytes, asciiFileName, fileName } = await render("agenda", "public");
    assertAccessible(pdf, "Dagsorden: KKR Midtjylland, 6. maj 2021");
    assertWellFormed(pdf);
    assertNothingOfTheClosedItem(pdf, bytes);
    assert.deepEqual(pdf.pages[0]?.slice(0, 6), [
      "Dagsorden",
      "KKR Midtjylland",
      "Møde i KKR Midtjylland",
      "Dato: torsdag den 6. maj 2021",
      "Tid: kl. 10.00–13.00",
      "Sted: Scandic, Udgårdsvej 2, 8600 Silkeborg",
    ]);
    const text = pdf.pages.flat().join("\n");
    assert.match(text, /Sag: SAG-2021-04709, Rammeaftale for det sociale område/);
    assert.match(text, /Oplæg ved: Jesper Kaas Schmidt/);
    for (const heading of ["Baggrund", "Indstilling", "Sagsfremstilling", "Økonomi", "Bilag"]) {
      assert.ok(pdf.pages.flat().includes(heading), `the section heading ${heading}`);
    }
    assert.match(text, /• KKR Midtjylland tager Børnehusets redegørelse til efterretning/);
    assert.doesNotMatch(text, /\*/, "Markdown is typeset, not printed");
    assert.match(text, /• Rammeaftale – udkast\.pdf \(PDF, \d+(,\d)? kB\)/);
    assert.match(text, /• Økonomioverblik\.docx \(Word, 22 byte\)/);
    assert.doesNotMatch(text, /Beslutning|Dagsordenen blev godkendt/, "an agenda holds no decisions");
    assert.ok(pageWith(pdf, "Afsnit 14.") > pageWith(pdf, "Afsnit 1."), "the long item runs over a page");
    assert.equal(asciiFileName, "dagsorden-kkr-midtjylland-2021-05-06.pdf");
    assert.equal(fileName, asciiFileName);
  });

  test("the members' edition holds the closed item in full", async () => {
    const { read: pdf, asciiFileName } = await render("agenda", "members");
    assertAccessible(pdf, "Dagsorden: KKR Midtjylland, 6. maj 2021");
    assertWellFormed(pdf);
    const text = pdf.pages.flat().join("\n");
    for (const part of [
      `3.2. Personsag om ${MARKER}`,
      "Lukket punkt. Må ikke offentliggøres.",
      `Sag: SAG-${MARKER}, Sagen om ${MARKER}`,
      `Oplæg ved: Konsulent ${MARKER}`,
      `Baggrund: ${MARKER} i baggrunden.`,
      `Sagsfremstilling om ${MARKER}.`,
      `Økonomi for ${MARKER}.`,
      `• Notat om ${MARKER}.pdf`,
    ]) {
      assert.ok(text.includes(part), `the members' edition shows "${part}"`);
    }
    assert.ok(outlineTitles(pdf.outline).includes(`3.2. Personsag om ${MARKER}`));
    assert.equal(asciiFileName, "dagsorden-kkr-midtjylland-2021-05-06-medlemmer.pdf");
  });

  test("the members' edition is for the body's members and secretariat: 401 for the public, 403 for others", async () => {
    const { db, files } = store();
    const other = await makeOrganization(db);
    const request = {
      meetingId: meeting.meetingId,
      kind: "agenda",
      edition: "members",
      withAttachments: false,
    } as const;
    await assert.rejects(meetingPdf({ ...publicReader(db), files }, request), { code: "auth.required" });
    await assert.rejects(meetingPdf({ ...withRoles(db, { [other.id]: "secretariat" }), files }, request), {
      code: "auth.forbidden",
    });
    const member = await meetingPdf(
      { ...withRoles(db, { [meeting.organizationId]: "member" }), files },
      request,
    );
    assert.ok((await readPdf(member.bytes)).pages.flat().includes(`3.2. Personsag om ${MARKER}`));
    const outsider = await meetingPdf(
      { ...withRoles(db, { [other.id]: "member" }), files },
      {
        ...request,
        edition: "public",
      },
    );
    assert.ok(!(await readPdf(outsider.bytes)).pages.flat().join("\n").includes(MARKER));
  });

  test("minutes: the members' draft once the meeting is held, the public's once published", async () => {
    await meeting.advanceTo("held");
    await assert.rejects(render("minutes", "public"), { code: "document.not_available" });
    const draft = await render("minutes", "members");
    assert.ok(draft.read.pages.flat().includes(`Beslutning om ${MARKER}.`));
    assert.ok(
      draft.read.pages[0]?.some((line) => line.startsWith("Udkast. Referatet er ikke godkendt endnu.")),
    );

    await meeting.advanceTo("minutes_published");
    const { read: pdf, bytes } = await render("minutes", "public");
    assertAccessible(pdf, "Referat: KKR Midtjylland, 6. maj 2021");
    assertWellFormed(pdf);
    assertNothingOfTheClosedItem(pdf, bytes);
    const lines = pdf.pages.flat();
    for (const line of [
      "Deltagere",
      "• Anders Kühnau",
      "• Hans Minor Vedel, stedfortræder for Rasmus Møller",
      "Afbud",
      "• Rasmus Møller",
      "Beslutning",
      "Taget til efterretning.",
      "KKR Midtjylland tog redegørelsen til efterretning.",
    ]) {
      assert.ok(lines.includes(line), `the minutes show "${line}"`);
    }
    assert.ok(!pdf.pages.flat().some((line) => line.startsWith("Udkast")));
  });

  test("the combined edition appends the PDF attachments after their item and numbers on", async () => {
    const { read: pdf, asciiFileName } = await render("minutes", "public", { withAttachments: true });
    assert.equal(pagesWith(pdf, "Rammeaftalebilag side"), OPEN_ATTACHMENT_PAGES);
    assertAccessible(pdf, "Referat: KKR Midtjylland, 6. maj 2021");
    assertWellFormed(pdf);
    assertNothingOfTheClosedItem(pdf, new Uint8Array());
    const item = headingPage(pdf, "4. Rammeaftalen – ny form og indhold");
    const next = headingPage(pdf, "5. Eventuelt");
    for (let page = 1; page <= OPEN_ATTACHMENT_PAGES; page++) {
      const at = pageWith(pdf, `Rammeaftalebilag side ${page}`);
      assert.equal(at, item + page, `attachment page ${page} follows its item`);
      assert.match(
        pdf.pages[at - 1]?.join("\n") ?? "",
        new RegExp(`Bilag til punkt 4 · Side ${at} af ${pdf.pageCount}`),
      );
    }
    assert.equal(next, item + OPEN_ATTACHMENT_PAGES + 1, "the next item starts after the attachment");
    const toc = tableOfContents(pdf);
    assert.deepEqual(
      toc.lines.find((line) => line.title === "Bilag: Rammeaftale – udkast.pdf"),
      { number: null, title: "Bilag: Rammeaftale – udkast.pdf", page: item + 1 },
    );
    assert.match(
      pdf.pages.flat().join("\n"),
      new RegExp(
        `• Rammeaftale – udkast\\.pdf \\(PDF, \\d+(,\\d)? kB\\) vedlagt side ${item + 1}–${item + 3}`,
      ),
    );
    const itemBookmark = pdf.outline.find((node) => node.title === "4. Rammeaftalen – ny form og indhold");
    assert.deepEqual(
      itemBookmark?.items.map((node) => node.title),
      ["Bilag: Rammeaftale – udkast.pdf"],
    );
    assert.equal(asciiFileName, "referat-kkr-midtjylland-2021-05-06-med-bilag.pdf");

    const members = await render("minutes", "members", { withAttachments: true });
    const closedItem = headingPage(members.read, `3.2. Personsag om ${MARKER}`);
    const closedAttachment = pageWith(members.read, `Lukket bilag ${MARKER} side 1`);
    assert.ok(closedAttachment > closedItem, "the members' edition appends the closed item's attachment");
    assert.equal(pagesWith(members.read, "Lukket bilag"), CLOSED_ATTACHMENT_PAGES);
    assert.equal(pagesWith(members.read, "Rammeaftalebilag side"), OPEN_ATTACHMENT_PAGES);
    assertPageFooters(members.read);
  });
});

describe("document file names", () => {
  const named = (name: string, shortName: string | null) =>
    ({
      kind: "minutes",
      edition: "public",
      isoDate: "2021-01-22",
      body: { name, shortName },
    }) as MeetingDocument;

  test("Danish letters are spelled out in the ASCII name and kept in the UTF-8 one", () => {
    const model = named("Rådet for Fremtidens Kompetencer – Midtjylland", "Rådet");
    assert.equal(documentFileName(model, false, true), "referat-raadet-2021-01-22.pdf");
    assert.equal(documentFileName(model, true, false), "referat-rådet-2021-01-22-med-bilag.pdf");
  });

  test("a short enough name says more than a short name", () => {
    assert.equal(
      documentFileName(named("KKR Midtjylland", "KKR"), false, true),
      "referat-kkr-midtjylland-2021-01-22.pdf",
    );
    assert.equal(
      documentFileName(named("Kommunaldirektørnetværket i den midtjyske region", "KD-Net"), false, true),
      "referat-kd-net-2021-01-22.pdf",
    );
  });
});
