import type { SourceLine } from "../extract/source-lines.ts";
import type {
  ItemSections,
  ParsedItem,
  ParsedMeeting,
  ParseWarning,
  SourceFormat,
} from "../parsed-meeting.ts";
import { bodyFromHeaderLines, findDate, parseHeader, recase } from "./header.ts";
import { parseItemBody, type RawSection } from "./item-body.ts";
import {
  type Candidate,
  CLOSED_PREFIX,
  CLOSED_REGION,
  CLOSED_SUFFIX,
  chooseChain,
  detectToc,
  findCandidates,
  firstContentLine,
  formatNumber,
  OPEN_REGION,
  similarTitles,
  type TocEntry,
} from "./items.ts";
import { type Line, normalizeLines } from "./normalize.ts";
import { bodyMatcher, classifyOutcome } from "./outcome.ts";
import {
  CASE_NUMBER,
  CLOSED_WORD,
  matchSectionHeading,
  OPEN_CLOSED_MARKER,
  RECOMMENDATION_PROSE,
} from "./vocabulary.ts";

interface SourceInfo {
  fileName: string | null;
  format: SourceFormat;
  pages: number | null;
  encoding: string | null;
}

const PRESENTER_SPLIT = /\s*\(?\s(?:v\.|v\/)\s*/;
const NAME_LIST_SPLIT = /\s*(?:,|\bog\b|&)\s*/;
const NAME = /^[A-ZÆØÅ][\p{L}'.-]*(?:\s+(?:[A-ZÆØÅ][\p{L}'.-]*|de|van|von|la|le))*$/u;
const TITLE_CASE_LABEL = /\s*\(?\s*(?:sagsnr|sag nr|j\.?\s?nr|journalnr)\.?\s*:?\s*(\S+?)\s*\)?\s*$/i;
const MARKUP = /^\*{1,2}|\*{1,2}$/g;
const RECOMMENDATION_SUBJECT =
  /(?:indstilles|indstiller)[^,.:\n]*?,?\s+at\s*:?\s*(?:[-•*]\s*)?([A-ZÆØÅ][\p{L}\d-]*(?:\s+(?:og\s+|for\s+|i\s+)?[A-ZÆØÅ][\p{L}\d-]*){0,3})\s+[a-zæøå]/gu;
const NOT_A_BODY =
  /^(?:Der|Det|Den|De|Sagen|Punktet|Man|Orienteringen|Referatet|Dagsordenen|Forslaget|Indstillingen|Forvaltningen|Administrationen|Udvalget)$/;
const DANISH_LETTER = /[æøåÆØÅ]/;

interface TitleParts {
  title: string;
  presenters: string[];
  closed: boolean | null;
  caseNumber: string | null;
}

/** `Title v. Name og Name` → title and presenters; `Lukket: ...`, `(Lukket punkt)` → closed. */
function splitHeading(rawTitle: string): TitleParts {
  let text = rawTitle.replace(MARKUP, "").trim();
  let closed: boolean | null = null;
  const prefix = CLOSED_PREFIX.exec(text);
  if (prefix) {
    closed = CLOSED_WORD.test(prefix[1] ?? "");
    text = text.slice(prefix[0].length);
  }
  const suffix = CLOSED_SUFFIX.exec(text);
  if (suffix) {
    closed = CLOSED_WORD.test(suffix[1] ?? "");
    text = text.slice(0, suffix.index);
  }
  let caseNumber: string | null = null;
  const label = TITLE_CASE_LABEL.exec(text);
  if (label?.[1] && CASE_NUMBER.test(label[1])) {
    caseNumber = label[1].replace(/[).,]+$/, "");
    text = text.slice(0, label.index);
  }
  let presenters: string[] = [];
  const parts = text.split(PRESENTER_SPLIT);
  if (parts.length > 1) {
    const tail = (parts[parts.length - 1] ?? "")
      .replace(/\)\s*$/, "")
      .replace(/\.$/, "")
      .trim();
    const names = tail
      .split(NAME_LIST_SPLIT)
      .map((name) => name.replace(/\.$/, "").trim())
      .filter(Boolean);
    if (names.length > 0 && names.every((name) => NAME.test(name))) {
      presenters = names;
      text = parts.slice(0, -1).join(" v. ");
    }
  }
  const title = text
    .replace(/\s*(?:\.\/\.?)+\s*$/, "")
    .replace(/\s*\.{3,}\s*\d*\s*$/, "")
    .replace(/\s*[.:]\s*$/, "")
    .trim();
  if (/^lukket(?:\s+punkt)?$/i.test(title)) closed = true;
  return { title, presenters, closed, caseNumber };
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\d]+/gu, "");
}

