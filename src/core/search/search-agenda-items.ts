import type { Queryable } from "../../platform/db/database.ts";
import { decodeCursor, encodeCursor } from "../../platform/db/keyset.ts";
import { AppError } from "../../platform/errors.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import { searchableItemCondition, searchableMinutesCondition } from "../publication/visibility.ts";
import type { Actor, Context } from "../shared/context.ts";
import {
  MARK_END,
  MARK_START,
  positiveQuery,
  queryWords,
  relaxedQuery,
  replaceWord,
  wantedWords,
} from "./query-text.ts";
import {
  type MatchedPart,
  SEARCH_PAGE_SIZE,
  type SearchHit,
  type SearchQuery,
  type SearchResults,
} from "./search.schema.ts";

/**
 * Full-text search over agenda items (see docs/decisions/0003-search.md).
 *
 * Ranking is PostgreSQL's `ts_rank` over the item's weighted text (title A, Indstilling B, the
 * other sections C, attachments D; the decision, where visible, scored like B), for the query
 * without its -words. The naive query ranks every match and sorts; for a common word that is
 * hundreds of thousands of rows, each read and decompressed, which is where the time goes. This
 * search ranks a bounded candidate set instead, chosen through indexes alone (no document is read)
 * so that it holds the items the full ranking puts first:
 *
 * - head: for one word (or an OR of words), the items at its best head levels (the terms index:
 *   `word#hN`, N from the word's rank where it is in the title; the Indstilling's below), read
 *   level by level, best first. A word in the title (A) outweighs any number of occurrences below
 *   it, and the first occurrences weigh most, so when a title matches, the top of the full ranking
 *   is among these. For words that must all match: the heads holding them all, by head rank
 *   (twice as many).
 * - frequent: items that use the words most often (`word#n` = at least n times in the title,
 *   Indstilling or sections), read level by level, most frequent first, until the stage is full.
 *   An unnormalised rank grows with the number of occurrences: when no title matches, the top of
 *   the full ranking is here.
 * - matching: matches read through the text index, unordered (all of them, when they are few).
 * - decided: items whose visible decision matches.
 *
 * Each stage takes at most `CANDIDATES`. The exact query is then checked, and the rank computed,
 * on the candidates alone, so their order is the naive order. When `matching` and `decided` took
 * fewer than `CANDIDATES`, every match was a candidate: the result and its total are exact.
 * Otherwise the total is the planner's estimate.
 *
 * Filters that allow few items skip the stages: a case's or a person's items are all ranked, and
 * a body, dates or an outcome that the planner expects to leave few items rank every match.
 */
export const CANDIDATES = 400;

/** Deepest page reachable: search is for finding, the lists are for browsing. */
const MAX_OFFSET = 200;

const TEXT_SEARCH_CONFIG = "danish";
/** Decision positions carry weight D; scoring them with B's weight ranks a decision like an Indstilling. */
const DECISION_WEIGHTS = "'{0.4, 0.2, 0.4, 1.0}'::float4[]";
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`;
const TITLE_HIGHLIGHT_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
/** Attachment text a snippet is drawn from: enough for a passage, bounded for speed. */
const SNIPPET_ATTACHMENT_CHARS = 20_000;

/**
 * Parameters of statements built from parts: a part takes a placeholder, and a finished statement
 * numbers only the placeholders it uses, so that no statement carries a parameter it never reads
 * (PostgreSQL cannot type those).
 */
class Params {
  readonly #values: unknown[] = [];
  add(value: unknown): string {
    this.#values.push(value);
    return `\uE100${this.#values.length - 1}\uE101`;
  }
  statement(sql: string): { sql: string; params: unknown[] } {
    const numbers = new Map<number, number>();
    const params: unknown[] = [];
    const numbered = sql.replace(/\uE100(\d+)\uE101/g, (_, index: string) => {
      const key = Number(index);
      let number = numbers.get(key);
      if (number === undefined) {
        params.push(this.#values[key]);
        number = params.length;
        numbers.set(key, number);
      }
      return `$${number}`;
    });
    return { sql: numbered, params };
  }
}

