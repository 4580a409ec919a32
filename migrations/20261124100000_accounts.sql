-- Accounts and roles: who may log in, and what they may do for which body.
-- users and user_roles are part of the record (exported); passwords, sessions, API tokens and
-- login failures are secrets or bookkeeping and stay out of exports.

CREATE TABLE users (
  id uuid PRIMARY KEY,
  -- Kept as typed; unique regardless of case (see users_email_unique).
  email text NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(email) <= 320),
  name text NOT NULL CHECK (btrim(name) <> ''),
  -- The person in the record this user is, if any (a member of a body logging in).
  person_id uuid REFERENCES people (id),
  is_administrator boolean NOT NULL DEFAULT false,
  -- A disabled user cannot log in, and its sessions and API tokens stop working.
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

-- One role per user and body: the secretariat prepares and publishes, a member reads everything.
CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  role text NOT NULL CHECK (role IN ('secretariat', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  PRIMARY KEY (user_id, organization_id)
);
CREATE INDEX user_roles_organization ON user_roles (organization_id);

-- argon2id hashes (PHC strings), apart from users so that exports never carry them.
CREATE TABLE user_passwords (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  hash text NOT NULL CHECK (hash LIKE '$argon2id$%'),
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a session token is stored: a copy of the table opens no session.
CREATE TABLE sessions (
  token_sha256 text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The synchronizer token every form posted in this session must carry.
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  -- Idle expiry, moved forward while the session is used, never past absolute_expires_at.
  expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Tokens for integrators: they act as their user, with its roles. Shown once, stored as SHA-256.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (btrim(name) <> ''),
  token_sha256 text NOT NULL CONSTRAINT api_tokens_token_unique UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Failed logins per e-mail address and per client address, for throttling; old rows are pruned.
CREATE TABLE login_failures (
  id uuid PRIMARY KEY,
  key text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key ON login_failures (key, failed_at);
CREATE INDEX login_failures_time ON login_failures (failed_at);
