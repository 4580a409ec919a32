/**
 * The search box's syntax, as `websearch_to_tsquery` reads it: words, "a phrase", -word (without),
 * OR. PostgreSQL parses the query; this module only finds the words looked for, so that the search
 * can start from titles that contain any of them and correct a misspelt one.
 */

/** Highlight markers in snippets: private-use characters that no document contains. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export interface QueryWord {
  text: string;
  /** Inside quotes: part of a phrase. */
  quoted: boolean;
}

/** The words of the query, looked for or (after `-`) excluded; the OR operator is not a word. */
export function queryWords(query: string): { wanted: QueryWord[]; negated: QueryWord[] } {
  const wanted: QueryWord[] = [];
  const negated: QueryWord[] = [];
  const pattern = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const match of query.matchAll(pattern)) {
    const quoted = match[2] !== undefined;
    const text = match[2] ?? match[4] ?? "";
    const minus = (quoted ? match[1] : match[3]) === "-";
    if (!quoted && text.toLowerCase() === "or") continue;
    for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
      if (word) (minus ? negated : wanted).push({ text: word, quoted });
    }
  }
  return { wanted, negated };
}

/** The words the query looks for: not the negated ones, not the OR operator. */
export function wantedWords(query: string): QueryWord[] {
  return queryWords(query).wanted;
}

/** The query with one word replaced wherever it stands on its own (a correction). */
export function replaceWord(query: string, word: string, replacement: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return query.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"), replacement);
}

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * A snippet or highlighted title cut into plain and marked runs: a page escapes each run's text
 * and wraps the marked ones in <mark>.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(/([\uE000\uE001])/u)) {
    if (piece === MARK_START) marked = true;
    else if (piece === MARK_END) marked = false;
    else if (piece) parts.push({ text: piece, marked });
  }
  return parts;
}

const NEGATED = /(^|\s)-("[^"]*"?|[^\s"]+)/g;

/** The query without its -words: what ranks the matches (a rank of "a -b" scores a only). */
export function positiveQuery(query: string): string {
  return query.replace(NEGATED, " ").trim();
}

/**
 * The query loosened so that an index alone decides it: no -words, no phrases (their words must
 * still all be there). It finds a superset of the matches, which the exact query then checks.
 */
export function relaxedQuery(query: string): string {
  return positiveQuery(query).replaceAll('"', " ").trim();
}