/** The words PostgreSQL looks for and excludes, stop words removed: letters and digits only. */
interface SearchWords {
  wanted: string[];
  negated: string[];
  /** The wanted words' lexemes (stemmed), for the frequent-terms index. */
  lexemes: string[];
  /** Whether the query joins its words with OR rather than AND. */
  either: boolean;
}

/** Levels of the frequent-terms index (migration 20261124120100), most frequent first. */
const FREQUENCY_LEVELS = [12, 10, 8, 6, 5, 4, 3, 2];
/**
 * Levels of the head (migration 20261125100100), best first: 23 to 3 for a word in the title, by
 * its rank in the whole text; 2 to 0 for a word only in the Indstilling.
 */
const HEAD_LEVELS = Array.from({ length: 24 }, (_, index) => 23 - index);

/** The SQL of one search over `s` (narrow row), `t` (agenda text) and `m` (meeting). */
interface SearchSql {
  params: Params;
  /** Visibility and the filters: columns of `s` and `m` only, never a vector. */
  filters: string;
  /** The exact text match: the query as typed, on what the actor may search. */
  match: string;
  /** The rank of the row. */
  rank: string;
  /** The query as typed / without -words / loosened for an index (see query-text.ts). */
  tsquery: string;
  rankQuery: string;
  relaxedQuery: string;
  /** A tsquery of any wanted word (the words joined by OR). */
  anyWord: string;
  /** Per level of the frequent-terms index: the query of items using the words that often. */
  frequentAt: { level: number; tsquery: string }[];
  /** For one word or an OR, per head level, best first: the query of the items holding a word there. */
  headAt: { level: number; tsquery: string }[];
  /** The rank from the narrow row alone: the head's, plus the visible decision's. */
  headRank: string;
  /**
   * A narrowing filter's items read from its own index (the case's treatments, the person's
   * presentations and meetings): a superset of the items the filters allow, small enough to rank
   * whole. Null when no such filter is given.
   */
  narrowedTo: string | null;
  /** Whether the decision of row `s` may be searched and shown. */
  minutesVisible: string;
  scope: NonNullable<SearchQuery["scope"]>;
}

const orQuery = (words: string[]) => words.join(" | ");
const FROM = `FROM agenda_item_search s JOIN agenda_item_text_search t ON t.agenda_item_id = s.agenda_item_id
  JOIN meetings m ON m.id = s.meeting_id`;

