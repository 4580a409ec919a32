import { dkAny } from "./danish.ts";
import type { Line } from "./normalize.ts";
import {
  CASE_LABEL,
  CASE_NUMBER,
  CLOSED_REGION,
  CLOSED_WORD,
  ITEM_METADATA,
  matchSectionHeading,
  OPEN_CLOSED_MARKER,
  OPEN_REGION,
  RECOMMENDATION_PROSE,
} from "./vocabulary.ts";

/** One entry of a table of contents. */
export interface TocEntry {
  parts: number[];
  title: string;
  closed: boolean;
}

interface Toc {
  lines: Set<number>;
  entries: TocEntry[];
}

/** A line that may open an agenda item, with what was read from it. */
export interface Candidate {
  line: number;
  /** The last line the heading occupies (a presenter or title that ran onto the next line). */
  endLine: number;
  parts: number[];
  /** The heading text after the number: title, presenters, markers. */
  rawTitle: string;
  explicit: boolean;
  /** true `Lukket`, false `Åbent`, null when the heading does not say. */
  closed: boolean | null;
  weight: number;
}

const NUMBER = "(\\d{1,4}(?:\\.\\d{1,2}){0,2})";
/** `Punkt 4: ...`, `Pkt. 4 ...`, `Sag nr. 12 ...`, `Lukket punkt 7: ...`. */
const EXPLICIT = new RegExp(
  `^(?:(${dkAny(["lukket", "åbent", "åben", "fortroligt"])})\\s*[:\\-–]?\\s*)?(?:${dkAny(["punkt", "pkt", "pkt.", "dagsordenspunkt", "sag nr.", "sag nr", "sagnr.", "sag"])})\\s*${NUMBER}\\.?\\s*(?:[:.)\\-–]\\s*)?(.*)$`,
  "i",
);
/** `3. Title`, `3.1. Title`, `1) Title`, `715 Title` after a tab; `Lukket: 7. Title`. */
const NUMBERED = new RegExp(
  `^(?:(${dkAny(["lukket punkt", "lukket", "fortroligt", "åbent punkt"])})\\s*[:\\-–]\\s*)?${NUMBER}(?:([.):])[ \\t]+|\\t+)(\\S.*)$`,
  "i",
);
const NUMBER_ALONE = new RegExp(`^${NUMBER}[.)]?$`);
const TITLE_START = /^["'«»„“(]?[A-ZÆØÅÉÜÖÄ0-9§]/;
const CLOSED_SUFFIX = new RegExp(
  `\\s*[-–(]\\s*(${dkAny(["lukket punkt", "lukket", "fortroligt", "åbent punkt", "åbent"])})\\s*\\)?\\s*$`,
  "i",
);
const CLOSED_PREFIX = new RegExp(
  `^(${dkAny(["lukket punkt", "lukket", "fortroligt", "åbent punkt", "åbent"])})\\s*[:\\-–]\\s*`,
  "i",
);
const PRESENTER_OPEN = /\s(?:v\.|v\/)\s*(?:[A-ZÆØÅ][\p{L}'-]*\s*)?$|\s(?:v\.|v\/)\s.*\s(?:og|&)$/u;
const NAME_LINE = /^[A-ZÆØÅ][\p{L}'.-]*(?:,?\s+(?:[A-ZÆØÅ][\p{L}'.-]*|og|&|de|van|von|la|le))*\.?$/u;
const DOT_LEADER = /\s*(?:\.{3,}|…+|(?:\. ){3,}\.?)\s*/;
const TOC_DOTS = new RegExp(`^(?:${NUMBER}[.)]?\\s+)?(.+?)(?:\\.{3,}|…+|(?:\\. ){3,}\\.?)\\s*(\\d{1,4})$`);
const TOC_HEADER = new RegExp(
  `^(?:${dkAny(["indholdsfortegnelse", "indhold", "dagsordenspunkter", "oversigt", "punkt", "punkter", "side"])}(?:\\s*[\\t|]\\s*\\S+)*|[|:\\-\\s]+)$`,
  "i",
);
const TRAILING_MARKS = /\s*(?:\.\/\.?|\|)+\s*$/;
const YEAR = /^(?:19|20)\d\d$/;

/** "3.1." → [3, 1]; null when a part is not a plausible item number. */
function parseNumber(text: string): number[] | null {
  const parts = text.replace(/\.$/, "").split(".");
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (!part || part.startsWith("0")) return null;
    out.push(Number(part));
  }
  return out;
}

export function formatNumber(parts: readonly number[]): string {
  return parts.join(".");
}

function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9æøåéü]+/g, " ")
    .trim();
}

