import type { Line } from "./normalize.ts";
import {
  ABSENT_LABEL,
  CASE_LABEL,
  CASE_NUMBER,
  CLOSED_REGION,
  CLOSED_WORD,
  ITEM_METADATA,
  JOURNAL_NUMBER,
  matchSectionHeading,
  OPEN_CLOSED_MARKER,
  OPEN_REGION,
  RECOMMENDATION_PROSE,
  type SectionHeading,
  type SectionKind,
} from "./vocabulary.ts";

/** A section as found, before qualified decisions are resolved against the meeting. */
export interface RawSection {
  kind: SectionKind;
  heading: string | null;
  qualifierBody: string | null;
  qualifierDate: string | null;
  text: string;
}

interface RawItemBody {
  sections: RawSection[];
  attachments: string[];
  caseNumber: string | null;
  journalNumber: string | null;
  closed: boolean | null;
  absent: string[];
  /** Unheaded text before the first section that is not metadata. */
  preamble: string;
}

/** `./.`, `./..`, `./` (the Danish "enclosed" mark), alone or before a title, maybe as a bullet. */
const ENCLOSURE = /^(?:[-•*]\s*)?\.\/(?:\.{1,2})?(?:\s+(.*))?$/;
const NUMBERED_ATTACHMENT = /^(?:[-•*]\s*)?bilag\s*(?:nr\.?\s*)?\d{1,3}\s*[:.\-–)]\s*(.+)$/i;
const URL_ONLY = /^(?:<)?https?:\/\/\S+$/i;
const MARKDOWN_LINK = /\[([^\]]*)\]\([^)]*\)/g;
const EMPHASIS = /(?:\*{1,2}|_{2})([^*_]+?)(?:\*{1,2}|_{2})/g;
const MARKDOWN_ESCAPE = /\\([()[\]*_#.\\-])/g;
/** `Mødet sluttede kl. 18.10`, `Mødet hævet kl. 12.30`: the end of the minutes, not of the last item's text. */
const MEETING_END_LINE =
  /^m(?:ø|oe|o)?det\s+(?:blev\s+)?(?:sluttede|h(?:æ|ae|a|e)?vet|h(?:æ|ae|a|e)?vedes|afsluttet|afsluttedes|sluttet)\b/i;
const BULLET = /^(?:[-•*–]|\d{1,3}[.)]|[a-zæøå][.)])\s+/i;
const OUTCOME_HINT =
  /(godkend|anbefal|drøft|efterretning|udsat|udsætte|tiltr|vedt|afvist|afvis|taget|orienter)/i;

/** An attachment line as a clean title. */
function cleanAttachmentTitle(raw: string): string {
  let text = raw.replace(MARKDOWN_LINK, "$1").replace(EMPHASIS, "$1").replace(MARKDOWN_ESCAPE, "$1").trim();
  for (let i = 0; i < 3; i++) {
    const before = text;
    text = text
      .replace(/^\.\/(?:\.{1,2})?\s*/, "")
      .replace(BULLET, "")
      .replace(/^bilag\s*(?:nr\.?\s*)?\d{0,3}\s*[:.\-–)]\s*/i, "")
      .trim();
    if (text === before) break;
  }
  return text
    .replace(/\s*[:.]+$/, "")
    .replace(/^\*+|\*+$/g, "")
    .trim();
}

