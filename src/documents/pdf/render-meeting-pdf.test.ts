import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { degrees, PDFDocument } from "pdf-lib";
import {
  assertPageFooters,
  assertTocMatchesHeadings,
  tableOfContents,
} from "../../../test/support/document-checks.ts";
import { outlineTitles, readPdf, samplePdf } from "../../../test/support/pdf-reader.ts";
import type { DocumentItem, MeetingDocument } from "../meeting-document.ts";
import { renderMeetingPdf } from "./render-meeting-pdf.ts";
import { toWinAnsi } from "./win-ansi.ts";

function item(index: number, overrides: Partial<DocumentItem> = {}): DocumentItem {
  return {
    id: `item-${index}`,
    number: String(index + 1),
    groupHeading: null,
    title: `Punkt ${index + 1} om samarbejdet`,
    closed: false,
    presenters: [],
    case: null,
    sections: [
      {
        heading: "Indstilling",
        markdown: "Det indstilles, at udvalget tager orienteringen til efterretning.",
      },
    ],
    decision: null,
    outcome: null,
    attachments: [],
    ...overrides,
  };
}

function model(items: DocumentItem[], overrides: Partial<MeetingDocument> = {}): MeetingDocument {
  return {
    kind: "agenda",
    edition: "public",
    meetingId: "00000000-0000-7000-8000-000000000000",
    heading: "Dagsorden",
    documentTitle: "Dagsorden: Rådet for Fremtidens Kompetencer, 6. maj 2021",
    body: { name: "Rådet for Fremtidens Kompetencer", shortName: null },
    meetingTitle: "Møde i Rådet",
    draft: false,
    cancelled: false,
    date: "torsdag den 6. maj 2021",
    time: "kl. 10.00",
    isoDate: "2021-05-06",
    place: "Skejbyvej 2, Aarhus",
    onlineUrl: null,
    items,
    attendance: null,
    meetingAttachments: [],
    ...overrides,
  };
}

describe("the meeting PDF, from a document model", () => {
  test("a table of contents longer than a page still names the pages the items start on", async () => {
    const items = Array.from({ length: 80 }, (_, i) =>
      item(i, {
        number: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
        groupHeading: `Gruppe ${Math.floor(i / 10) + 1}`,
        title:
          i % 7 === 0
            ? `Et punkt med en lang titel, der fylder mere end én linje i indholdsfortegnelsen, nr. ${i}`
            : `Punkt ${i}`,
      }),
    );
    const pdf = await readPdf(await renderMeetingPdf(model(items)));
    const toc = tableOfContents(pdf);
    assert.ok(toc.pages.length >= 2, `the table of contents spans ${toc.pages.length} pages`);
    assertPageFooters(pdf);
    // Long titles wrap in the table of contents, so check the short ones line by line...
    assertTocMatchesHeadings(pdf, {
      ...toc,
      lines: toc.lines.filter((line) => /^Punkt \d+$/.test(line.title)),
    });
    // ...and every item through its bookmark: one per item, under its group.
    const titles = outlineTitles(pdf.outline);
    for (const entry of items) assert.ok(titles.includes(`${entry.number}. ${entry.title}`), entry.title);
    assert.equal(pdf.outline.length, 1 + 8, "table of contents and eight groups at the top");
    assert.equal(pdf.outline[1]?.items.length, 10);
  });

  test("Markdown is typeset, not printed: emphasis, lists, headings, links, tables", async () => {
    const markdown = [
      "Det indstilles, at **KKR Midtjylland** godkender *forslaget*, se [KL](https://www.kl.dk).",
      "",
      "- Voksenhandicapområdet",
      "- Misbrugsområdet",
      "  1. første underpunkt",
      "  2. andet underpunkt",
      "",
      "## Temaer til debat",
      "",
      "3. Socialområdet i fremtiden",
      "4. Demografi ≥ 5 %",
      "",
      "| Kommune | Andel |",
      "|---|---|",
      "| Aarhus | 25 % |",
    ].join("\n");
    const pdf = await readPdf(
      await renderMeetingPdf(model([item(0, { sections: [{ heading: "Sagsfremstilling", markdown }] })])),
    );
    const text = pdf.pages.flat().join("\n");
    assert.doesNotMatch(text, /\*\*|\]\(|^#/m, "no Markdown syntax on the page");
    assert.match(text, /Det indstilles, at KKR Midtjylland godkender forslaget, se KL\./);
    assert.match(text, /• Voksenhandicapområdet/);
    assert.match(text, /1\. første underpunkt/);
    assert.match(text, /3\. Socialområdet i fremtiden/);
    assert.match(text, /4\. Demografi >= 5 %/, "≥ is spelled out: the standard font cannot draw it");
    assert.match(text, /Aarhus 25 %/);
    const roles = new Set(pdf.structureRoles.flatMap((page) => page ?? []));
    for (const role of [
      "Document",
      "H1",
      "H2",
      "P",
      "L",
      "LI",
      "Lbl",
      "LBody",
      "Link",
      "Table",
      "TH",
      "TD",
      "TOC",
    ]) {
      assert.ok(roles.has(role), `the structure tree has ${role}`);
    }
    assert.ok(pdf.annotationTexts.some((text) => text.startsWith("1. Punkt 1 om samarbejdet, side ")));
  });

  test("attachments that cannot be copied are listed, not appended; rotated pages get an upright stamp", async () => {
    const rotated = await PDFDocument.load(await samplePdf("Liggende bilag", 1));
    rotated.getPage(0).setRotation(degrees(90));
    const attachments = [
      { fileId: "rotated", name: "Liggende.pdf", mediaType: "application/pdf", sizeBytes: 2_000 },
      { fileId: "locked", name: "Beskyttet.pdf", mediaType: "application/pdf", sizeBytes: 3_000 },
    ];
    const bytes = await renderMeetingPdf(model([item(0, { attachments }), item(1)]), {
      attachments: [
        { fileId: "rotated", bytes: await rotated.save() },
        { fileId: "locked", bytes: await samplePdf("Beskyttet", 2, { password: "hemmelig" }) },
      ],
    });
    const pdf = await readPdf(bytes);
    const text = pdf.pages.flat().join("\n");
    assert.match(text, /Beskyttet\.pdf \(PDF, 2,9 kB\), kunne ikke vedlægges/);
    assert.doesNotMatch(text, /Beskyttet side/);
    const attachmentPage = pdf.pages.findIndex((lines) =>
      lines.some((line) => line.includes("Liggende bilag side 1")),
    );
    assert.equal(attachmentPage, 3, "after the front page, the contents and item 1");
    assert.match(pdf.pages[attachmentPage]?.join("\n") ?? "", /Bilag til punkt 1 · Side 4 af 5/);
    assertPageFooters(pdf);
    const lib = await PDFDocument.load(bytes);
    assert.equal(lib.getPage(attachmentPage).getRotation().angle, 90, "the attachment keeps its rotation");
  });

  test("a meeting without items is one page that says so", async () => {
    const pdf = await readPdf(await renderMeetingPdf(model([])));
    assert.equal(pdf.pageCount, 1);
    assert.ok(pdf.pages[0]?.includes("Der er ingen punkter på dagsordenen."));
    assertPageFooters(pdf);
  });

  test("characters beyond the standard fonts are spelled out, Danish letters kept", () => {
    assert.equal(
      toWinAnsi("Æbler, øl og å – “citat” ≥ 5 € • ő ﬁ\u200b"),
      "Æbler, øl og å – “citat” >= 5 € • o fi",
    );
  });
});
