-- Every publication of an agenda and every approval of minutes is a numbered version with its full
-- content (closed items included: what the public may see of it is decided when it is shown).
-- Later edits to a published agenda make a new version with a note of what changed; a correction
-- of approved minutes is a new minutes version with its reason.
CREATE TABLE publications (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  kind text NOT NULL CHECK (kind IN ('agenda', 'minutes')),
  version integer NOT NULL CHECK (version >= 1),
  note text,
  content jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  CONSTRAINT publications_version_unique UNIQUE (meeting_id, kind, version),
  CONSTRAINT publications_later_versions_say_why CHECK (version = 1 OR btrim(coalesce(note, '')) <> '')
);
CREATE INDEX publications_published ON publications (published_at, id);
