-- What readers who synchronise by change time need and the rows themselves cannot tell once gone.
--
-- deleted_records: a tombstone for every hard delete of a record that OParl publishes: its id,
-- type and times, with the records it belonged to (for deciding who may see the tombstone).
-- record_departures: every time a record left the records it belonged to (deleted, or moved to
-- another meeting, item, case or person), so that the change time of what embedded it moves too.
-- Triggers write both, so a delete or move from any code path is recorded. Restore only inserts,
-- so it fires none of them.

CREATE TABLE deleted_records (
  table_name text NOT NULL,
  id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz NOT NULL DEFAULT now(),
  -- Who deleted, when the deleting code said so (set_config('samraad.actor', ..., true)).
  deleted_by text,
  meeting_id uuid,
  agenda_item_id uuid,
  case_id uuid,
  person_id uuid,
  organization_id uuid,
  PRIMARY KEY (table_name, id)
);
CREATE INDEX deleted_records_deleted_at ON deleted_records (table_name, deleted_at);
CREATE INDEX deleted_records_organization ON deleted_records (organization_id) WHERE organization_id IS NOT NULL;

CREATE TABLE record_departures (
  table_name text NOT NULL,
  id uuid NOT NULL,
  departed_at timestamptz NOT NULL DEFAULT now(),
  meeting_id uuid,
  agenda_item_id uuid,
  case_id uuid,
  person_id uuid,
  organization_id uuid
);
CREATE INDEX record_departures_meeting ON record_departures (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX record_departures_agenda_item ON record_departures (agenda_item_id) WHERE agenda_item_id IS NOT NULL;
CREATE INDEX record_departures_case ON record_departures (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX record_departures_person ON record_departures (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX record_departures_organization ON record_departures (organization_id) WHERE organization_id IS NOT NULL;
CREATE INDEX record_departures_table ON record_departures (table_name, departed_at);

-- The records a row belongs to; a file or consultation of an agenda item also to the item's meeting.
CREATE FUNCTION record_parents(row_data jsonb, OUT meeting_id uuid, OUT agenda_item_id uuid, OUT case_id uuid,
  OUT person_id uuid, OUT organization_id uuid) LANGUAGE plpgsql AS $$
BEGIN
  agenda_item_id := (row_data ->> 'agenda_item_id')::uuid;
  meeting_id := (row_data ->> 'meeting_id')::uuid;
  IF meeting_id IS NULL AND agenda_item_id IS NOT NULL THEN
    SELECT i.meeting_id INTO meeting_id FROM agenda_items i WHERE i.id = agenda_item_id;
  END IF;
  case_id := (row_data ->> 'case_id')::uuid;
  person_id := (row_data ->> 'person_id')::uuid;
  organization_id := (row_data ->> 'organization_id')::uuid;
END
$$;

CREATE FUNCTION record_deletion() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p record;
BEGIN
  SELECT * INTO p FROM record_parents(to_jsonb(OLD));
  INSERT INTO deleted_records (table_name, id, created_at, deleted_at, deleted_by, meeting_id, agenda_item_id,
    case_id, person_id, organization_id)
  VALUES (TG_TABLE_NAME, OLD.id, OLD.created_at, now(), NULLIF(current_setting('samraad.actor', true), ''),
    p.meeting_id, p.agenda_item_id, p.case_id, p.person_id, p.organization_id)
  ON CONFLICT ON CONSTRAINT deleted_records_pkey
    DO UPDATE SET deleted_at = EXCLUDED.deleted_at, deleted_by = EXCLUDED.deleted_by;
  INSERT INTO record_departures (table_name, id, departed_at, meeting_id, agenda_item_id, case_id, person_id,
    organization_id)
  VALUES (TG_TABLE_NAME, OLD.id, now(), p.meeting_id, p.agenda_item_id, p.case_id, p.person_id, p.organization_id);
  RETURN OLD;
END
$$;

CREATE FUNCTION record_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p record;
  q record;
BEGIN
  SELECT * INTO p FROM record_parents(to_jsonb(OLD));
  SELECT * INTO q FROM record_parents(to_jsonb(NEW));
  IF (p.meeting_id, p.agenda_item_id, p.case_id, p.person_id, p.organization_id)
     IS DISTINCT FROM (q.meeting_id, q.agenda_item_id, q.case_id, q.person_id, q.organization_id) THEN
    INSERT INTO record_departures (table_name, id, departed_at, meeting_id, agenda_item_id, case_id, person_id,
      organization_id)
    VALUES (TG_TABLE_NAME, OLD.id, now(), p.meeting_id, p.agenda_item_id, p.case_id, p.person_id, p.organization_id);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER organizations_deleted AFTER DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION record_deletion();
CREATE TRIGGER people_deleted AFTER DELETE ON people FOR EACH ROW EXECUTE FUNCTION record_deletion();
CREATE TRIGGER legislative_terms_deleted AFTER DELETE ON legislative_terms FOR EACH ROW EXECUTE FUNCTION record_deletion();
CREATE TRIGGER memberships_deleted AFTER DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION record_deletion();
CREATE TRIGGER meetings_deleted AFTER DELETE ON meetings FOR EACH ROW EXECUTE FUNCTION record_deletion();
CREATE TRIGGER agenda_items_deleted AFTER DELETE ON agenda_items FOR EACH ROW EXECUTE FUNCTION record_deletion();
CREATE TRIGGER cases_deleted AFTER DELETE ON cases FOR EACH ROW EXECUTE FUNCTION record_deletion();
CREATE TRIGGER consultations_deleted AFTER DELETE ON consultations FOR EACH ROW EXECUTE FUNCTION record_deletion();
CREATE TRIGGER files_deleted AFTER DELETE ON files FOR EACH ROW EXECUTE FUNCTION record_deletion();

CREATE TRIGGER memberships_moved AFTER UPDATE OF person_id, organization_id ON memberships
  FOR EACH ROW EXECUTE FUNCTION record_move();
CREATE TRIGGER agenda_items_moved AFTER UPDATE OF meeting_id ON agenda_items
  FOR EACH ROW EXECUTE FUNCTION record_move();
CREATE TRIGGER consultations_moved AFTER UPDATE OF case_id, agenda_item_id ON consultations
  FOR EACH ROW EXECUTE FUNCTION record_move();
CREATE TRIGGER files_moved AFTER UPDATE OF agenda_item_id, meeting_id, case_id ON files
  FOR EACH ROW EXECUTE FUNCTION record_move();
