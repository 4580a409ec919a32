/**
 * Scores `parseText` against every truth file in ../shared/fixtures/import: per field, how many
 * expected values the parser found (recall) and how many of its answers were right (precision).
 * The seed documents must score 100 % on every field.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseDocument, parseText } from "./parse-document.ts";
import type { ParsedItem, ParsedMeeting } from "./parsed-meeting.ts";

/** The shared folder sits beside the repository: /work/shared next to /work/main. */
const truthFolder = new URL("../../../shared/fixtures/import/", import.meta.url);

interface TruthItem {
  number: string;
  title: string;
  group?: string;
  presenters: string[];
  case_number?: string;
  has_recommendation?: boolean;
  has_case_presentation?: boolean;
  has_minutes?: boolean;
  outcome: string | null;
  closed: boolean;
}

interface Truth {
  source: string;
  kind: string;
  body: string;
  title: string;
  start: string | null;
  end: string | null;
  location: string | null;
  items: TruthItem[];
}

interface Tally {
  truePositive: number;
  expected: number;
  answered: number;
}

type Score = Map<string, Tally>;

function tally(score: Score, field: string): Tally {
  let t = score.get(field);
  if (!t) {
    t = { truePositive: 0, expected: 0, answered: 0 };
    score.set(field, t);
  }
  return t;
}

/**
 * One comparison. A value counts as expected when the truth has one (null counts for outcome,
 * start and end: "no outcome" is an answer too) and as answered when the parser gave one.
 */
function compare(
  score: Score,
  field: string,
  expected: unknown,
  actual: unknown,
  misses: string[],
  where: string,
) {
  const t = tally(score, field);
  t.expected++;
  t.answered++;
  const same = JSON.stringify(expected) === JSON.stringify(actual);
  if (same) t.truePositive++;
  else misses.push(`${where} ${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function scoreItems(score: Score, truth: Truth, parsed: ParsedMeeting, misses: string[]) {
  const byNumber = new Map<string, ParsedItem>();
  for (const item of parsed.items) if (item.number !== null) byNumber.set(item.number, item);
  const numbers = tally(score, "item.number");
  numbers.expected += truth.items.length;
  numbers.answered += parsed.items.length;
  const expectedNumbers = new Set(truth.items.map((item) => item.number));
  for (const item of parsed.items) {
    if (item.number !== null && expectedNumbers.has(item.number)) numbers.truePositive++;
    else misses.push(`unexpected item ${item.number} ${item.title}`);
  }
  for (const expected of truth.items) {
    const item = byNumber.get(expected.number);
    const where = `item ${expected.number}`;
    if (!item) {
      misses.push(`${where}: missing`);
      for (const field of ["title", "presenters", "outcome", "closed"])
        tally(score, `item.${field}`).expected++;
      continue;
    }
    compare(score, "item.title", expected.title, item.title, misses, where);
    compare(score, "item.presenters", expected.presenters, item.presenters, misses, where);
    compare(score, "item.outcome", expected.outcome, item.outcome, misses, where);
    compare(score, "item.closed", expected.closed, item.closed, misses, where);
    if ("group" in expected) compare(score, "item.group", expected.group, item.group, misses, where);
    if ("case_number" in expected)
      compare(score, "item.case_number", expected.case_number, item.caseNumber, misses, where);
    if ("has_recommendation" in expected)
      compare(
        score,
        "item.has_recommendation",
        expected.has_recommendation,
        item.sections.recommendation !== null,
        misses,
        where,
      );
    if ("has_case_presentation" in expected)
      compare(
        score,
        "item.has_case_presentation",
        expected.has_case_presentation,
        item.sections.casePresentation !== null,
        misses,
        where,
      );
    if ("has_minutes" in expected)
      compare(
        score,
        "item.has_minutes",
        expected.has_minutes,
        item.sections.decision !== null,
        misses,
        where,
      );
  }
}

function scoreMeeting(score: Score, truth: Truth, parsed: ParsedMeeting, misses: string[]) {
  compare(score, "meeting.kind", truth.kind, parsed.kind, misses, "meeting");
  compare(score, "meeting.body", truth.body, parsed.body, misses, "meeting");
  compare(score, "meeting.title", truth.title, parsed.title, misses, "meeting");
  compare(score, "meeting.date", truth.start?.slice(0, 10) ?? null, parsed.date, misses, "meeting");
  compare(score, "meeting.start", truth.start, parsed.start, misses, "meeting");
  compare(score, "meeting.end", truth.end, parsed.end, misses, "meeting");
  compare(score, "meeting.location", truth.location, parsed.location, misses, "meeting");
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "  n/a" : `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
}

const truthFiles = readdirSync(truthFolder)
  .filter((name) => name.endsWith(".truth.json"))
  .sort();

test("there are truth files to score against", () => {
  assert.ok(truthFiles.length >= 2, `expected truth files in ${fileURLToPath(truthFolder)}`);
});

/** The seeds typeset as PDF and saved as Word by test/fixtures/import/make-fixtures.ts. */
const fixtures = new URL("../../test/fixtures/import/", import.meta.url);

function variants(name: string): { label: string; read: () => Promise<ParsedMeeting> }[] {
  const truthUrl = new URL(name, truthFolder);
  const truth = JSON.parse(readFileSync(truthUrl, "utf8")) as Truth;
  const sourceUrl = new URL(truth.source, truthUrl);
  const stem =
    sourceUrl.pathname
      .split("/")
      .pop()
      ?.replace(/\.txt$/, "") ?? "";
  const out = [
    { label: `${name} (text)`, read: async () => parseText(readFileSync(sourceUrl, "utf8"), name) },
  ];
  for (const extension of ["pdf", "docx"]) {
    const url = new URL(`seed-${stem}.${extension}`, fixtures);
    if (existsSync(url)) {
      out.push({
        label: `${name} (${extension})`,
        read: () => parseDocument(new Uint8Array(readFileSync(url)), `seed-${stem}.${extension}`),
      });
    }
  }
  return out;
}

for (const name of truthFiles) {
  for (const variant of variants(name)) {
    test(`parse scores 100 % on ${variant.label}`, async () => {
      const truthUrl = new URL(name, truthFolder);
      const truth = JSON.parse(readFileSync(truthUrl, "utf8")) as Truth;
      const parsed = await variant.read();
      const score: Score = new Map();
      const misses: string[] = [];
      scoreMeeting(score, truth, parsed, misses);
      scoreItems(score, truth, parsed, misses);

      const report = [
        `${variant.label}: ${parsed.items.length} items parsed, ${truth.items.length} expected`,
      ];
      report.push(`  ${"field".padEnd(28)} precision   recall`);
      let perfect = true;
      for (const [field, t] of score) {
        const precision = t.answered === 0 ? 1 : t.truePositive / t.answered;
        const recall = t.expected === 0 ? 1 : t.truePositive / t.expected;
        if (precision < 1 || recall < 1) perfect = false;
        report.push(
          `  ${field.padEnd(28)} ${percent(t.truePositive, t.answered)}  ${percent(t.truePositive, t.expected)}`,
        );
      }
      for (const miss of misses) report.push(`  miss: ${miss}`);
      console.log(report.join("\n"));
      assert.ok(perfect, `below 100 %:\n${misses.join("\n")}`);
    });
  }
}
