/**
 * The agenda PDF of a 30-item meeting: the tagged document (structure tree, table of contents with
 * back-filled page numbers, bookmarks, Markdown, footers), next to pdfkit writing the same text as
 * plain untagged paragraphs, measured in the same run. Also the combined edition with three PDF
 * attachments appended. p50 of 20 renders each (10 for the combined one), wall clock and CPU time:
 * on a shared machine the CPU time is the steadier of the two.
 */
import { performance } from "node:perf_hooks";
import PDFDocument from "pdfkit";
import type { DocumentItem, MeetingDocument } from "../src/documents/meeting-document.ts";
import { renderMeetingPdf } from "../src/documents/pdf/render-meeting-pdf.ts";

const ITEMS = 30;
const RUNS = 20;

const paragraph =
  "Børnehus Midtjylland blev etableret i 2013 med Aarhus Kommune som driftskommune. Børnehuset er et " +
  "tilbud til børn og unge i alderen 0 til og med 17 år, der har været udsat for overgreb, og DASSOS drøfter " +
  "sagen på ny, hvorfor bemærkningerne foreligger til mødet i KKR Midtjylland.";

function item(index: number): DocumentItem {
  const group = Math.floor(index / 6) + 1;
  return {
    id: `item-${index}`,
    number: `${group}.${(index % 6) + 1}`,
    groupHeading: `Sager om samarbejde ${group}`,
    title: `Orientering om status på samarbejdet mellem kommunerne og regionen, punkt ${index + 1}`,
    closed: index % 10 === 9,
    presenters: ["Jesper Kaas Schmidt"],
    case: { reference: `SAG-2021-${1000 + index}`, title: "Samarbejdet om uddannelse" },
    sections: [
      { heading: "Baggrund", markdown: paragraph },
      {
        heading: "Indstilling",
        markdown:
          "Det indstilles, at **KKR Midtjylland**:\n\n- tager orienteringen til efterretning\n- drøfter *den videre proces*",
      },
      { heading: "Sagsfremstilling", markdown: `${paragraph}\n\n${paragraph}\n\n${paragraph}` },
      { heading: "Økonomi", markdown: "Sagen har ingen økonomiske konsekvenser." },
    ],
    decision: null,
    outcome: null,
    attachments:
      index % 10 === 0
        ? [
            {
              fileId: `file-${index}`,
              name: `Bilag til punkt ${index + 1}.pdf`,
              mediaType: "application/pdf",
              sizeBytes: 40_000,
            },
          ]
        : [],
  };
}

const model: MeetingDocument = {
  kind: "agenda",
  edition: "members",
  meetingId: "00000000-0000-7000-8000-000000000000",
  heading: "Dagsorden",
  documentTitle: "Dagsorden: KKR Midtjylland, 6. maj 2021",
  body: { name: "KKR Midtjylland", shortName: null },
  meetingTitle: "Møde i KKR Midtjylland",
  draft: false,
  cancelled: false,
  date: "torsdag den 6. maj 2021",
  time: "kl. 10.00–13.00",
  isoDate: "2021-05-06",
  place: "Scandic, Udgårdsvej 2, 8600 Silkeborg",
  onlineUrl: null,
  items: Array.from({ length: ITEMS }, (_, i) => item(i)),
  attendance: null,
  meetingAttachments: [],
};

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))));
}

/** The baseline: the same text, untagged, one pass, no contents, bookmarks, Markdown or footers. */
function plainPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 70, bottom: 72, left: 70, right: 62 } });
  const bytes = collect(doc);
  doc.font("Helvetica-Bold").fontSize(30).text(model.heading);
  doc.font("Helvetica").fontSize(11.5).text(`${model.date} ${model.time}, ${model.place}`);
  for (const entry of model.items) {
    doc.font("Helvetica-Bold").fontSize(13.5).text(`${entry.number}. ${entry.title}`);
    for (const section of entry.sections) {
      doc.font("Helvetica-Bold").fontSize(11).text(section.heading);
      doc.font("Helvetica").fontSize(10.5).text(section.markdown, { paragraphGap: 6 });
    }
  }
  doc.end();
  return bytes;
}

function attachment(pages: number): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4" });
  const bytes = collect(doc);
  for (let page = 1; page <= pages; page++) {
    if (page > 1) doc.addPage();
    doc.fontSize(12).text(`${paragraph}\n\n`.repeat(8));
  }
  doc.end();
  return bytes;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
  bytes: Uint8Array;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function p50(runs: number, work: () => Promise<Uint8Array>): Promise<Timing> {
  let bytes = await work();
  await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    bytes = await work();
    const used = process.cpuUsage(cpuStart);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), bytes };
}

const pageCount = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString("latin1")
    .match(/\/Type \/Page\b/g)?.length ?? 0;

export async function benchDocuments(): Promise<void> {
  const attachments = await Promise.all(
    model.items
      .flatMap((entry) => entry.attachments)
      .map(async (file) => ({ fileId: file.fileId, bytes: await attachment(10) })),
  );
  const baseline = await p50(RUNS, plainPdf);
  const tagged = await p50(RUNS, () => renderMeetingPdf(model));
  const combined = await p50(RUNS / 2, () => renderMeetingPdf(model, { attachments }));
  const line = (name: string, result: Timing) =>
    `  ${name}: p50 ${result.wallMs.toFixed(1)} ms (CPU ${result.cpuMs.toFixed(1)} ms)`;
  console.log(`agenda of ${ITEMS} items:`);
  console.log(
    `${line("plain pdfkit, untagged, no contents (baseline)", baseline)}, ${pageCount(baseline.bytes)} pages`,
  );
  console.log(
    `${line("tagged PDF with contents, bookmarks, footers", tagged)}, ${pageCount(tagged.bytes)} pages`,
  );
  console.log(line(`combined, ${attachments.length} PDF attachments of 10 pages appended`, combined));
  console.log(
    `  ratio tagged/baseline: ${(tagged.wallMs / baseline.wallMs).toFixed(2)}x wall, ` +
      `${(tagged.cpuMs / baseline.cpuMs).toFixed(2)}x CPU`,
  );
}