/** Builds the conditions shared by the naive query and the bounded one. */
function searchSql(actor: Actor, query: SearchQuery, words: SearchWords): SearchSql {
  const params = new Params();
  const webQuery = (text: string) => `websearch_to_tsquery('${TEXT_SEARCH_CONFIG}', ${params.add(text)})`;
  const tsquery = webQuery(query.q);
  const positive = positiveQuery(query.q);
  const rankQuery = positive === query.q ? tsquery : webQuery(positive);
  const relaxed = relaxedQuery(query.q);
  const relaxedTsquery = relaxed === positive ? rankQuery : webQuery(relaxed);
  const anyWord = `to_tsquery('${TEXT_SEARCH_CONFIG}', ${params.add(orQuery(words.wanted))})`;
  const minutesVisible = searchableMinutesCondition(actor, "s", "m");
  const agendaRank = `ts_rank(t.agenda_vector, ${rankQuery})`;
  const decisionRank = `ts_rank(${DECISION_WEIGHTS}, s.decision_vector, ${rankQuery})`;
  const scope = query.scope ?? "all";
  let match: string;
  let rank: string;
  let headRank = `ts_rank(s.head_vector, ${rankQuery})`;
  if (scope === "agenda") {
    match = `t.agenda_vector @@ ${tsquery}`;
    rank = agendaRank;
  } else if (scope === "minutes") {
    match = `${minutesVisible} AND s.decision_vector @@ ${tsquery}`;
    rank = decisionRank;
  } else {
    // The agenda's text and a visible decision are searched as one text: "a b" matches an item
    // with a in its title and b in its decision, and "-b" leaves it out if its decision says b.
    const excludedByDecision = words.negated.length
      ? ` AND NOT (${minutesVisible} AND s.decision_vector @@ to_tsquery('${TEXT_SEARCH_CONFIG}', ${params.add(orQuery(words.negated))}))`
      : "";
    match = `((t.agenda_vector @@ ${tsquery}${excludedByDecision})
      OR (${minutesVisible} AND s.decision_vector @@ ${anyWord}
        AND (t.agenda_vector || s.decision_vector) @@ ${tsquery}))`;
    rank = `(${agendaRank} + CASE WHEN ${minutesVisible} THEN ${decisionRank} ELSE 0 END)`;
    headRank = `(${headRank} + CASE WHEN ${minutesVisible} THEN ${decisionRank} ELSE 0 END)`;
  }
  const filters: string[] = [searchableItemCondition(actor, "s", "m")];
  if (query.organizationId) filters.push(`m.organization_id = ${params.add(query.organizationId)}::uuid`);
  if (query.from) {
    filters.push(
      `m.start_at >= (${params.add(query.from)}::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'`,
    );
  }
  if (query.to) {
    filters.push(
      `m.start_at < (${params.add(query.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen'`,
    );
  }
  if (query.outcome) filters.push(`${minutesVisible} AND s.outcome = ${params.add(query.outcome)}`);
  let narrowedTo: string | null = null;
  if (query.caseId) {
    const caseId = params.add(query.caseId);
    filters.push(`EXISTS (SELECT 1 FROM consultations sc
      WHERE sc.agenda_item_id = s.agenda_item_id AND sc.case_id = ${caseId}::uuid)`);
    narrowedTo = `SELECT agenda_item_id FROM consultations WHERE case_id = ${caseId}::uuid AND agenda_item_id IS NOT NULL`;
  }
  if (query.personId) {
    const person = params.add(query.personId);
    narrowedTo ??= `SELECT agenda_item_id FROM agenda_item_presenters WHERE person_id = ${person}::uuid
      UNION
      SELECT s.agenda_item_id FROM meeting_attendance a JOIN agenda_item_search s ON s.meeting_id = a.meeting_id
      WHERE a.person_id = ${person}::uuid AND a.status = 'present'`;
    // Presenters show with the open item; who attended shows with the minutes.
    filters.push(`(EXISTS (SELECT 1 FROM agenda_item_presenters sp
        WHERE sp.agenda_item_id = s.agenda_item_id AND sp.person_id = ${person}::uuid)
      OR (${minutesVisible} AND EXISTS (SELECT 1 FROM meeting_attendance sa
        WHERE sa.meeting_id = s.meeting_id AND sa.person_id = ${person}::uuid AND sa.status = 'present')))`);
  }
  const frequentAt = words.lexemes.length
    ? FREQUENCY_LEVELS.map((level) => ({
        level,
        tsquery: `${params.add(words.lexemes.map((lexeme) => `'${lexeme}#${level}'`).join(words.either ? " | " : " & "))}::tsquery`,
      }))
    : [];
  // One word, or words joined by OR: their head levels, best first; for an OR, first the items
  // whose head holds every word (ts_rank of an OR query averages over its words). Words that must
  // all match: the heads holding them all, by head rank (an AND query ranks those first, and a
  // phrase those holding it, which no level of a single word can tell).
  const token = (lexeme: string, level: number) => `'${lexeme}#h${level}'`;
  const inHead = (lexeme: string) => `(${HEAD_LEVELS.map((level) => token(lexeme, level)).join(" | ")})`;
  const walkHeadLevels = (allWords: boolean) =>
    HEAD_LEVELS.map((level) => {
      const any = words.lexemes.map((lexeme) => token(lexeme, level)).join(" | ");
      const query = allWords ? `(${any}) & ${words.lexemes.map(inHead).join(" & ")}` : any;
      return { level, tsquery: `${params.add(query)}::tsquery` };
    });
  const headAt =
    words.lexemes.length === 1
      ? walkHeadLevels(false)
      : words.either
        ? [...walkHeadLevels(true), ...walkHeadLevels(false)]
        : [];
  return {
    params,
    frequentAt,
    headAt,
    headRank,
    filters: filters.join(" AND "),
    match,
    rank,
    tsquery,
    rankQuery,
    relaxedQuery: relaxedTsquery,
    anyWord,
    narrowedTo,
    minutesVisible,
    scope,
  };
}

