import assert from "node:assert/strict";
import { before, test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { publicReader } from "../../../test/support/factories.ts";
import { defaultSeedsDir } from "../../cli/commands/demo-command.ts";
import { loadSynthetic } from "../../demo/synthetic/load-synthetic.ts";
import { anonymousReader } from "../shared/context.ts";
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
});
