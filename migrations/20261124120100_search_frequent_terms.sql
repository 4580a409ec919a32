-- Frequent terms: for each item, the words it uses often, as tokens `word#n` ("at least n times
-- in the title, Indstilling or the sections"), for n in 2, 3, 4, 5, 6, 8, 10, 12. An unnormalised
-- rank of a word grows with how often a document uses it, so the items that use a word most are
-- found through this small index without reading any document: an impact-ordered index, in
-- PostgreSQL's own terms. See docs/decisions/0003-search.md.

CREATE FUNCTION agenda_item_frequent_terms(vector tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(u.lexeme || '#' || level)), ''::tsvector)
  FROM unnest(vector) u
  JOIN unnest('{2,3,4,5,6,8,10,12}'::int[]) level ON cardinality(array_remove(u.weights, 'D')) >= level
$$;

CREATE TABLE agenda_item_terms (
  agenda_item_id uuid PRIMARY KEY REFERENCES agenda_items (id) ON DELETE CASCADE,
  terms tsvector NOT NULL
);

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
  SELECT agenda_item_id, agenda_item_frequent_terms(agenda_vector)
  FROM agenda_item_text_search WHERE agenda_item_id = ANY (item_ids)
  ON CONFLICT (agenda_item_id) DO UPDATE SET terms = EXCLUDED.terms
$$;


-- Items that existed before this migration; the index is built after, which is faster.
INSERT INTO agenda_item_terms (agenda_item_id, terms)
SELECT agenda_item_id, agenda_item_frequent_terms(agenda_vector) FROM agenda_item_text_search;
CREATE INDEX agenda_item_terms_terms ON agenda_item_terms USING gin (terms);