/**
 * The baseline every simple system uses: rank all matches, sort, take a page. The benchmark
 * compares against it; the search itself never runs it.
 */
export function naiveSearchStatement(
  actor: Actor,
  query: SearchQuery,
  words: SearchWords,
  limit = SEARCH_PAGE_SIZE,
): { sql: string; params: unknown[] } {
  const built = searchSql(actor, query, words);
  return built.params.statement(`SELECT s.agenda_item_id AS id, ${built.rank} AS rank ${FROM}
      WHERE ${built.match} AND ${built.filters}
      ORDER BY rank DESC, s.agenda_item_id LIMIT ${limit}`);
}

/**
 * Every match within filters that allow few items, ranked exactly: PostgreSQL drives it from the
 * filters' own indexes (a body's meetings, a year of meetings), which is cheaper than any stage.
 */
function exactSearchStatement(built: SearchSql, limit: number, offset: number): string {
  return `WITH ranked AS (
      SELECT s.agenda_item_id AS id, ${built.rank} AS rank ${FROM}
      WHERE ${built.match} AND ${built.filters}
    )
    SELECT id, rank, (SELECT count(*)::int FROM ranked) AS matches, true AS complete
    FROM ranked ORDER BY rank DESC, id LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * The bounded query: candidates by head level, by frequency, among the matches and by decision
 * (each read through an index, no vector decompressed), then the exact match and rank on those
 * alone. A case or a person instead gives all of their items.
 */
function boundedSearchStatement(built: SearchSql, candidates: number, limit: number, offset: number): string {
  const narrow = "FROM agenda_item_search s JOIN meetings m ON m.id = s.meeting_id";
  const stages: string[] = [];
  if (built.narrowedTo) {
    // A case or a person: every item they allow is a candidate (the result is exact), read from
    // their own index; matching a common word first would read tens of thousands of rows.
    stages.push(`narrowed AS MATERIALIZED (${built.narrowedTo})`);
  } else if (built.scope !== "minutes") {
    // Levels of the terms index, best first, each read from the index alone (a plan per level is
    // cheap to make); the filters apply once, to the rows as they come, and PostgreSQL stops
    // reading at the first levels that give enough.
    const walk = (levels: SearchSql["frequentAt"], limit: number, disjoint: boolean) =>
      `SELECT s.agenda_item_id FROM (${levels
        .map(({ tsquery }, index) => {
          const higher = levels[index - 1];
          const level = disjoint && higher ? `(${tsquery} && !!${higher.tsquery})` : tsquery;
          return `(SELECT agenda_item_id FROM agenda_item_terms WHERE terms @@ ${level})`;
        })
        .join(" UNION ALL ")}) levels
        JOIN agenda_item_search s ON s.agenda_item_id = levels.agenda_item_id JOIN meetings m ON m.id = s.meeting_id
        WHERE ${built.filters} LIMIT ${limit}`;
    stages.push(
      built.headAt.length
        ? `head AS (${walk(built.headAt, candidates, false)})`
        : `head AS (SELECT s.agenda_item_id ${narrow}
        WHERE s.head_vector @@ ${built.relaxedQuery} AND ${built.filters}
        ORDER BY ${built.headRank} DESC, s.agenda_length DESC LIMIT ${2 * candidates})`,
    );
    // Frequency levels are cumulative (`word#4` also holds those of `word#5`): each level leaves out the one above.
    if (built.frequentAt.length) stages.push(`frequent AS (${walk(built.frequentAt, candidates, true)})`);
    // Through the text index, unordered: every match when there are few (the result is then
    // exact). Walking the longest items as well cost 50 to 100 ms a common word at 500,000 items
    // (their vectors are the largest to read), and the head levels and frequent terms now find
    // what it found.
    stages.push(`matching AS (SELECT s.agenda_item_id ${FROM}
        WHERE t.agenda_vector @@ ${built.relaxedQuery} AND ${built.filters} LIMIT ${candidates})`);
  }
  if (!built.narrowedTo && built.scope !== "agenda") {
    stages.push(`decided AS (SELECT s.agenda_item_id ${narrow}
        WHERE ${built.minutesVisible} AND s.decision_vector @@ ${built.relaxedQuery} AND ${built.filters}
        LIMIT ${candidates})`);
  }
  const names = stages.map((stage) => stage.slice(0, stage.indexOf(" ")));
  // Complete when no stage that finds matches in full (all but `head`) hit its limit.
  const complete = built.narrowedTo
    ? "true"
    : names
        .filter((name) => name !== "head" && name !== "frequent")
        .map((name) => `(SELECT count(*) FROM ${name}) < ${candidates}`)
        .join(" AND ");
  return `WITH ${stages.join(",\n")},
    candidates AS (${names.map((name) => `SELECT agenda_item_id FROM ${name}`).join(" UNION ")}),
    ranked AS (
      SELECT s.agenda_item_id AS id, ${built.rank} AS rank
      FROM candidates c JOIN agenda_item_search s ON s.agenda_item_id = c.agenda_item_id
      JOIN agenda_item_text_search t ON t.agenda_item_id = s.agenda_item_id
      JOIN meetings m ON m.id = s.meeting_id
      WHERE ${built.match} AND ${built.filters}
    )
    SELECT id, rank, (SELECT count(*)::int FROM ranked) AS matches, ${complete} AS complete
    FROM ranked ORDER BY rank DESC, id LIMIT ${limit} OFFSET ${offset}`;
}