/** Loose title equality: TOC titles are abbreviated, misspelled or cut by the page width. */
export function similarTitles(a: string, b: string): boolean {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (!ka || !kb) return false;
  if (ka.startsWith(kb.slice(0, 24)) || kb.startsWith(ka.slice(0, 24))) return true;
  const wa = new Set(ka.split(" "));
  const wb = kb.split(" ");
  let shared = 0;
  for (const word of wb) if (wa.has(word)) shared++;
  return shared / Math.max(wa.size, wb.length) >= 0.6;
}

/** Lines where item content starts: the first section heading or recommendation. TOCs come before. */
export function firstContentLine(lines: readonly Line[]): number {
  let numbered = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (!text) continue;
    const section = matchSectionHeading(text);
    // `Referat` alone above any item is the document's title, not a decision.
    if (
      section &&
      !(section.kind === "decision" && !numbered && section.inline === null && !section.qualifierBody)
    )
      return i;
    if (RECOMMENDATION_PROSE.test(text)) return i;
    if (!numbered && readHeading(text)) numbered = true;
  }
  return lines.length;
}

function tocEntryFromCells(cells: string[]): TocEntry | null {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell.length > 0);
  const first = filled[0];
  if (!first) return null;
  const numberMatch = /^(\d{1,4}(?:\.\d{1,2}){0,2})\.?$/.exec(first);
  if (!numberMatch) return null;
  const parts = parseNumber(numberMatch[1] ?? "");
  const title = (filled[1] ?? "").replace(DOT_LEADER, " ").replace(TRAILING_MARKS, "").trim();
  if (!parts || !/\p{L}/u.test(title)) return null;
  return { parts, title, closed: false };
}

function tocEntry(text: string): TocEntry | null {
  if (text.startsWith("|") && text.endsWith("|") && text.length > 2) {
    return tocEntryFromCells(text.slice(1, -1).split("|"));
  }
  if (text.includes("\t")) {
    const entry = tocEntryFromCells(text.split("\t"));
    if (entry) return entry;
  }
  const dots = TOC_DOTS.exec(text);
  if (dots?.[1]) {
    const parts = parseNumber(dots[1]);
    const title = (dots[2] ?? "").replace(TRAILING_MARKS, "").trim();
    if (parts && title) return { parts, title, closed: false };
  }
  return null;
}

/**
 * The table of contents: a run of numbered entries (dot leaders and page numbers, table rows,
 * tab-separated rows) before the first item's content. Its lines are not items.
 */
export function detectToc(lines: readonly Line[], contentStart: number): Toc {
  const toc: Toc = { lines: new Set(), entries: [] };
  let closed = false;
  let i = 0;
  while (i < contentStart) {
    const text = lines[i]?.text ?? "";
    const entry = text ? tocEntry(text) : null;
    if (!entry) {
      i++;
      continue;
    }
    // A run: entries, blank lines, TOC headers and closed/open markers.
    const run: number[] = [];
    const entries: TocEntry[] = [];
    let j = i;
    while (j < contentStart) {
      const t = lines[j]?.text ?? "";
      const e = t ? tocEntry(t) : null;
      if (e) {
        e.closed = closed;
        entries.push(e);
        run.push(j);
      } else if (!t || TOC_HEADER.test(t)) {
        run.push(j);
      } else if (CLOSED_REGION.test(t) || OPEN_REGION.test(t)) {
        closed = CLOSED_REGION.test(t);
        run.push(j);
      } else break;
      j++;
    }
    if (entries.length >= 2) {
      for (const index of run) toc.lines.add(index);
      // Header lines just above the run (`Punkt Indhold Bilag`, `| | | |`) belong to it too.
      for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
        const t = lines[k]?.text ?? "";
        if (t && !TOC_HEADER.test(t)) break;
        if (t) toc.lines.add(k);
      }
      toc.entries.push(...entries);
    }
    i = j + 1;
  }
  return toc;
}

interface Heading {
  parts: number[];
  rawTitle: string;
  explicit: boolean;
  closed: boolean | null;
  titleOnNextLine: boolean;
}

function closedFromWord(word: string | undefined): boolean | null {
  if (!word) return null;
  return CLOSED_WORD.test(word);
}

/** `Lukket punkt: 12 Title`, `Lukket: 7. Title`: a closed marker before the number. */
const LEADING_MARKER = new RegExp(
  `^(${dkAny(["lukket punkt", "lukket sag", "lukket", "fortroligt", "åbent punkt", "åben sag", "åbent"])})\\s*[:\\-–]\\s*(?=\\d|${dkAny(["punkt", "pkt", "sag", "dagsordenspunkt"])})`,
  "i",
);
/** After a leading marker the number may stand with a plain space: `Lukket punkt: 12 Title`. */
const NUMBER_SPACE = new RegExp(`^${NUMBER}\\s+(\\S.*)$`);

