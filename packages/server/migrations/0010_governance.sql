-- Data governance: consent records (FHIR Consent shape), personal-data
-- breaches with their GDPR Art. 33 clock, and the retention runs that
-- delete or anonymise what a clause let a node keep for a while.

CREATE TABLE consents (
  id uuid PRIMARY KEY,
  owner text NOT NULL REFERENCES jurisdictions (code),
  subject text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error')),
  scope text NOT NULL CHECK (scope IN ('adr', 'research', 'patient-privacy', 'treatment')),
  decision text NOT NULL CHECK (decision IN ('permit', 'deny')),
  purposes text[] NOT NULL DEFAULT '{}',
  recipients text[] NOT NULL DEFAULT '{}',
  datasets text[] NOT NULL DEFAULT '{}',
  period_start timestamptz,
  period_end timestamptz,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  resource jsonb NOT NULL
);
CREATE INDEX consents_subject ON consents (owner, subject);

CREATE TABLE breaches (
  id uuid PRIMARY KEY,
  party text NOT NULL REFERENCES jurisdictions (code),
  title text NOT NULL,
  nature text NOT NULL,
  aware_at timestamptz NOT NULL,
  reported_at timestamptz NOT NULL,
  reported_by text NOT NULL,
  status text NOT NULL CHECK (status IN ('reported', 'assessed', 'contained', 'notified', 'closed')),
  risk text CHECK (risk IN ('unlikely', 'risk', 'high')),
  notification_required boolean,
  data_subjects text,
  subjects_approx integer,
  records text,
  records_approx integer,
  likely_consequences text,
  measures text,
  contact_point text,
  authority text,
  reasons_for_delay text,
  contained_at timestamptz,
  notified_at timestamptz,
  subjects_notified_at timestamptz,
  closed_at timestamptz,
  overdue_alerted_at timestamptz,
  remedies jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX breaches_party ON breaches (party, reported_at DESC);

CREATE TABLE breach_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  breach_id uuid NOT NULL REFERENCES breaches (id),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  type text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX breach_events_breach ON breach_events (breach_id, at);

CREATE TABLE retention_runs (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  target text NOT NULL,
  deleted integer NOT NULL,
  anonymised integer NOT NULL,
  items jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX retention_runs_at ON retention_runs (at DESC);

-- Re-encryption progress when field keys rotate.
CREATE TABLE key_rotations (
  id uuid PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  target_kid text NOT NULL,
  total integer NOT NULL DEFAULT 0,
  done integer NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  error text
);