interface RankedRow {
  id: string;
  rank: number;
  matches: number;
  complete: boolean;
}

interface DetailRow {
  id: string;
  meetingId: string;
  organizationId: string;
  organizationName: string;
  meetingTitle: string;
  meetingStart: Date;
  itemNumber: string;
  itemTitle: string;
  titleHighlight: string;
  snippet: string;
  inTitle: boolean;
  inSections: boolean;
  inDecision: boolean;
  inAttachments: boolean;
}

async function details(
  db: Queryable,
  actor: Actor,
  query: SearchQuery,
  words: SearchWords,
  ids: string[],
): Promise<Map<string, DetailRow>> {
  if (ids.length === 0) return new Map();
  const scope = query.scope ?? "all";
  const params = new Params();
  const q = `websearch_to_tsquery('${TEXT_SEARCH_CONFIG}', ${params.add(query.q)})`;
  const anyWord = `to_tsquery('${TEXT_SEARCH_CONFIG}', ${params.add(orQuery(words.wanted))})`;
  const [idsParam, headline, titleHeadline] = [
    params.add(ids),
    params.add(HEADLINE_OPTIONS),
    params.add(TITLE_HIGHLIGHT_OPTIONS),
  ];
  const minutesVisible = searchableMinutesCondition(actor, "s", "m");
  const decision = `CASE WHEN ${minutesVisible} THEN i.decision END`;
  const sections = "concat_ws(E'\\n', i.recommendation, i.background, i.case_presentation, i.finance)";
  // The snippet comes only from text the reader may see, and from the scope searched.
  const snippetText =
    scope === "minutes"
      ? decision
      : scope === "agenda"
        ? `concat_ws(E'\\n', ${sections}, left(att.text, ${SNIPPET_ATTACHMENT_CHARS}))`
        : `concat_ws(E'\\n', ${sections}, ${decision}, left(att.text, ${SNIPPET_ATTACHMENT_CHARS}))`;
  const statement = params.statement(
    `SELECT i.id, i.meeting_id AS "meetingId", m.organization_id AS "organizationId",
        o.name AS "organizationName", m.title AS "meetingTitle", m.start_at AS "meetingStart",
        i.number AS "itemNumber", i.title AS "itemTitle",
        ts_headline('${TEXT_SEARCH_CONFIG}', i.title, ${q}, ${titleHeadline}) AS "titleHighlight",
        CASE WHEN to_tsvector('${TEXT_SEARCH_CONFIG}', coalesce(${snippetText}, '')) @@ (${anyWord})
          THEN ts_headline('${TEXT_SEARCH_CONFIG}', ${snippetText}, ${q}, ${headline}) ELSE '' END AS snippet,
        to_tsvector('${TEXT_SEARCH_CONFIG}', i.title) @@ (${anyWord}) AS "inTitle",
        to_tsvector('${TEXT_SEARCH_CONFIG}', ${sections}) @@ (${anyWord}) AS "inSections",
        coalesce(${minutesVisible} AND s.decision_vector @@ (${anyWord}), false) AS "inDecision",
        coalesce(to_tsvector('${TEXT_SEARCH_CONFIG}', att.text) @@ (${anyWord}), false) AS "inAttachments"
      FROM agenda_items i
      JOIN agenda_item_search s ON s.agenda_item_id = i.id
      JOIN meetings m ON m.id = i.meeting_id
      JOIN organizations o ON o.id = m.organization_id
      LEFT JOIN LATERAL (SELECT string_agg(f.extracted_text, E'\\n' ORDER BY f.created_at, f.id) AS text
        FROM files f WHERE f.agenda_item_id = i.id) att ON true
      WHERE i.id = ANY (${idsParam}::uuid[])`,
  );
  const rows = await db.query<DetailRow>(statement.sql, statement.params);
  return new Map(rows.map((row) => [row.id, row]));
}