function readHeading(text: string): Heading | null {
  let closed: boolean | null = null;
  let rest = text;
  const marker = LEADING_MARKER.exec(text);
  if (marker) {
    closed = closedFromWord(marker[1]);
    rest = text.slice(marker[0].length);
  }
  const explicit = EXPLICIT.exec(rest);
  if (explicit) {
    const parts = parseNumber(explicit[2] ?? "");
    const title = (explicit[3] ?? "").trim();
    if (parts && (!title || TITLE_START.test(title) || CLOSED_PREFIX.test(title))) {
      return {
        parts,
        rawTitle: title,
        explicit: true,
        closed: closed ?? closedFromWord(explicit[1]),
        titleOnNextLine: !title,
      };
    }
  }
  const numbered = NUMBERED.exec(rest) ?? (marker ? NUMBER_SPACE.exec(rest) : null);
  if (numbered) {
    const spaced = numbered.length === 3;
    const numberText = (spaced ? numbered[1] : numbered[2]) ?? "";
    const parts = parseNumber(numberText);
    const title = ((spaced ? numbered[2] : numbered[4]) ?? "").trim();
    if (!parts || !TITLE_START.test(title)) return null;
    if (YEAR.test(numberText) && spaced) return null;
    return {
      parts,
      rawTitle: title,
      explicit: false,
      closed: closed ?? (spaced ? null : closedFromWord(numbered[1])),
      titleOnNextLine: false,
    };
  }
  const alone = NUMBER_ALONE.exec(rest);
  if (alone) {
    const parts = parseNumber(alone[1] ?? "");
    if (parts && !YEAR.test(alone[1] ?? "")) {
      return { parts, rawTitle: "", explicit: false, closed, titleOnNextLine: true };
    }
  }
  return null;
}

function nextNonEmpty(lines: readonly Line[], from: number, maxBlank = 3): number {
  let blanks = 0;
  for (let i = from; i < lines.length; i++) {
    if (lines[i]?.text) return i;
    if (++blanks > maxBlank) return -1;
  }
  return -1;
}

function previousNonEmpty(lines: readonly Line[], from: number): number {
  for (let i = from; i >= 0; i--) if (lines[i]?.text) return i;
  return -1;
}

/** Lines that say "an item's body starts here". */
function isStructural(text: string): boolean {
  return (
    matchSectionHeading(text) !== null ||
    RECOMMENDATION_PROSE.test(text) ||
    OPEN_CLOSED_MARKER.test(text) ||
    ITEM_METADATA.test(text) ||
    CASE_LABEL.test(text) ||
    (CASE_NUMBER.test(text) && text.length < 60)
  );
}

/** Every line that reads like an item heading, with a weight for how much it looks like one. */
export function findCandidates(lines: readonly Line[], toc: Toc): Candidate[] {
  const candidates: Candidate[] = [];
  const tocByNumber = new Map<string, TocEntry>();
  for (const entry of toc.entries) tocByNumber.set(formatNumber(entry.parts), entry);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!line.text || toc.lines.has(i)) continue;
    const heading = readHeading(line.text);
    if (!heading) continue;
    let endLine = i;
    let rawTitle = heading.rawTitle;
    if (heading.titleOnNextLine) {
      const next = nextNonEmpty(lines, i + 1, 1);
      const nextText = next >= 0 ? (lines[next]?.text ?? "") : "";
      if (!nextText || !TITLE_START.test(nextText) || isStructural(nextText) || readHeading(nextText))
        continue;
      rawTitle = nextText;
      endLine = next;
    }
    // A presenter that ran onto the next line: `... v.` / `... v. Flemming` + `Storgaard`.
    while (PRESENTER_OPEN.test(rawTitle)) {
      const next = nextNonEmpty(lines, endLine + 1, 1);
      const nextText = next >= 0 ? (lines[next]?.text ?? "") : "";
      if (
        !nextText ||
        nextText.split(/\s+/).length > 6 ||
        !NAME_LINE.test(nextText) ||
        isStructural(nextText)
      )
        break;
      rawTitle = `${rawTitle} ${nextText}`;
      endLine = next;
    }

    let weight = 1;
    // `2021. Derfor ...`: a year that ended the previous line's sentence, unless the sequence says otherwise.
    if (heading.parts.length === 1 && YEAR.test(String(heading.parts[0]))) weight -= 2;
    if (heading.explicit) weight += 1.5;
    if (line.heading) weight += 1;
    const title = rawTitle.replace(CLOSED_PREFIX, "");
    if (title.length > 200) weight -= 3;
    else if (title.length > 140) weight -= 1;
    if (/[?]/.test(title) || /:$/.test(title)) weight -= 1.5;
    if (/[.;]\s+[A-ZÆØÅ]/.test(title) && title.length > 80) weight -= 1;

    // What follows: the body of an item, or more of a list?
    let structured = false;
    let k = endLine;
    for (let n = 0; n < 3; n++) {
      k = nextNonEmpty(lines, k + 1);
      if (k < 0) break;
      const text = lines[k]?.text ?? "";
      if (isStructural(text)) {
        structured = true;
        break;
      }
      if (readHeading(text)) break;
    }
    if (structured) weight += 2.5;
    const previous = previousNonEmpty(lines, i - 1);
    const following = nextNonEmpty(lines, endLine + 1);
    const previousNumbered = previous >= 0 && readHeading(lines[previous]?.text ?? "") !== null;
    const followingNumbered = following >= 0 && readHeading(lines[following]?.text ?? "") !== null;
    if (!structured && previousNumbered && followingNumbered) weight -= 1;
    if (previous >= 0 && /^(?:bilag|vedlagte bilag|bilagsliste)\s*:?$/i.test(lines[previous]?.text ?? ""))
      weight -= 3;

    if (toc.entries.length > 0) {
      const entry = tocByNumber.get(formatNumber(heading.parts));
      if (!entry) weight -= 2;
      else if (similarTitles(entry.title, title)) weight += 3;
    }

    candidates.push({
      line: i,
      endLine,
      parts: heading.parts,
      rawTitle,
      explicit: heading.explicit,
      closed: heading.closed,
      weight,
    });
  }
  return candidates;
}

