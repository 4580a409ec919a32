-- The secretariat's workspace: each body's agenda settings (numbering and standard items), declared
-- conflicts of interest (inhabilitet) per item and person, and the one-time tokens of posted forms.

-- A body without a row numbers flat (1..n) and uses the default standard items.
CREATE TABLE agenda_settings (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id),
  numbering text NOT NULL DEFAULT 'flat' CHECK (numbering IN ('flat', 'grouped')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);

-- The items every agenda of a body starts or ends with; the named kinds fill themselves from the
-- record, a custom one is a title only. Once a body saves its settings, these rows are its list.
CREATE TABLE standard_agenda_items (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  kind text NOT NULL CHECK (kind IN ('approve_agenda', 'approve_minutes', 'coming_meetings',
    'next_meeting_items', 'any_other_business', 'custom')),
  title text NOT NULL CHECK (btrim(title) <> ''),
  placement text NOT NULL CHECK (placement IN ('start', 'end')),
  position integer NOT NULL CHECK (position >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);
CREATE INDEX standard_agenda_items_organization ON standard_agenda_items (organization_id, position);
CREATE UNIQUE INDEX standard_agenda_items_one_per_kind ON standard_agenda_items (organization_id, kind)
  WHERE kind <> 'custom';

-- Which standard item an agenda item is, so that filling again refreshes it instead of adding another.
ALTER TABLE agenda_items ADD COLUMN standard_kind text CHECK (standard_kind IN ('approve_agenda',
  'approve_minutes', 'coming_meetings', 'next_meeting_items', 'any_other_business', 'custom'));

-- A member's declared conflict of interest for one item: part of the minutes.
CREATE TABLE agenda_item_conflicts (
  agenda_item_id uuid NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id),
  note text CHECK (note IS NULL OR btrim(note) <> ''),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  PRIMARY KEY (agenda_item_id, person_id)
);
CREATE INDEX agenda_item_conflicts_person ON agenda_item_conflicts (person_id);

-- Bookkeeping, not record: every workspace form carries a one-time token; the first post of a token
-- does the work and stores where it led, a repeated post is sent there instead of doing it again.
CREATE TABLE form_submissions (
  token text PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{16,64}$'),
  result_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL
);
CREATE INDEX form_submissions_created ON form_submissions (created_at);
