-- Foundation: jurisdictions and places, accounts, sessions, API tokens, the
-- hash-chained audit log and node metadata. PostgreSQL 15 features only, so
-- the same file runs on PGlite and on a server.

CREATE TABLE node_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A jurisdiction is a party (a country, ISO 3166-1 alpha-2 code) or the hub.
CREATE TABLE jurisdictions (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2,8}$'),
  kind text NOT NULL CHECK (kind IN ('party', 'hub')),
  name_en text NOT NULL,
  name_fr text NOT NULL,
  iso3 text,
  iso_numeric text,
  population bigint,
  population_year integer,
  population_source text,
  languages text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Administrative areas (ISO 3166-2 subdivisions for the demo region).
CREATE TABLE areas (
  code text PRIMARY KEY,
  jurisdiction text NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL,
  level integer NOT NULL DEFAULT 1,
  population bigint,
  synthetic_population boolean NOT NULL DEFAULT false
);
CREATE INDEX areas_jurisdiction ON areas (jurisdiction);

CREATE TABLE facilities (
  id text PRIMARY KEY,
  jurisdiction text NOT NULL REFERENCES jurisdictions (code),
  area text REFERENCES areas (code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hospital', 'health-centre', 'laboratory', 'store', 'point-of-entry')),
  level text,
  latitude double precision,
  longitude double precision,
  services text[] NOT NULL DEFAULT '{}',
  beds integer,
  synthetic boolean NOT NULL DEFAULT true
);
CREATE INDEX facilities_jurisdiction ON facilities (jurisdiction);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name text NOT NULL,
  jurisdiction text NOT NULL REFERENCES jurisdictions (code),
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'fr')),
  password_hash text,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_jurisdiction ON users (jurisdiction);

-- Sessions and API tokens are stored as SHA-256 digests of the secret: a
-- copy of the database does not let anyone sign in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  user_agent text,
  ip text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- The audit log: append-only, one row per change, written in the change's
-- own transaction. Each row carries the hash of the previous one; audit_head
-- holds the last link and is locked while a row is appended, so concurrent
-- transactions chain one after the other instead of forking.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  jurisdiction text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_jurisdiction ON audit_log (jurisdiction, at);

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Seed steps that ran, so that `npm start` seeds the demo region once.
CREATE TABLE seed_steps (
  name text PRIMARY KEY,
  version integer NOT NULL,
  ran_at timestamptz NOT NULL DEFAULT now(),
  summary jsonb NOT NULL DEFAULT '{}'::jsonb
);