/** The cost of going from one number to the next in a chain; null when b cannot follow a. */
function transition(a: readonly number[], b: readonly number[]): number | null {
  const [a0 = 0, a1] = a;
  const [b0 = 0, b1] = b;
  if (a.length > 2 || b.length > 2) {
    // Three-level numbers: accept any strictly increasing step within the same first part.
    return b0 === a0 || b0 === a0 + 1 ? -0.5 : null;
  }
  if (a.length === 1 && b.length === 1) {
    const gap = b0 - a0;
    if (gap === 1) return 0;
    if (gap >= 2 && gap <= 4) return -1.5 * (gap - 1);
    return null;
  }
  if (a.length === 1 && b.length === 2) {
    if (b0 === a0 && b1 === 1) return 0.5;
    if (b0 === a0 + 1 && b1 === 1) return 0;
    return null;
  }
  if (a.length === 2 && b.length === 1) {
    return b0 === a0 + 1 ? 0 : null;
  }
  // Both two-level.
  if (b0 === a0) {
    const gap = (b1 ?? 0) - (a1 ?? 0);
    if (gap === 1) return 0;
    if (gap >= 2 && gap <= 3) return -1.5 * (gap - 1);
    return null;
  }
  if (b0 === a0 + 1 && b1 === 1) return 0;
  return null;
}

const LOOKBACK = 400;

/**
 * The best sequence of headings: numbers that follow each other (n, n+1; g.s, g.s+1, g+1),
 * weighted by how much each line looks like a heading. Lists inside items (`1. ... 2. ...`)
 * lose because they break the sequence or carry no item body.
 */
export function chooseChain(candidates: readonly Candidate[]): Candidate[] {
  const n = candidates.length;
  if (n === 0) return [];
  const score = new Float64Array(n);
  const previous = new Int32Array(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    const c = candidates[i] as Candidate;
    const first = c.parts.every((part) => part === 1) ? 0 : -1;
    score[i] = c.weight + first;
    for (let j = i - 1; j >= 0 && j >= i - LOOKBACK; j--) {
      const p = candidates[j] as Candidate;
      if (p.endLine >= c.line) continue;
      const step = transition(p.parts, c.parts);
      if (step === null) continue;
      const total = (score[j] ?? 0) + step + c.weight;
      if (total > (score[i] ?? 0)) {
        score[i] = total;
        previous[i] = j;
      }
    }
    if (best < 0 || (score[i] ?? 0) > (score[best] ?? 0)) best = i;
  }
  if (best < 0 || (score[best] ?? 0) < 1.5) return [];
  const chain: Candidate[] = [];
  for (let i = best; i >= 0; i = previous[i] ?? -1) chain.push(candidates[i] as Candidate);
  return chain.reverse();
}

export { CLOSED_PREFIX, CLOSED_REGION, CLOSED_SUFFIX, OPEN_REGION };