function matchedIn(row: DetailRow, scope: SearchQuery["scope"]): MatchedPart[] {
  const parts: MatchedPart[] = [];
  if (scope !== "minutes" && row.inTitle) parts.push("title");
  if (scope !== "minutes" && row.inSections) parts.push("sections");
  if (scope !== "agenda" && row.inDecision) parts.push("decision");
  if (scope !== "minutes" && row.inAttachments) parts.push("attachments");
  return parts;
}

/** The planner's estimate of the matches: counting them exactly would cost what ranking them does. */
async function estimateMatches(db: Queryable, built: SearchSql): Promise<number> {
  return plannedRows(
    db,
    built.params.statement(
      `EXPLAIN (FORMAT JSON) SELECT 1 ${FROM} WHERE ${built.match} AND ${built.filters}`,
    ),
  );
}

/** The rows the planner expects an `EXPLAIN (FORMAT JSON)` statement to return. */
async function plannedRows(db: Queryable, statement: { sql: string; params: unknown[] }): Promise<number> {
  const [row] = await db.query<{ "QUERY PLAN": unknown }>(statement.sql, statement.params);
  const plan = row?.["QUERY PLAN"];
  const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: { "Plan Rows": number } }[];
  return Math.round(parsed[0]?.Plan["Plan Rows"] ?? 0);
}

/** Items the filters may allow for the exact ranking to be chosen over the bounded one. */
const EXACT_RANKING_ITEMS = 40_000;

/**
 * Whether a body, dates or an outcome narrow the search to few enough items to rank every match:
 * the planner's estimate of the items they allow, which costs a plan, not a scan.
 */
