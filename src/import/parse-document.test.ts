/**
 * `parseDocument` on the project's own fixtures, one per format, in layouts other than the
 * seeds: FirstAgenda, SBSYS (Windows-1252), a regional council in HTML, Word minutes, and a
 * pdfkit agenda with page furniture.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { parseDocument } from "./parse-document.ts";
import type { ParsedItem, ParsedMeeting } from "./parsed-meeting.ts";

const fixtures = new URL("../../test/fixtures/import/", import.meta.url);

async function parseFixture(name: string): Promise<ParsedMeeting> {
  return parseDocument(new Uint8Array(readFileSync(new URL(name, fixtures))), name);
}

function item(meeting: ParsedMeeting, number: string): ParsedItem {
  const found = meeting.items.find((candidate) => candidate.number === number);
  assert.ok(found, `item ${number} in ${meeting.items.map((i) => i.number).join(", ")}`);
  return found;
}

describe("UTF-8 text: FirstAgenda minutes (Punkt N:, Sagsnr. below, decision before the case)", async () => {
  const meeting = await parseFixture("firstagenda-oekonomiudvalget.txt");

  test("reads the header", () => {
    assert.equal(meeting.kind, "minutes");
    assert.equal(meeting.body, "Økonomiudvalget");
    assert.equal(meeting.date, "2023-03-14");
    assert.equal(meeting.start, "2023-03-14T16:00:00+01:00");
    assert.equal(meeting.end, "2023-03-14T18:30:00+01:00");
    assert.equal(meeting.location, "Rådhuset, mødelokale 1");
    assert.equal(meeting.source.encoding, "utf-8");
  });

  test("reads attendance: absent and a substitute (X for Y)", () => {
    assert.deepEqual(meeting.attendance.absent, ["Bo Johansen"]);
    assert.deepEqual(meeting.attendance.substitutes, [{ name: "Lars Vilbrad", for: "Bo Johansen" }]);
    assert.ok(meeting.attendance.present.includes("Anne Holm"));
  });

  test("takes items from the headings, not from the table of contents", () => {
    assert.deepEqual(
      meeting.items.map((i) => [i.number, i.title]),
      [
        ["1", "Godkendelse af dagsorden"],
        ["2", "Budgetopfølgning pr. 28. februar 2023"],
        ["3", "Anlægsbevilling til ny daginstitution i Vestbyen"],
        ["4", "Salg af grund ved havnen"],
      ],
    );
  });

  test("case numbers on the line under the heading", () => {
    assert.deepEqual(
      meeting.items.map((i) => i.caseNumber),
      ["23/4521", "EMN-2025-008468", "22/18734", "23/1002"],
    );
  });

  test("the decision placed before the case presentation is this meeting's", () => {
    const two = item(meeting, "2");
    assert.equal(two.sections.decision, "Udvalget tog orienteringen til efterretning.");
    assert.equal(two.outcome, "noted");
    assert.deepEqual(two.absent, ["Karen Dahl"]);
    assert.match(two.sections.casePresentation ?? "", /mindreforbrug/);
  });

  test("lettered sub-points stay inside the item", () => {
    assert.match(
      item(meeting, "2").sections.casePresentation ?? "",
      /a\) serviceudgifter[\s\S]*e\) likviditet/,
    );
    assert.equal(meeting.items.length, 4);
  });

  test("an attachment named Indstilling is an attachment, not the recommendation", () => {
    const two = item(meeting, "2");
    assert.deepEqual(two.attachments, ["Indstilling", "Budgetopfølgning februar 2023"]);
    assert.match(two.sections.recommendation ?? "", /^Direktionen indstiller/);
  });

  test("Sagsforløb and another body's decision are history, not this item's decision", () => {
    const three = item(meeting, "3");
    assert.equal(three.sections.decision, "Anbefales over for Byrådet.");
    assert.equal(three.outcome, "recommended_onward");
    assert.match(three.sections.history ?? "", /Børne- og Ungeudvalget behandlede sagen/);
    assert.match(
      three.sections.history ?? "",
      /Beslutning i Børne- og Ungeudvalget den 01-02-2023\nGodkendt\./,
    );
  });

  test("items under Lukket dagsorden are closed; the meeting's closing line is not item text", () => {
    assert.deepEqual(
      meeting.items.map((i) => i.closed),
      [false, false, false, true],
    );
    const four = item(meeting, "4");
    assert.equal(four.outcome, "postponed");
    assert.doesNotMatch(four.sections.casePresentation ?? "", /Mødet sluttede/);
  });

  test("page furniture is gone, and the table of contents matched the headings", () => {
    assert.doesNotMatch(JSON.stringify(meeting), /Side 2 af 4/);
    assert.deepEqual(meeting.warnings, []);
  });
});

describe("Windows-1252 text: SBSYS decision protocol with a running series", async () => {
  const meeting = await parseFixture("sbsys-byraad-windows-1252.txt");

  test("detects the encoding and keeps the Danish letters", () => {
    assert.equal(meeting.source.encoding, "windows-1252");
    assert.equal(meeting.body, "Byrådet");
    assert.equal(meeting.title, "Beslutningsprotokol Byrådet");
  });

  test("summer time: +02:00 at the end of March after the switch", () => {
    assert.equal(meeting.start, "2023-03-28T17:00:00+02:00");
  });

  test("running numbers 715-718 and Åbent/Lukket punkt markers", () => {
    assert.deepEqual(
      meeting.items.map((i) => [i.number, i.closed]),
      [
        ["715", false],
        ["716", false],
        ["717", true],
        ["718", false],
      ],
    );
  });

  test("`Sag nr.` under a heading is a case number, not an item", () => {
    assert.equal(item(meeting, "715").caseNumber, "23/2211");
  });

  test("earlier decisions quoted in Sagsforløb do not decide the item", () => {
    const plan = item(meeting, "716");
    assert.equal(plan.sections.decision, "Vedtaget.");
    assert.equal(plan.outcome, "approved");
    assert.match(plan.sections.history ?? "", /Byrådet vedtog den 24. januar 2023/);
    assert.doesNotMatch(plan.sections.decision ?? "", /høring/);
  });

  test("attendance: afbud and a substitute", () => {
    assert.deepEqual(meeting.attendance.absent, ["Hanne Berg"]);
    assert.deepEqual(meeting.attendance.substitutes, [{ name: "Mikkel Strand", for: "Hanne Berg" }]);
  });

  test("a closed item's outcome still comes from its decision", () => {
    assert.equal(item(meeting, "717").outcome, "approved");
    assert.equal(item(meeting, "718").outcome, null);
  });
});

describe("HTML: regional council minutes numbered 1), 2) ...", async () => {
  const meeting = await parseFixture("regionsraad-referat.html");

  test("reads the header", () => {
    assert.equal(meeting.source.format, "html");
    assert.equal(meeting.body, "Regionsrådet");
    assert.equal(meeting.start, "2023-06-21T13:00:00+02:00");
    assert.equal(meeting.end, "2023-06-21T16:30:00+02:00");
    assert.deepEqual(meeting.attendance.absent, ["Jørgen Nørby", "Kaj Refslund"]);
  });

  test("parliamentary numbering; lettered sub-points and list entries are not items", () => {
    assert.deepEqual(
      meeting.items.map((i) => i.number),
      ["1", "2", "3", "4"],
    );
    assert.match(item(meeting, "2").sections.recommendation ?? "", /a\) godkender[\s\S]*c\) beder/);
  });

  test("presenters, the KL journal number, and an outcome with changes", () => {
    const two = item(meeting, "2");
    assert.deepEqual(two.presenters, ["Anders Kühnau", "Mette Valbjørn"]);
    assert.equal(two.journalNumber, "27.12.00-A00-1-21");
    assert.equal(two.caseNumber, "27.12.00-A00-1-21");
    assert.equal(two.outcome, "approved_with_changes");
    assert.deepEqual(two.attachments, ["Forslag til strategi 2024-2027", "Indstilling"]);
  });

  test("`Lukket punkt:` in the heading closes the item and leaves the title", () => {
    const three = item(meeting, "3");
    assert.equal(three.closed, true);
    assert.equal(three.title, "Køb af ejendom");
    assert.equal(item(meeting, "4").outcome, "noted");
  });
});

describe("DOCX: Word minutes of a steering group", async () => {
  const meeting = await parseFixture("word-styregruppe-referat.docx");

  test("reads the header from Word paragraphs", () => {
    assert.equal(meeting.source.format, "docx");
    assert.equal(meeting.kind, "minutes");
    assert.equal(meeting.body, "Styregruppen for Sundhedssamarbejdet");
    assert.equal(meeting.start, "2023-09-05T09:30:00+02:00");
    assert.equal(meeting.end, "2023-09-05T11:30:00+02:00");
    assert.equal(meeting.location, "Teams");
    assert.deepEqual(meeting.attendance.absent, ["Ole Friis"]);
  });

  test("items from the headings, the overview table ignored", () => {
    assert.deepEqual(
      meeting.items.map((i) => [i.number, i.title]),
      [
        ["1", "Velkomst og godkendelse af dagsorden"],
        ["2", "Status på projekter"],
        ["3", "Eventuelt"],
      ],
    );
  });

  test("inline `Beslutning:` and a discussion stated in so many words", () => {
    assert.equal(item(meeting, "1").outcome, "approved");
    const two = item(meeting, "2");
    assert.deepEqual(two.presenters, ["Mette Lund", "Jens Kirk"]);
    assert.equal(two.caseNumber, "SAG-2023-01234");
    assert.equal(two.outcome, "discussed");
    assert.match(two.sections.casePresentation ?? "", /- Fælles akutfunktion/);
    assert.equal(item(meeting, "3").outcome, null);
  });
});

describe("PDF with a text layer: pdfkit agenda with running header and page footers", async () => {
  const meeting = await parseFixture("pdfkit-kultur-dagsorden.pdf");

  test("reads the header", () => {
    assert.equal(meeting.source.format, "pdf");
    assert.equal(meeting.source.pages, 3);
    assert.equal(meeting.kind, "agenda");
    assert.equal(meeting.body, "Kultur- og Fritidsudvalget");
    assert.equal(meeting.title, "Dagsorden Kultur- og Fritidsudvalget");
    assert.equal(meeting.start, "2023-11-07T16:00:00+01:00");
    assert.equal(meeting.location, "Kulturhuset, lokale 2");
  });

  test("items, presenters and case numbers", () => {
    assert.deepEqual(
      meeting.items.map((i) => [i.number, i.title, i.caseNumber]),
      [
        ["1", "Godkendelse af dagsorden", "23/4455"],
        ["2", "Bedre udnyttelse af haller og klubhuse", "23/3310"],
        ["3", "Tilskud til ungdomsklubber 2024", "23/5120"],
        ["4", "Eventuelt", null],
      ],
    );
    assert.deepEqual(item(meeting, "2").presenters, ["Hans Hansen"]);
  });

  test("joins the lines pdfkit wrapped, and drops headers and footers", () => {
    const text = item(meeting, "2").sections.casePresentation ?? "";
    assert.match(text, /kommunens haller og klubhuse bruges på tværs af foreningerne/);
    assert.doesNotMatch(JSON.stringify(meeting.items), /Side \d af 3|Dagsorden – Kultur/);
    assert.match(item(meeting, "3").sections.finance ?? "", /1,2 mio\. kr\./);
    assert.equal(item(meeting, "1").outcome, null);
  });
});

describe("other layouts", async () => {
  test("a single item exported alone, without a meeting header", async () => {
    const meeting = await parseFixture("single-item.txt");
    assert.equal(meeting.items.length, 1);
    const only = meeting.items[0] as ParsedItem;
    assert.equal(only.number, null);
    assert.equal(only.title, "Ansøgning om tilskud til Vestbyens Idrætsforening");
    assert.equal(only.caseNumber, "EMN-2025-008468");
    assert.equal(only.journalNumber, "27.12.00-A00-1-21");
    assert.equal(only.outcome, "approved_with_changes");
    assert.match(only.sections.background ?? "", /150\.000 kr\./);
    assert.deepEqual(only.attachments, ["Ansøgning fra foreningen", "Tilbud fra entreprenør"]);
    assert.ok(meeting.warnings.some((w) => w.code === "single_item"));
  });

  test("text that lost its Danish letters (`Radet`) parses, with a warning", async () => {
    const meeting = await parseFixture("lost-letters.txt");
    assert.equal(meeting.body, "Radet for Fremtidens Kompetencer");
    assert.equal(meeting.date, "2022-10-12");
    assert.equal(meeting.start, "2022-10-12T13:00:00+02:00");
    assert.deepEqual(
      meeting.items.map((i) => [i.number, i.outcome]),
      [
        ["1", "approved"],
        ["2", "noted"],
        ["3", null],
      ],
    );
    assert.deepEqual(item(meeting, "2").presenters, ["Soren Hjortkaer"]);
    assert.match(item(meeting, "2").sections.finance ?? "", /Ingen konsekvenser/);
    assert.ok(meeting.warnings.some((w) => w.code === "lost_letters"));
  });
});
