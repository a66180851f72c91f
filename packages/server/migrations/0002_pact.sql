-- The pact: versions of each agreement, party signatures, lifecycle events
-- and every decision taken under it.

CREATE TABLE pacts (
  id text PRIMARY KEY,
  title text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE pact_versions (
  pact_id text NOT NULL REFERENCES pacts (id),
  version integer NOT NULL CHECK (version >= 1),
  document jsonb NOT NULL,
  source text NOT NULL,
  source_format text NOT NULL CHECK (source_format IN ('yaml', 'json')),
  canonical_sha256 text NOT NULL,
  effective date NOT NULL,
  sunset date NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  PRIMARY KEY (pact_id, version)
);

-- Append-only history of the pact's life: signatures, suspensions,
-- resumptions, renewals. The pact's state at any moment is a pure function
-- of its versions and these events (core/pact/lifecycle.ts).
CREATE TABLE pact_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pact_id text NOT NULL REFERENCES pacts (id),
  type text NOT NULL CHECK (type IN ('signed', 'suspended', 'resumed', 'renewed')),
  version integer,
  party text,
  signature text,
  sunset date,
  reason text,
  at timestamptz NOT NULL,
  actor text NOT NULL
);
CREATE INDEX pact_events_pact ON pact_events (pact_id, at);
CREATE UNIQUE INDEX pact_signatures_once ON pact_events (pact_id, version, party) WHERE type = 'signed';

-- Every decision the node takes, with the clause and version it was taken
-- under; `parties` holds the jurisdictions the request concerns, for scoping.
CREATE TABLE pact_decisions (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  pact_id text,
  pact_version integer,
  clause_id text,
  effect text NOT NULL CHECK (effect IN ('permit', 'deny')),
  kind text NOT NULL,
  request jsonb NOT NULL,
  obligations jsonb NOT NULL,
  reasons jsonb NOT NULL,
  parties text[] NOT NULL,
  actor text NOT NULL,
  purpose text
);
CREATE INDEX pact_decisions_at ON pact_decisions (at DESC);
CREATE INDEX pact_decisions_parties ON pact_decisions USING gin (parties);