function sectionText(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (!line) {
      if (current.length) paragraphs.push(current.join("\n"));
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push(current.join("\n"));
  return paragraphs.join("\n\n").trim();
}

/** Sections an `Indstilling`-like line would open, but that is really a title in a list of attachments. */
function isAttachmentNotHeading(
  lines: readonly Line[],
  index: number,
  end: number,
  heading: SectionHeading,
  seen: ReadonlySet<SectionKind>,
): boolean {
  if (heading.inline !== null) return false;
  if (heading.kind === "attachments") return false;
  if (seen.has(heading.kind)) return true;
  let next = index + 1;
  while (next < end && !lines[next]?.text) next++;
  if (next >= end) return true;
  const text = lines[next]?.text ?? "";
  if (RECOMMENDATION_PROSE.test(text) || OUTCOME_HINT.test(text)) return false;
  if (text.endsWith(".") || text.length > 120) return false;
  return true;
}

/** Splits an item's lines (after its heading) into sections, attachments and metadata. */
export function parseItemBody(lines: readonly Line[], start: number, end: number): RawItemBody {
  const body: RawItemBody = {
    sections: [],
    attachments: [],
    caseNumber: null,
    journalNumber: null,
    closed: null,
    absent: [],
    preamble: "",
  };
  const preamble: string[] = [];
  const seen = new Set<SectionKind>();
  let current: { head: RawSection; lines: string[] } | null = null;
  let attach: "none" | "afterMarker" | "list" = "none";

  const flush = () => {
    if (!current) return;
    current.head.text = sectionText(current.lines);
    body.sections.push(current.head);
    current = null;
  };
  const addAttachment = (raw: string) => {
    const title = cleanAttachmentTitle(raw);
    if (title && /\p{L}/u.test(title)) body.attachments.push(title);
  };

  let lastLine = end - 1;
  while (lastLine >= start && !lines[lastLine]?.text) lastLine--;
  for (let i = start; i < end; i++) {
    const text = lines[i]?.text ?? "";
    if (!text) {
      if (attach === "list") attach = "none";
      (current ? current.lines : preamble).push("");
      continue;
    }
    if (CLOSED_REGION.test(text) || OPEN_REGION.test(text) || MEETING_END_LINE.test(text)) continue;
    // `Lukket punkt` as the last line belongs to the next item's heading (SBSYS prints it above).
    if (i === lastLine && current && OPEN_CLOSED_MARKER.test(text)) continue;

    const enclosure = ENCLOSURE.exec(text);
    if (enclosure) {
      if (enclosure[1]?.trim()) {
        addAttachment(enclosure[1]);
        attach = "list";
      } else attach = "afterMarker";
      continue;
    }
    const numbered = NUMBERED_ATTACHMENT.exec(text);
    if (numbered?.[1]) {
      addAttachment(numbered[1]);
      attach = "list";
      continue;
    }
    const absent = ABSENT_LABEL.exec(text);
    if (absent) {
      body.absent.push(...splitNames(absent[1] ?? ""));
      continue;
    }

    let heading = matchSectionHeading(text);
    const inAttachmentList = current?.head.kind === "attachments" || attach !== "none";
    if (heading && inAttachmentList && isAttachmentNotHeading(lines, i, end, heading, seen)) heading = null;

    if (heading) {
      attach = "none";
      flush();
      seen.add(heading.kind);
      current = {
        head: {
          kind: heading.kind,
          heading: heading.heading,
          qualifierBody: heading.qualifierBody,
          qualifierDate: heading.qualifierDate,
          text: "",
        },
        lines: [],
      };
      if (heading.kind === "attachments") {
        if (heading.inline) addAttachment(heading.inline);
      } else if (heading.inline) current.lines.push(heading.inline);
      continue;
    }

    if (attach !== "none" || current?.head.kind === "attachments") {
      if (URL_ONLY.test(text)) continue;
      if (attach === "afterMarker" || text.length <= 200) {
        addAttachment(text);
        if (attach === "afterMarker") attach = "list";
        continue;
      }
      attach = "none";
    }

    if (!current) {
      // Before the first heading: metadata, markers, an unheaded recommendation, or stray prose.
      const label = CASE_LABEL.exec(text);
      if (label?.[3]) {
        const value = label[3].replace(/[.,;]$/, "");
        if (label[2]) body.journalNumber ??= value;
        else body.caseNumber ??= value;
        const journal = JOURNAL_NUMBER.exec(text);
        if (label[1] && journal && journal[0] !== value) body.journalNumber ??= journal[0];
        continue;
      }
      if (OPEN_CLOSED_MARKER.test(text)) {
        const word = text.replace(/[():]/g, "").trim();
        body.closed = CLOSED_WORD.test(word);
        continue;
      }
      if (ITEM_METADATA.test(text)) continue;
      const caseMatch = CASE_NUMBER.exec(text);
      if (caseMatch && (caseMatch.index === 0 || text.length < 60)) {
        body.caseNumber ??= caseMatch[0];
        const journal = JOURNAL_NUMBER.exec(text);
        if (journal && journal[0] !== caseMatch[0]) body.journalNumber ??= journal[0];
        continue;
      }
      if (RECOMMENDATION_PROSE.test(text)) {
        seen.add("recommendation");
        current = {
          head: { kind: "recommendation", heading: null, qualifierBody: null, qualifierDate: null, text: "" },
          lines: [text],
        };
        continue;
      }
      preamble.push(text);
      continue;
    }
    current.lines.push(text);
  }
  flush();
  body.preamble = sectionText(preamble);
  return body;
}

const NAME_SPLIT = /\s*(?:,|;|\bog\b|\bsamt\b|&)\s*/;

/** `Bo Johansen (V), Lise Hansen og Per Olsen` → the names, without short parenthesised tags. */
export function splitNames(text: string): string[] {
  return text
    .split(NAME_SPLIT)
    .map((name) =>
      name
        .replace(/\s*\([^)]{1,6}\)\s*$/, "")
        .replace(/[.:]$/, "")
        .trim(),
    )
    .filter((name) => name.length > 1 && /\p{L}/u.test(name));
}