function sameBody(a: string, b: string): boolean {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (!na || !nb) return false;
  return na === nb || na.startsWith(nb) || nb.startsWith(na);
}

/** The body most recommendations address: `Det indstilles, at <Body> godkender ...`. */
function bodyFromRecommendations(texts: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(RECOMMENDATION_SUBJECT)) {
      const subject = match[1] ?? "";
      if (!subject || NOT_A_BODY.test(subject)) continue;
      counts.set(subject, (counts.get(subject) ?? 0) + 1);
    }
  }
  const byKey = new Map<string, { total: number; best: string; bestCount: number }>();
  for (const [subject, count] of counts) {
    const key = normaliseName(subject);
    const entry = byKey.get(key) ?? { total: 0, best: subject, bestCount: 0 };
    entry.total += count;
    if (count > entry.bestCount) {
      entry.best = subject;
      entry.bestCount = count;
    }
    byKey.set(key, entry);
  }
  let winner: { total: number; best: string } | null = null;
  for (const entry of byKey.values()) if (!winner || entry.total > winner.total) winner = entry;
  if (!winner) return null;
  if (winner.total < 2 && texts.length > 1) return null;
  return winner.best;
}

/** A full KL journal number (`27.12.00-A00-1-21`: subject, facet, serial, year) identifies a case on its own. */
function fullJournalNumber(journal: string | null): string | null {
  return journal && /^\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}$/.test(journal) ? journal : null;
}

function joinTexts(a: string | null, b: string): string {
  return a ? `${a}\n\n${b}` : b;
}

function emptySections(): ItemSections {
  return {
    background: null,
    recommendation: null,
    casePresentation: null,
    finance: null,
    decision: null,
    history: null,
    other: [],
  };
}

interface PendingItem {
  item: ParsedItem;
  raw: RawSection[];
}

/** Plain numbered lines before the content that are repeated later as headings: an agenda overview. */
function plainListToc(
  lines: readonly Line[],
  candidates: readonly Candidate[],
  contentStart: number,
): TocEntry[] {
  const early = candidates.filter((c) => c.endLine < contentStart);
  const late = candidates.filter((c) => c.line >= contentStart || !early.includes(c));
  const found: TocEntry[] = [];
  for (const c of early) {
    const number = formatNumber(c.parts);
    const repeated = late.some(
      (d) =>
        d.line > c.line &&
        d !== c &&
        formatNumber(d.parts) === number &&
        similarTitles(d.rawTitle, c.rawTitle) &&
        d.weight > c.weight,
    );
    if (repeated) found.push({ parts: c.parts, title: c.rawTitle, closed: false });
  }
  void lines;
  return found.length >= 2 ? found : [];
}

