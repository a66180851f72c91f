-- Purpose-bound access: every read of person-level or sub-national data and
-- every cross-border send is recorded with who, what, whose, why and under
-- which clause, so a party can ask who read what about its people.

CREATE TABLE access_log (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  actor_jurisdiction text,
  role text,
  dataset text NOT NULL,
  owner text NOT NULL,
  purpose text NOT NULL,
  action text NOT NULL CHECK (action IN ('read', 'send')),
  recipient text,
  basis text NOT NULL CHECK (basis IN ('own-jurisdiction', 'pact')),
  decision_id uuid,
  pact_id text,
  pact_version integer,
  clause_id text,
  records integer NOT NULL DEFAULT 0,
  fields text[] NOT NULL DEFAULT '{}',
  subjects text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX access_log_owner ON access_log (owner, at DESC);
