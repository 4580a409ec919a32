-- Head levels: for each word of an item's head (title A, Indstilling B), a token `word#hN` whose
-- level N orders the items by that word's rank, highest first, so the search reads the best
-- items for a common word through the terms index instead of ranking every head that holds it
-- (150,000 of 500,000 items for `kommune`). See docs/decisions/0003-search.md.
--
-- A word in the title ranks at least 1 / 1.645 = 0.61 (ts_rank: the largest weight, plus each
-- other occurrence's weight / j², over 1.645), above any word that is not: its level is 3 plus
-- its rank in the whole agenda text above 0.6, in steps of 0.02 (levels 3 to 23). A word only in
-- the Indstilling (at most 0.4): level 2 if it is there three times or more, 1 twice, 0 once.
CREATE FUNCTION agenda_item_head_levels(head tsvector, agenda tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(u.lexeme || '#h' || CASE
      WHEN u.weights[1] = 'A'
        THEN 3 + least(20, greatest(0, floor((ts_rank(agenda, quote_literal(u.lexeme)::tsquery) - 0.6) * 50)))::int
      WHEN cardinality(u.weights) >= 3 THEN 2
      WHEN cardinality(u.weights) = 2 THEN 1
      ELSE 0 END)), ''::tsvector)
  FROM unnest(head) u
$$;

CREATE OR REPLACE FUNCTION agenda_item_search_refresh(item_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO agenda_item_text_search (agenda_item_id, agenda_length, agenda_vector)
  SELECT id, length(agenda_vector), agenda_vector
  FROM (SELECT i.id,
    setweight(to_tsvector('danish', i.title), 'A')
      || setweight(to_tsvector('danish', coalesce(i.recommendation, '')), 'B')
      || setweight(to_tsvector('danish', concat_ws(E'\n', i.background, i.case_presentation, i.finance)), 'C')
      || setweight(to_tsvector('danish', left(coalesce(a.text, ''), 200000)), 'D') AS agenda_vector
    FROM agenda_items i
    LEFT JOIN LATERAL (
      SELECT string_agg(f.extracted_text, E'\n' ORDER BY f.created_at, f.id) AS text
      FROM files f WHERE f.agenda_item_id = i.id
    ) a ON true
    WHERE i.id = ANY (item_ids)) built
  ON CONFLICT (agenda_item_id) DO UPDATE SET
    agenda_length = EXCLUDED.agenda_length,
    agenda_vector = EXCLUDED.agenda_vector;
  INSERT INTO agenda_item_search (agenda_item_id, meeting_id, is_public, outcome, agenda_length, head_vector,
    decision_vector)
  SELECT i.id, i.meeting_id, i.is_public, i.outcome, t.agenda_length,
    setweight(to_tsvector('danish', i.title), 'A')
      || setweight(to_tsvector('danish', coalesce(i.recommendation, '')), 'B'),
    to_tsvector('danish', coalesce(i.decision, ''))
  FROM agenda_items i JOIN agenda_item_text_search t ON t.agenda_item_id = i.id
  WHERE i.id = ANY (item_ids)
  ON CONFLICT (agenda_item_id) DO UPDATE SET
    meeting_id = EXCLUDED.meeting_id,
    is_public = EXCLUDED.is_public,
    outcome = EXCLUDED.outcome,
    agenda_length = EXCLUDED.agenda_length,
    head_vector = EXCLUDED.head_vector,
    decision_vector = EXCLUDED.decision_vector;
  INSERT INTO agenda_item_terms (agenda_item_id, terms)
  SELECT t.agenda_item_id,
    agenda_item_frequent_terms(t.agenda_vector) || agenda_item_head_levels(s.head_vector, t.agenda_vector)
  FROM agenda_item_text_search t JOIN agenda_item_search s ON s.agenda_item_id = t.agenda_item_id
  WHERE t.agenda_item_id = ANY (item_ids)
  ON CONFLICT (agenda_item_id) DO UPDATE SET terms = EXCLUDED.terms
$$;

-- Items indexed before this migration: their frequent terms stay, their head levels are added;
-- the index is rebuilt after, which is faster than updating it row by row.
DROP INDEX agenda_item_terms_terms;
UPDATE agenda_item_terms f SET terms = f.terms || agenda_item_head_levels(s.head_vector, t.agenda_vector)
FROM agenda_item_search s JOIN agenda_item_text_search t ON t.agenda_item_id = s.agenda_item_id
WHERE s.agenda_item_id = f.agenda_item_id;
CREATE INDEX agenda_item_terms_terms ON agenda_item_terms USING gin (terms);
