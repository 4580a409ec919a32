-- Every statement that changes the record sends a notice on commit, so that a process caching
-- what it read (rendered public pages) learns of changes other processes make to a shared server.
-- Statement-level: one notice per table and transaction, whatever the number of rows.
CREATE FUNCTION samraad_record_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('samraad_record_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  record_table text;
BEGIN
  FOREACH record_table IN ARRAY ARRAY['organizations', 'people', 'person_affiliations', 'legislative_terms',
    'meetings', 'meeting_attendance', 'cases', 'agenda_items', 'agenda_item_presenters', 'memberships',
    'consultations', 'files', 'review_flags', 'publications']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION samraad_record_changed()', record_table || '_changed', record_table);
  END LOOP;
END
$$;
