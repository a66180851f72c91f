-- Federation: the outbox of signed messages this node sends, the inbox of
-- messages it accepted (one row per message id, which is what makes a
-- redelivery harmless), the refusals it answered, and the reachability of
-- each peer. Peers' URLs and keys are not stored: they come from the pact in
-- force, which is the only source of trust.

CREATE TABLE federation_outbox (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id uuid PRIMARY KEY,
  type text NOT NULL,
  sender text NOT NULL,
  recipient text NOT NULL,
  -- pending: signed and waiting to be delivered; delivered: the receiver
  -- stored it (or already had it); refused: this node's own pact check said
  -- no, so it was never signed; rejected: the receiver refused it (final).
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'refused', 'rejected')),
  pact_id text,
  pact_version integer,
  clause_id text,
  decision_ids uuid[] NOT NULL DEFAULT '{}',
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  withheld integer NOT NULL DEFAULT 0,
  envelope jsonb,
  jws text,
  actor text NOT NULL,
  created_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  lease_until timestamptz,
  last_attempt_at timestamptz,
  last_error text,
  delivered_at timestamptz,
  remote_code text,
  CHECK (status = 'refused' OR jws IS NOT NULL)
);
CREATE INDEX federation_outbox_pending ON federation_outbox (recipient, seq) WHERE status = 'pending';
CREATE INDEX federation_outbox_created ON federation_outbox (created_at DESC);

CREATE TABLE federation_inbox (
  id uuid PRIMARY KEY,
  type text NOT NULL,
  sender text NOT NULL,
  recipient text NOT NULL,
  pact_id text NOT NULL,
  pact_version integer NOT NULL,
  clause_id text NOT NULL,
  sender_decision_id uuid NOT NULL,
  decision_ids uuid[] NOT NULL,
  jws_sha256 text NOT NULL,
  -- The signed original, kept as proof of what the sender said, until the
  -- retention date of the data in it; then only the id and digest remain.
  jws text,
  envelope jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  retain_until date,
  expired_at timestamptz
);
CREATE INDEX federation_inbox_received ON federation_inbox (received_at DESC);
CREATE INDEX federation_inbox_retention ON federation_inbox (retain_until) WHERE expired_at IS NULL AND retain_until IS NOT NULL;

-- What arrived and was refused: the claimed headers and a digest, never the
-- payload, so a refused message leaves no data behind.
CREATE TABLE federation_refusals (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  code text NOT NULL,
  reason text NOT NULL,
  message_id text,
  type text,
  sender text,
  recipient text,
  decision_id uuid,
  jws_sha256 text NOT NULL,
  remote text
);
CREATE INDEX federation_refusals_at ON federation_refusals (at DESC);

CREATE TABLE federation_peers (
  code text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_success_at timestamptz,
  last_failure_at timestamptz,
  last_error text
);