/** Parses cleaned source lines into a meeting. Never throws on odd text: it warns instead. */
export function parseSourceLines(source: readonly SourceLine[], info: SourceInfo): ParsedMeeting {
  const warnings: ParseWarning[] = [];
  const lines = normalizeLines(source);
  const fullText = lines.map((line) => line.text).join("\n");
  const contentStart = firstContentLine(lines);
  const toc = detectToc(lines, contentStart);
  let candidates = findCandidates(lines, toc);
  const overview = plainListToc(lines, candidates, contentStart);
  if (overview.length) {
    for (const c of candidates) {
      if (c.endLine < contentStart && overview.some((e) => formatNumber(e.parts) === formatNumber(c.parts))) {
        for (let i = c.line; i <= c.endLine; i++) toc.lines.add(i);
      }
    }
    toc.entries.push(...overview);
    candidates = findCandidates(lines, toc);
  }
  const chain = chooseChain(candidates);

  // Closed regions (`Lukket dagsorden`) as they stand at each line.
  const closedAt = new Uint8Array(lines.length + 1);
  let closedState = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (text && !toc.lines.has(i)) {
      if (CLOSED_REGION.test(text)) closedState = 1;
      else if (OPEN_REGION.test(text)) closedState = 0;
    }
    closedAt[i] = closedState;
  }
  const tocByNumber = new Map<string, TocEntry>();
  for (const entry of toc.entries) tocByNumber.set(formatNumber(entry.parts), entry);

  const pending: PendingItem[] = [];
  let headerEnd = lines.length;
  if (chain.length > 0) {
    headerEnd = chain[0]?.line ?? lines.length;
    let group: string | null = null;
    for (let c = 0; c < chain.length; c++) {
      const candidate = chain[c] as Candidate;
      const next = chain[c + 1];
      const end = next ? next.line : lines.length;
      const isGroupHeader =
        candidate.parts.length === 1 &&
        next !== undefined &&
        next.parts.length === 2 &&
        next.parts[0] === candidate.parts[0];
      const heading = splitHeading(candidate.rawTitle);
      if (isGroupHeader) {
        group = heading.title;
        continue;
      }
      if (candidate.parts.length === 1) group = null;
      const body = parseItemBody(lines, candidate.endLine + 1, end);
      const number = formatNumber(candidate.parts);
      const tocEntry = tocByNumber.get(number);
      let above = candidate.line - 1;
      while (above >= 0 && !lines[above]?.text) above--;
      // A `Lukket punkt` line above the heading marks this item, unless it sits right under the
      // previous heading (then it marks that one).
      const previousEnd = c > 0 ? (chain[c - 1]?.endLine ?? -1) : -1;
      let between = false;
      for (let i = previousEnd + 1; i < above; i++) if (lines[i]?.text) between = true;
      const markerText = above >= 0 ? (lines[above]?.text ?? "") : "";
      const markedAbove =
        (between || previousEnd < 0) &&
        OPEN_CLOSED_MARKER.test(markerText) &&
        CLOSED_WORD.test(markerText.replace(/[()]/g, ""));
      const closed =
        markedAbove ||
        candidate.closed === true ||
        heading.closed === true ||
        body.closed === true ||
        closedAt[candidate.line] === 1 ||
        tocEntry?.closed === true;
      pending.push({
        item: {
          number,
          group: candidate.parts.length > 1 ? group : null,
          title: heading.title || tocEntry?.title || "",
          presenters: heading.presenters,
          caseNumber: heading.caseNumber ?? body.caseNumber ?? fullJournalNumber(body.journalNumber),
          journalNumber: body.journalNumber,
          closed,
          sections: emptySections(),
          outcome: null,
          attachments: body.attachments,
          absent: body.absent,
        },
        raw: body.preamble
          ? [
              { kind: "other", heading: null, qualifierBody: null, qualifierDate: null, text: body.preamble },
              ...body.sections,
            ]
          : body.sections,
      });
    }
    // Numbering the text skipped, and TOC entries that never came.
    for (let i = 1; i < pending.length; i++) {
      const a = pending[i - 1]?.item.number ?? "";
      const b = pending[i]?.item.number ?? "";
      const pa = a.split(".").map(Number);
      const pb = b.split(".").map(Number);
      const skipped =
        (pa.length === pb.length &&
          pa[0] === pb[0] &&
          (pb[pb.length - 1] ?? 0) - (pa[pa.length - 1] ?? 0) > 1) ||
        (pa.length === 1 && pb.length === 1 && (pb[0] ?? 0) - (pa[0] ?? 0) > 1);
      if (skipped)
        warnings.push({ code: "numbering_gap", message: `item numbering jumps from ${a} to ${b}` });
    }
    const found = new Set(pending.map((p) => p.item.number));
    for (const entry of toc.entries) {
      const number = formatNumber(entry.parts);
      const isGroup = toc.entries.some(
        (e) => e.parts.length === 2 && e.parts[0] === entry.parts[0] && entry.parts.length === 1,
      );
      if (!isGroup && !found.has(number)) {
        warnings.push({
          code: "toc_item_missing",
          message: `the table of contents lists item ${number} (${entry.title}) but no such heading was found`,
        });
      }
    }
  } else {
    // No numbered headings: a single item exported alone, if it has an item's sections.
    const first = lines.findIndex(
      (line) => line.text && (matchSectionHeading(line.text) || RECOMMENDATION_PROSE.test(line.text)),
    );
    if (first >= 0) {
      let titleLine = -1;
      for (let i = first - 1; i >= 0; i--) {
        const text = lines[i]?.text ?? "";
        if (!text) continue;
        if (/^[\p{L} /.-]{2,30}:/u.test(text) || CASE_NUMBER.test(text) || /^(?:åbent|lukket)\b/i.test(text))
          continue;
        titleLine = i;
        break;
      }
      const body = parseItemBody(lines, titleLine + 1, lines.length);
      const heading = splitHeading(titleLine >= 0 ? (lines[titleLine]?.text ?? "") : "");
      headerEnd = Math.max(0, titleLine);
      pending.push({
        item: {
          number: null,
          group: null,
          title: heading.title,
          presenters: heading.presenters,
          caseNumber: heading.caseNumber ?? body.caseNumber ?? fullJournalNumber(body.journalNumber),
          journalNumber: body.journalNumber,
          closed: heading.closed === true || body.closed === true,
          sections: emptySections(),
          outcome: null,
          attachments: body.attachments,
          absent: body.absent,
        },
        raw: body.sections,
      });
      warnings.push({
        code: "single_item",
        message: "no numbered item headings: read as a single item exported alone",
      });
      if (!heading.title)
        warnings.push({ code: "item_without_title", message: "the single item has no title line" });
    } else {
      warnings.push({ code: "no_items", message: "no agenda items found" });
    }
  }

  // The header: everything above the first item, except the table of contents.
  const headerLines = lines.slice(0, headerEnd);
  const header = parseHeader(headerLines, toc.lines, fullText);

  const recommendations = pending.flatMap((p) =>
    p.raw.filter((s) => s.kind === "recommendation").map((s) => s.text),
  );
  let body =
    header.body ??
    bodyFromRecommendations(recommendations) ??
    bodyFromHeaderLines(lines, toc.lines, headerEnd);
  if (body) body = recase(body, fullText);
  const bodyRe = bodyMatcher(body);

  // Sections, now that the body and date tell this meeting's decision from quoted earlier ones.
  for (const { item, raw } of pending) {
    for (const section of raw) {
      let kind = section.kind;
      // Agendas print empty `Beslutning` placeholders: a heading without text is no section.
      if (!section.text && kind !== "attachments") continue;
      if (kind === "decision" && (section.qualifierBody || section.qualifierDate)) {
        const qualifiedDate = section.qualifierDate ? findDate(section.qualifierDate)?.date : null;
        const bodyMatches = section.qualifierBody && body ? sameBody(section.qualifierBody, body) : null;
        const dateMatches = qualifiedDate && header.date ? qualifiedDate === header.date : null;
        if (bodyMatches === false || dateMatches === false) kind = "history";
      }
      const s = item.sections;
      switch (kind) {
        case "background":
          s.background = joinTexts(s.background, section.text);
          break;
        case "recommendation":
          s.recommendation = joinTexts(s.recommendation, section.text);
          break;
        case "casePresentation":
          s.casePresentation = joinTexts(s.casePresentation, section.text);
          break;
        case "finance":
          s.finance = joinTexts(s.finance, section.text);
          break;
        case "decision":
          s.decision = joinTexts(s.decision, section.text);
          break;
        case "history":
          s.history = joinTexts(
            s.history,
            section.heading ? `${section.heading}\n${section.text}`.trim() : section.text,
          );
          break;
        case "attachments":
          break;
        default:
          if (section.heading) s.other.push({ heading: section.heading, text: section.text });
          else if (s.casePresentation === null && section.text) s.casePresentation = section.text;
          else if (section.text) s.other.push({ heading: "", text: section.text });
      }
    }
    // A section heading without text is still a heading the document printed; keep it visible as "".
    item.outcome = classifyOutcome(item.sections.decision, bodyRe);
  }

  const items = pending.map((p) => p.item);
  const decided = items.filter((item) => item.sections.decision).length;
  let kind = header.kind ?? (decided > 0 ? "minutes" : "agenda");
  if (header.kind === "agenda" && items.length > 0 && decided >= Math.ceil(items.length / 2)) {
    kind = "minutes";
    warnings.push({
      code: "kind_conflict",
      message: "the document calls itself an agenda but records decisions: read as minutes",
    });
  }
  let title = header.title;
  if (title && body)
    title = title.replace(new RegExp(body.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"), body);
  if (!title && body && items.length > 0 && items[0]?.number !== null) {
    title = `${header.kindWord ?? (kind === "minutes" ? "Referat" : "Dagsorden")} ${body}`;
  }
  if (!header.date && items.length > 1)
    warnings.push({ code: "no_date", message: "the meeting date was not found" });
  if (!body && items.length > 1)
    warnings.push({ code: "no_body", message: "the body that meets was not found" });
  if (fullText.length > 400 && !DANISH_LETTER.test(fullText)) {
    warnings.push({
      code: "lost_letters",
      message:
        "the text has no æ, ø or å: Danish letters were probably lost in extraction; names and titles may be misspelled",
    });
  }
  const emptyItems = items.filter((item) => !item.title);
  if (emptyItems.length)
    warnings.push({ code: "item_without_title", message: `${emptyItems.length} item(s) without a title` });

  return {
    kind,
    body,
    title,
    date: header.date,
    start: header.start,
    end: header.end,
    location: header.location,
    participants: header.participants,
    attendance: header.attendance,
    items,
    warnings,
    source: { fileName: info.fileName, format: info.format, pages: info.pages, encoding: info.encoding },
  };
}
