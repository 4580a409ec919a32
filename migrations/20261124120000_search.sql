-- Full-text search over agenda items, Danish stemming ('danish' configuration; no unaccent, which
-- would fold å to a). Derived rows per item, kept current by triggers, so the record's own tables
-- (and their export and restore) stay as they are: a restore inserts items and files, and the
-- triggers rebuild the search rows. See docs/decisions/0003-search.md.

-- Two tables, because a row's width decides what scanning many matches costs: the narrow one
-- holds what candidate selection reads (ids, visibility, the head of the text, the decision), the
-- wide one the whole agenda text, read only for the candidates that are ranked.
CREATE TABLE agenda_item_search (
  agenda_item_id uuid PRIMARY KEY REFERENCES agenda_items (id) ON DELETE CASCADE,
  -- Copied from the item so that candidates are filtered without reading the item's wide row.
  meeting_id uuid NOT NULL,
  is_public boolean NOT NULL,
  outcome text,
  -- Distinct words of the agenda text. An unnormalised rank grows with a document's length, so
  -- when a word matches too many items to rank them all, the longest are ranked (see search).
  agenda_length integer NOT NULL,
  -- The head of the item: title (A) and Indstilling (B), which decide most of an item's rank.
  head_vector tsvector NOT NULL,
  -- The decision alone: the public may search it only once the minutes are published.
  decision_vector tsvector NOT NULL
);
CREATE INDEX agenda_item_search_head ON agenda_item_search USING gin (head_vector);
CREATE INDEX agenda_item_search_decision ON agenda_item_search USING gin (decision_vector);
CREATE INDEX agenda_item_search_meeting ON agenda_item_search (meeting_id);
CREATE INDEX agenda_item_search_length ON agenda_item_search (agenda_length DESC, agenda_item_id);

-- Everything shown with the agenda: title (A), Indstilling (B), Baggrund, Sagsfremstilling and
-- Økonomi (C), the text of the item's files (D).
CREATE TABLE agenda_item_text_search (
  agenda_item_id uuid PRIMARY KEY REFERENCES agenda_items (id) ON DELETE CASCADE,
  agenda_length integer NOT NULL,
  agenda_vector tsvector NOT NULL
);
CREATE INDEX agenda_item_text_search_vector ON agenda_item_text_search USING gin (agenda_vector);
CREATE INDEX agenda_item_text_search_length ON agenda_item_text_search (agenda_length DESC, agenda_item_id);

-- Attachment text beyond this many characters is not indexed: a tsvector holds at most 1 MB and
-- positions stop at 16,383, so the tail of a very long document would add little but size.
CREATE FUNCTION agenda_item_search_refresh(item_ids uuid[]) RETURNS void LANGUAGE sql AS $$
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
    decision_vector = EXCLUDED.decision_vector
$$;

-- Statement-level triggers with transition tables: a bulk insert of 1,000 items builds their
-- search rows in one set-based statement, not 1,000.
CREATE FUNCTION agenda_items_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM agenda_item_search_refresh(ARRAY(SELECT id FROM changed_items));
  RETURN NULL;
END
$$;
CREATE TRIGGER agenda_items_search_insert AFTER INSERT ON agenda_items
  REFERENCING NEW TABLE AS changed_items FOR EACH STATEMENT EXECUTE FUNCTION agenda_items_search_changed();
CREATE TRIGGER agenda_items_search_update AFTER UPDATE ON agenda_items
  REFERENCING NEW TABLE AS changed_items FOR EACH STATEMENT EXECUTE FUNCTION agenda_items_search_changed();

-- A file added to, changed on, moved from or removed from an item reindexes that item.
CREATE FUNCTION files_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM agenda_item_search_refresh(ARRAY(
      SELECT DISTINCT agenda_item_id FROM new_files WHERE agenda_item_id IS NOT NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM agenda_item_search_refresh(ARRAY(
      SELECT agenda_item_id FROM new_files WHERE agenda_item_id IS NOT NULL
      UNION SELECT agenda_item_id FROM old_files WHERE agenda_item_id IS NOT NULL));
  ELSE
    PERFORM agenda_item_search_refresh(ARRAY(
      SELECT DISTINCT agenda_item_id FROM old_files WHERE agenda_item_id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER files_search_insert AFTER INSERT ON files
  REFERENCING NEW TABLE AS new_files FOR EACH STATEMENT EXECUTE FUNCTION files_search_changed();
CREATE TRIGGER files_search_update AFTER UPDATE ON files
  REFERENCING OLD TABLE AS old_files NEW TABLE AS new_files
  FOR EACH STATEMENT EXECUTE FUNCTION files_search_changed();
CREATE TRIGGER files_search_delete AFTER DELETE ON files
  REFERENCING OLD TABLE AS old_files FOR EACH STATEMENT EXECUTE FUNCTION files_search_changed();

-- Misspelt names: trigram similarity on the names people search for.
CREATE INDEX people_name_trgm ON people USING gin (name gin_trgm_ops);
CREATE INDEX organizations_name_trgm ON organizations USING gin (name gin_trgm_ops);

-- Items that existed before this migration.
SELECT agenda_item_search_refresh(ARRAY(SELECT id FROM agenda_items));
