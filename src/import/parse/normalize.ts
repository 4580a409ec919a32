import type { SourceLine } from "../extract/source-lines.ts";

/** A cleaned line: furniture removed, broken lines and hyphenation repaired. "" is a paragraph break. */
export interface Line {
  text: string;
  page: number | null;
  heading: boolean;
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing stray control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const MULTI_SPACE = / {2,}/g;

/** `Side 3 af 12`, `Page 3`, `- 3 -`, `3/12`: page numbers alone on a line. */
const PAGE_NUMBER_LINE =
  /^(?:(?:side|page|s\.)\s*\d{1,4}(?:\s*(?:af|of|\/)\s*\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4})$/i;
/** A running header or footer that ends in a page number: `Økonomiudvalget 14-03-2023 Side 3 af 12`. */
const TRAILING_PAGE_NUMBER = /(?:^|\s)(?:side|page)\s+\d{1,4}(?:\s*(?:af|of|\/)\s*\d{1,4})?\s*$/i;
const DIGITS = /\d+/g;

const HYPHEN_END = /[a-zæøåäöüé]-$/;
const LOWER_START = /^[a-zæøåäöüé]/;
/** Words after which a trailing hyphen is a Danish suspended compound (`erhvervs- og ...`), not a break. */
const KEEP_HYPHEN_NEXT = /^(?:og|eller|samt|til|,)\b/;
const SENTENCE_END = /[.:;!?]$/;
const STRUCTURAL_START = /^(?:\d{1,4}(?:\.\d{1,2})*[.):]?\s|[-•*–]\s|\.\/|[a-zæøå][.)]\s)/i;
const SINGLE_WORD = /^\S+$/;

function clean(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(ODD_SPACE, " ")
    .replace(CONTROL, "")
    .replace(MULTI_SPACE, " ")
    .trim();
}

function furnitureKey(text: string): string {
  return text.replace(DIGITS, "#").toLowerCase();
}

/**
 * Removes page furniture: page numbers, and headers or footers that repeat at the top or bottom
 * of pages (only where page boundaries are known, or next to a page-number line: repeated lines
 * elsewhere are often real content, such as `KD-Net tog orienteringen til efterretning.`).
 */
function removeFurniture(lines: Line[]): Line[] {
  const drop = new Uint8Array(lines.length);
  const paged = lines.some((line) => line.page !== null);
  const edgeCounts = new Map<string, Set<number>>();
  const edgeLines: number[] = [];

  if (paged) {
    // The first and last three non-empty lines of every page are where furniture lives.
    let start = 0;
    while (start < lines.length) {
      const page = lines[start]?.page ?? null;
      let end = start;
      while (end < lines.length && (lines[end]?.page ?? null) === page) end++;
      const nonEmpty: number[] = [];
      for (let i = start; i < end; i++) if (lines[i]?.text) nonEmpty.push(i);
      const edges = new Set([...nonEmpty.slice(0, 3), ...nonEmpty.slice(-3)]);
      for (const index of edges) {
        edgeLines.push(index);
        const key = furnitureKey(lines[index]?.text ?? "");
        let pages = edgeCounts.get(key);
        if (!pages) {
          pages = new Set();
          edgeCounts.set(key, pages);
        }
        pages.add(page ?? 0);
      }
      start = end;
    }
  }

  const edgeSet = new Set(edgeLines);
  const pageCount = new Set(lines.map((line) => line.page)).size;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (!text) continue;
    const bareNumber = /^\d{1,4}$/.test(text);
    if (bareNumber) {
      // A bare number is furniture only at a page edge; elsewhere it may be an item number.
      if (paged && edgeSet.has(i)) drop[i] = 1;
      continue;
    }
    if (PAGE_NUMBER_LINE.test(text) || (text.length < 140 && TRAILING_PAGE_NUMBER.test(text))) drop[i] = 1;
  }
  if (paged && pageCount >= 2) {
    const threshold = Math.max(2, Math.ceil(pageCount / 2));
    for (const index of edgeSet) {
      const text = lines[index]?.text ?? "";
      if (text.length > 140) continue;
      if ((edgeCounts.get(furnitureKey(text))?.size ?? 0) >= threshold) drop[index] = 1;
    }
  } else {
    // Without page boundaries: lines that sit next to a dropped page number and repeat are furniture.
    const counts = new Map<string, number>();
    for (const line of lines)
      if (line.text) counts.set(furnitureKey(line.text), (counts.get(furnitureKey(line.text)) ?? 0) + 1);
    for (let i = 0; i < lines.length; i++) {
      if (!drop[i] || !PAGE_NUMBER_LINE.test(lines[i]?.text ?? "")) continue;
      for (const j of [i - 2, i - 1, i + 1, i + 2]) {
        const text = lines[j]?.text;
        if (text && text.length <= 140 && (counts.get(furnitureKey(text)) ?? 0) >= 2) drop[j] = 1;
      }
    }
  }
  return lines.filter((_, i) => !drop[i]);
}

