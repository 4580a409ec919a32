import assert from "node:assert/strict";
import { before, test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { publicReader } from "../../../test/support/factories.ts";
import { defaultSeedsDir } from "../../cli/commands/demo-command.ts";
import { loadSynthetic } from "../../demo/synthetic/load-synthetic.ts";
import { anonymousReader } from "../shared/context.ts";
import type { SearchQuery } from "./search.schema.ts";
import { CANDIDATES, naiveSearchStatement, searchAgendaItems, searchWords } from "./search-agenda-items.ts";

/** Queries whose matches outnumber the candidates, so that the bounded ranking is what answers. */
const queries = [
  "uddannelse",
  "kommune",
  "borgere",
  "samarbejde",
  "budget",
  '"grøn omstilling"',
  "regionen -klima",
];

forEachStore("bounded ranking on a synthetic corpus", (store) => {
  before(async () => {
    await loadSynthetic(store().db, { items: 4000, seedsDir: defaultSeedsDir });
  });

  test("it finds the naive query's first result among its first five, and only true matches", async () => {
    const { db } = store();
    let agreed = 0;
    for (const q of queries) {
      const words = await searchWords(db, q);
      assert.ok(words, q);
      const naive = naiveSearchStatement(anonymousReader, { q }, words, 100_000);
      const all = await db.query<{ id: string; rank: number }>(naive.sql, naive.params);
      const result = await searchAgendaItems(publicReader(db), { q });
      if (all.length > CANDIDATES) assert.equal(result.totalIsExact, false, q);
      const matching = new Set(all.map((row) => row.id));
      for (const hit of result.data) assert.ok(matching.has(hit.agendaItemId), `${q}: ${hit.itemTitle}`);
      // Its order is the naive order, restricted to its candidates.
      const ranks = result.data.map((hit) => hit.rank);
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => b - a),
        q,
      );
      if (result.data.slice(0, 5).some((hit) => hit.agendaItemId === all[0]?.id)) agreed++;
    }
    assert.ok(agreed >= queries.length - 1, `agreed on ${agreed} of ${queries.length}`);
  });

  test("a title word's head level follows its rank in the whole text, so the best are read first", async () => {
    const rows = await store().db.query<{ level: number; rank: number }>(
      `SELECT split_part(token, '#h', 2)::int AS level,
         ts_rank(t.agenda_vector, quote_literal(split_part(token, '#h', 1))::tsquery) AS rank
       FROM agenda_item_terms f JOIN agenda_item_text_search t ON t.agenda_item_id = f.agenda_item_id,
         unnest(tsvector_to_array(f.terms)) token
       WHERE token LIKE 'kommun#h%'`,
    );
    const inTitle = rows.filter((row) => row.level >= 3);
    assert.ok(inTitle.length > 100 && rows.length > inTitle.length, `${inTitle.length} of ${rows.length}`);
    for (const { level, rank } of inTitle) {
      assert.equal(
        level,
        3 + Math.min(20, Math.max(0, Math.floor((rank - 0.6) * 50 + 1e-9))),
        `rank ${rank}`,
      );
    }
    // Every word of the Indstilling alone ranks below every word of a title.
    const belowTitles = rows.filter((row) => row.level < 3).map((row) => row.rank);
    assert.ok(Math.max(...belowTitles) < Math.min(...inTitle.map((row) => row.rank)));
  });

  test("an item's head levels change with its title", async () => {
    const { db } = store();
    const [item] = await db.query<{ id: string }>(
      `SELECT f.agenda_item_id AS id FROM agenda_item_terms f
       WHERE NOT f.terms @@ 'vindmøllepark#h3 | vindmøllepark#h4 | vindmøllepark#h5'::tsquery LIMIT 1`,
    );
    assert.ok(item);
    await db.query("UPDATE agenda_items SET title = 'Vindmølleparken ved kysten' WHERE id = $1", [item.id]);
    const [terms] = await db.query<{ levels: string[] }>(
      `SELECT ARRAY(SELECT token FROM unnest(tsvector_to_array(terms)) token WHERE token LIKE 'vindmøllepark#h%') AS levels
       FROM agenda_item_terms WHERE agenda_item_id = $1`,
      [item.id],
    );
    assert.equal(terms?.levels.length, 1);
    assert.ok(Number(terms?.levels[0]?.split("#h")[1]) >= 3, terms?.levels[0]);
  });

  test("a body, a person or a case narrows the search to items that are all ranked: the naive order, exact totals", async () => {
    const { db } = store();
    const [body] = await db.query<{ id: string }>(
      `SELECT m.organization_id AS id FROM meetings m JOIN agenda_items i ON i.meeting_id = m.id
       GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const [person] = await db.query<{ id: string }>(
      `SELECT person_id AS id FROM meeting_attendance WHERE status = 'present' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const [treated] = await db.query<{ id: string; word: string }>(
      `SELECT c.id, split_part(c.title, ' ', 1) AS word FROM cases c JOIN consultations k ON k.case_id = c.id
       WHERE k.agenda_item_id IS NOT NULL GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`,
    );
    assert.ok(body && person && treated);
    const narrowed: SearchQuery[] = [
      { q: "kommune", organizationId: body.id },
      { q: "kommune", personId: person.id },
      { q: "samarbejde -regionen", personId: person.id },
      { q: treated.word, caseId: treated.id },
      { q: "kommune", from: "2015-01-01", to: "2015-06-30" },
      // Every date of the corpus: still few items for the planner, so more matches than the
      // bounded search's candidates are all ranked, and the total is exact.
      { q: "kommune", from: "2000-01-01", to: "2030-12-31" },
    ];
    for (const query of narrowed) {
      const words = await searchWords(db, query.q);
      assert.ok(words, query.q);
      const naive = naiveSearchStatement(anonymousReader, query, words, 100_000);
      const all = await db.query<{ id: string }>(naive.sql, naive.params);
      const result = await searchAgendaItems(publicReader(db), query);
      const label = JSON.stringify(query);
      assert.ok(all.length > 0, label);
      if (query.from === "2000-01-01") assert.ok(all.length > CANDIDATES, `${label}: ${all.length} matches`);
      assert.equal(result.totalIsExact, true, label);
      assert.equal(result.total, all.length, label);
      assert.deepEqual(
        result.data.map((hit) => hit.agendaItemId),
        all.slice(0, result.data.length).map((row) => row.id),
        label,
      );
    }
  });
});
