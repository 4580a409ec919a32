-- The meeting record: bodies, people, appointments, meetings, agenda items, cases, files.
-- Every row records who created and last changed it, and when.

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (btrim(name) <> ''),
  short_name text,
  kind text NOT NULL CHECK (kind IN ('political_body', 'administrative_network', 'steering_group', 'committee',
    'council', 'partnership', 'municipality', 'region', 'external')),
  parent_id uuid REFERENCES organizations (id),
  website text,
  start_date date,
  end_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  CONSTRAINT organizations_period CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CONSTRAINT organizations_not_own_parent CHECK (parent_id <> id)
);
CREATE INDEX organizations_parent ON organizations (parent_id);

CREATE TABLE people (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (btrim(name) <> ''),
  title text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);
CREATE INDEX people_name ON people (lower(name));

-- Where a person has worked, and as what: kommunaldirektør, Syddjurs Kommune, from/to.
CREATE TABLE person_affiliations (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  position text,
  organization_id uuid REFERENCES organizations (id),
  start_date date,
  end_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  CONSTRAINT person_affiliations_period CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CONSTRAINT person_affiliations_says_something CHECK (position IS NOT NULL OR organization_id IS NOT NULL)
);
CREATE INDEX person_affiliations_person ON person_affiliations (person_id);

CREATE TABLE legislative_terms (
  id uuid PRIMARY KEY,
  organization_id uuid REFERENCES organizations (id),
  name text NOT NULL CHECK (btrim(name) <> ''),
  start_date date NOT NULL,
  end_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  CONSTRAINT legislative_terms_period CHECK (end_date >= start_date)
);

CREATE TABLE meetings (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  title text NOT NULL CHECK (btrim(title) <> ''),
  start_at timestamptz NOT NULL,
  end_at timestamptz,
  -- The date is set but not the time (a calendar announced ahead): start_at is local midnight.
  all_day boolean NOT NULL DEFAULT false,
  location text,
  online_url text,
  state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'agenda_published', 'held',
    'minutes_approved', 'minutes_published', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  CONSTRAINT meetings_period CHECK (end_at IS NULL OR end_at >= start_at)
);
CREATE INDEX meetings_organization_start ON meetings (organization_id, start_at);
CREATE INDEX meetings_start ON meetings (start_at, id);

CREATE TABLE agenda_items (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  position integer NOT NULL CHECK (position >= 0),
  number text NOT NULL CHECK (number ~ '^[0-9]+[a-z]?(\.[0-9]+[a-z]?)*$'),
  group_heading text,
  title text NOT NULL CHECK (btrim(title) <> ''),
  is_public boolean NOT NULL DEFAULT true,
  background text,
  recommendation text,
  case_presentation text,
  finance text,
  decision text,
  outcome text CHECK (outcome IN ('approved', 'approved_with_changes', 'noted', 'discussed',
    'recommended_onward', 'postponed', 'rejected', 'none')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  CONSTRAINT agenda_items_number_unique UNIQUE (meeting_id, number)
);
CREATE INDEX agenda_items_meeting_position ON agenda_items (meeting_id, position);

CREATE TABLE agenda_item_presenters (
  agenda_item_id uuid NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id),
  position integer NOT NULL,
  PRIMARY KEY (agenda_item_id, person_id)
);
CREATE INDEX agenda_item_presenters_person ON agenda_item_presenters (person_id);

CREATE TABLE memberships (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  role text NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member', 'substitute', 'observer', 'secretariat')),
  on_behalf_of_id uuid REFERENCES organizations (id),
  start_date date,
  end_date date,
  principal_person_id uuid REFERENCES people (id),
  decided_by_agenda_item_id uuid REFERENCES agenda_items (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  CONSTRAINT memberships_period CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CONSTRAINT memberships_principal_only_for_substitutes CHECK (principal_person_id IS NULL OR role = 'substitute'),
  CONSTRAINT memberships_not_own_principal CHECK (principal_person_id <> person_id),
  -- Open ends are unbounded; an end date equal to the next start date overlaps.
  CONSTRAINT memberships_no_overlap EXCLUDE USING gist (
    person_id WITH =, organization_id WITH =, role WITH =,
    daterange(start_date, end_date, '[]') WITH &&
  )
);
CREATE INDEX memberships_organization ON memberships (organization_id);

CREATE TABLE meeting_attendance (
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id),
  status text NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
  substitute_for_person_id uuid REFERENCES people (id),
  note text,
  PRIMARY KEY (meeting_id, person_id),
  CONSTRAINT meeting_attendance_substitute_present CHECK (substitute_for_person_id IS NULL OR status = 'present'),
  CONSTRAINT meeting_attendance_not_own_substitute CHECK (substitute_for_person_id <> person_id)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  reference text CONSTRAINT cases_reference_unique UNIQUE,
  title text NOT NULL CHECK (btrim(title) <> ''),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);

-- A treatment of a case by a body: actual (at an agenda item) or planned (a body, a date, a purpose).
CREATE TABLE consultations (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  agenda_item_id uuid CONSTRAINT consultations_one_case_per_item UNIQUE REFERENCES agenda_items (id),
  organization_id uuid REFERENCES organizations (id),
  planned_date date,
  purpose text NOT NULL CHECK (purpose IN ('information', 'discussion', 'decision')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  CONSTRAINT consultations_actual_or_planned CHECK (
    agenda_item_id IS NOT NULL OR (organization_id IS NOT NULL AND planned_date IS NOT NULL))
);
CREATE INDEX consultations_case ON consultations (case_id);

CREATE TABLE files (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (btrim(name) <> ''),
  media_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  extracted_text text,
  agenda_item_id uuid REFERENCES agenda_items (id),
  meeting_id uuid REFERENCES meetings (id),
  case_id uuid REFERENCES cases (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  CONSTRAINT files_attached_once CHECK (num_nonnulls(agenda_item_id, meeting_id, case_id) = 1)
);
CREATE INDEX files_agenda_item ON files (agenda_item_id);
CREATE INDEX files_meeting ON files (meeting_id);
CREATE INDEX files_case ON files (case_id);
CREATE INDEX files_sha256 ON files (sha256);
