-- Records an import (or any other machine) created or guessed, for a person to check: a body or a
-- person matched by name and created because nothing matched, a case created from its number, a
-- warning of the parser. Resolved flags stay as history.
CREATE TABLE review_flags (
  id uuid PRIMARY KEY,
  record_type text NOT NULL CHECK (record_type IN ('organization', 'person', 'case', 'meeting', 'agenda_item')),
  record_id uuid NOT NULL,
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  source_file_id uuid REFERENCES files (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  resolved_at timestamptz
);
CREATE INDEX review_flags_open ON review_flags (record_type, record_id) WHERE resolved_at IS NULL;
CREATE INDEX review_flags_source_file ON review_flags (source_file_id);