/**
 * Joins what extraction broke: hyphenated words across lines, PDF lines that ran to the margin,
 * and a sentence that continues in lower case after a stray paragraph break.
 */
function repairLines(lines: Line[], wrapped: Uint8Array): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    let text = line.text;
    let wrap = wrapped[i] === 1;
    let j = i + 1;
    while (text) {
      // Look past at most two blank lines for the continuation.
      let k = j;
      while (k < lines.length && k - j < 2 && !lines[k]?.text) k++;
      const next = lines[k];
      if (!next?.text) break;
      const adjacent = k === j;
      if (
        HYPHEN_END.test(text) &&
        LOWER_START.test(next.text) &&
        !KEEP_HYPHEN_NEXT.test(next.text) &&
        adjacent
      ) {
        text = text.slice(0, -1) + next.text;
      } else if (
        wrap &&
        adjacent &&
        !STRUCTURAL_START.test(next.text) &&
        // A heading that wrapped goes on in the same type; body text may not run into a heading,
        // nor into a one-word line such as `Indstilling`.
        (line.heading
          ? next.heading
          : !next.heading && !(SINGLE_WORD.test(next.text) && !LOWER_START.test(next.text)))
      ) {
        text =
          HYPHEN_END.test(text) && !KEEP_HYPHEN_NEXT.test(next.text)
            ? text + next.text
            : `${text} ${next.text}`;
      } else if (
        text.length >= 30 &&
        !SENTENCE_END.test(text) &&
        LOWER_START.test(next.text) &&
        !STRUCTURAL_START.test(next.text) &&
        !line.heading
      ) {
        text = `${text} ${next.text}`;
      } else break;
      wrap = wrapped[k] === 1;
      j = k + 1;
    }
    out.push({ text, page: line.page, heading: line.heading });
    i = j;
  }
  return out;
}

/** Source lines to clean lines: invisible characters, furniture, broken lines; single blank lines between paragraphs. */
export function normalizeLines(source: readonly SourceLine[]): Line[] {
  const cleaned: Line[] = [];
  const wrappedFlags: number[] = [];
  for (const line of source) {
    cleaned.push({ text: clean(line.text), page: line.page, heading: line.heading });
    wrappedFlags.push(line.wrapped ? 1 : 0);
  }
  // Furniture removal must keep the wrapped flags aligned, so mark rather than filter first.
  const kept = removeFurniture(
    cleaned.map((line, index) => ({ ...line, index })) as (Line & { index: number })[],
  );
  const wrapped = new Uint8Array(kept.length);
  kept.forEach((line, i) => {
    wrapped[i] = wrappedFlags[(line as Line & { index: number }).index] ?? 0;
  });
  const repaired = repairLines(kept, wrapped);
  const out: Line[] = [];
  for (const line of repaired) {
    if (!line.text && (out.length === 0 || !out[out.length - 1]?.text)) continue;
    out.push({ text: line.text, page: line.page, heading: line.heading });
  }
  while (out.length && !out[out.length - 1]?.text) out.pop();
  return out;
}