async function filtersAllowFew(db: Queryable, query: SearchQuery, built: SearchSql): Promise<boolean> {
  if (!query.organizationId && !query.from && !query.to && !query.outcome) return false;
  const statement = built.params.statement(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM agenda_item_search s JOIN meetings m ON m.id = s.meeting_id
     WHERE ${built.filters}`,
  );
  return (await plannedRows(db, statement)) <= EXACT_RANKING_ITEMS;
}

interface SearchRun {
  words: SearchWords;
  rows: RankedRow[];
  total: number | null;
}

/** The words PostgreSQL would look for (stop words such as `og` drop out); null: nothing to search. */
export async function searchWords(db: Queryable, q: string): Promise<SearchWords | null> {
  const { wanted, negated } = queryWords(q);
  const lower = (words: { text: string }[]) => [...new Set(words.map((w) => w.text.toLowerCase()))];
  const [row] = await db.query<{ nodes: number; wanted: string[]; negated: string[]; lexemes: string[] }>(
    `SELECT numnode(websearch_to_tsquery('${TEXT_SEARCH_CONFIG}', $1)) AS nodes,
       ARRAY(SELECT w FROM unnest($2::text[]) w WHERE numnode(plainto_tsquery('${TEXT_SEARCH_CONFIG}', w)) > 0) AS wanted,
       ARRAY(SELECT w FROM unnest($3::text[]) w WHERE numnode(plainto_tsquery('${TEXT_SEARCH_CONFIG}', w)) > 0) AS negated,
       tsvector_to_array(to_tsvector('${TEXT_SEARCH_CONFIG}', array_to_string($2::text[], ' '))) AS lexemes`,
    [q, lower(wanted), lower(negated)],
  );
  if (!row || row.nodes === 0 || row.wanted.length === 0) return null;
  return { wanted: row.wanted, negated: row.negated, lexemes: row.lexemes, either: /\sor\s/i.test(q) };
}

async function runSearch(
  ctx: Context,
  query: SearchQuery,
  offset: number,
  limit: number,
): Promise<SearchRun | null> {
  const words = await searchWords(ctx.db, query.q);
  if (!words) return null;
  const built = searchSql(ctx.actor, query, words);
  const cap = Math.max(CANDIDATES, offset + limit + 1);
  const exact = !built.narrowedTo && (await filtersAllowFew(ctx.db, query, built));
  let rows: RankedRow[];
  if (exact) {
    // Ranking every match is work PostgreSQL may share among parallel workers.
    const statement = built.params.statement(exactSearchStatement(built, limit + 1, offset));
    rows = await ctx.db.query<RankedRow>(statement.sql, statement.params);
  } else {
    // Parallel workers only add start-up time to a query this bounded, and the stages' levels are
    // read in order only in a plan without them.
    const statement = built.params.statement(boundedSearchStatement(built, cap, limit + 1, offset));
    rows = await ctx.db.transaction(async (tx) => {
      await tx.query("SET LOCAL max_parallel_workers_per_gather = 0");
      return tx.query<RankedRow>(statement.sql, statement.params);
    });
  }
  // Complete: no stage that finds every match hit the cap, so every match was ranked.
  const first = rows[0];
  const total = first ? (first.complete ? first.matches : null) : offset === 0 ? 0 : null;
  return { words, rows, total };
}

/**
 * A word nothing visible matches, replaced by the most similar word of a person's or a body's
 * name (trigram similarity): `Thyring` becomes `Thyrring`. Null when no word needs or has one.
 */
async function correctedQuery(ctx: Context, query: SearchQuery): Promise<string | null> {
  let corrected = query.q;
  for (const word of wantedWords(query.q)) {
    if (word.text.length < 4 || /\d/.test(word.text)) continue;
    // Both text indexes, read in full: an EXISTS over the joins would be planned as a scan that
    // stops at the first match, and a word that matches nothing would read every item.
    const [found] = await ctx.db.query<{ any: boolean }>(
      `WITH hits AS MATERIALIZED (
         SELECT agenda_item_id, true AS agenda FROM agenda_item_text_search
         WHERE agenda_vector @@ plainto_tsquery('${TEXT_SEARCH_CONFIG}', $1)
         UNION ALL
         SELECT agenda_item_id, false FROM agenda_item_search
         WHERE decision_vector @@ plainto_tsquery('${TEXT_SEARCH_CONFIG}', $1))
       SELECT EXISTS (SELECT 1 FROM hits h JOIN agenda_item_search s ON s.agenda_item_id = h.agenda_item_id
         JOIN meetings m ON m.id = s.meeting_id
         WHERE ${searchableItemCondition(ctx.actor, "s", "m")}
           AND (h.agenda OR ${searchableMinutesCondition(ctx.actor, "s", "m")})) AS any`,
      [word.text],
    );
    if (found?.any) continue;
    const [similar] = await ctx.db.query<{ word: string }>(
      `SELECT word FROM (
         SELECT regexp_split_to_table(name, '[\\s,.()/-]+') AS word FROM people WHERE $1 <% name
         UNION
         SELECT regexp_split_to_table(name, '[\\s,.()/-]+') FROM organizations WHERE $1 <% name
       ) words
       WHERE lower(word) <> lower($1) AND similarity(lower(word), lower($1)) >= 0.4
       ORDER BY similarity(lower(word), lower($1)) DESC, word LIMIT 1`,
      [word.text],
    );
    if (similar) corrected = replaceWord(corrected, word.text, similar.word);
  }
  return corrected === query.q ? null : corrected;
}

/**
 * Searches the agenda items the actor may see: ranked hits with highlighted snippets, a total and
 * the cursor of the next page. A query whose words match nothing is retried once with misspelt
 * names corrected; `correctedFrom` then holds the words as typed.
 */
export async function searchAgendaItems(ctx: Context, input: SearchQuery): Promise<SearchResults> {
  const query = { ...input, q: input.q.trim() };
  const limit = query.limit ?? SEARCH_PAGE_SIZE;
  const [offsetValue] = query.cursor ? decodeCursor(query.cursor, 1) : [0];
  const offset = typeof offsetValue === "number" && offsetValue >= 0 ? offsetValue : 0;
  if (offset > MAX_OFFSET) {
    throw new AppError("validation.cursor", `search shows at most ${MAX_OFFSET} results; narrow the search`, {
      field: "cursor",
    });
  }
  if (wantedWords(query.q).length === 0) {
    throw new AppError("validation.invalid", "q: give at least one word to look for (not only -words)", {
      field: "q",
    });
  }
  let searched = query;
  let correctedFrom: string | null = null;
  let run = await runSearch(ctx, searched, offset, limit);
  if (!run?.rows.length && offset === 0) {
    const corrected = await correctedQuery(ctx, query);
    if (corrected) {
      const retried = await runSearch(ctx, { ...query, q: corrected }, offset, limit);
      if (retried?.rows.length) {
        searched = { ...query, q: corrected };
        correctedFrom = query.q;
        run = retried;
      }
    }
  }
  if (!run) {
    return { data: [], total: 0, totalIsExact: true, query: query.q, correctedFrom: null, nextCursor: null };
  }
  const page = run.rows.slice(0, limit);
  const scope = searched.scope ?? "all";
  const found = await details(
    ctx.db,
    ctx.actor,
    searched,
    run.words,
    page.map((row) => row.id),
  );
  const data: SearchHit[] = [];
  for (const row of page) {
    const detail = found.get(row.id);
    if (!detail) continue;
    data.push({
      agendaItemId: detail.id,
      meetingId: detail.meetingId,
      organizationId: detail.organizationId,
      organizationName: detail.organizationName,
      meetingTitle: detail.meetingTitle,
      meetingStart: toDanishIsoString(detail.meetingStart),
      itemNumber: detail.itemNumber,
      itemTitle: detail.itemTitle,
      titleHighlight: detail.titleHighlight,
      snippet: detail.snippet,
      matchedIn: matchedIn(detail, scope),
      rank: row.rank,
    });
  }
  const total =
    run.total ??
    Math.max(offset + page.length, await estimateMatches(ctx.db, searchSql(ctx.actor, searched, run.words)));
  const hasMore = run.rows.length > limit && offset + limit <= MAX_OFFSET;
  return {
    data,
    total,
    totalIsExact: run.total !== null,
    query: searched.q,
    correctedFrom,
    nextCursor: hasMore ? encodeCursor([offset + limit]) : null,
  };
}
