-- Surveillance: the line list (case reports, personal fields encrypted by the
-- application), the live aggregates kept from it in the same transaction,
-- aggregate counts reported as such (JSON, DHIS2, FHIR), each party's DHIS2
-- mapping, and what detection found (every evaluated week, and the alarms as
-- signals that people triage).

-- One row per person reported. `client_id` is the reporter's own id, unique
-- per party, so a resend is recognised. The personal fields hold AES-256-GCM
-- ciphertext bound to this row and column (`enc:v1:<key id>:…`); the check
-- refuses plaintext even from a careless script.
CREATE TABLE case_reports (
  id uuid PRIMARY KEY,
  party text NOT NULL REFERENCES jurisdictions (code),
  client_id text NOT NULL,
  area text NOT NULL,
  facility text,
  disease text NOT NULL,
  onset_date date,
  report_date date NOT NULL,
  age double precision CHECK (age IS NULL OR (age >= 0 AND age <= 130)),
  age_band text NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female', 'unknown')),
  classification text NOT NULL CHECK (classification IN ('suspected', 'probable', 'confirmed')),
  outcome text CHECK (outcome IN ('alive', 'dead', 'unknown')),
  lab_result text CHECK (lab_result IN ('positive', 'negative', 'pending', 'not-tested')),
  patient_name text CHECK (patient_name LIKE 'enc:v1:%'),
  phone text CHECK (phone LIKE 'enc:v1:%'),
  national_id text CHECK (national_id LIKE 'enc:v1:%'),
  village text CHECK (village LIKE 'enc:v1:%'),
  source text NOT NULL CHECK (source IN ('api', 'csv', 'demo')),
  received_at timestamptz NOT NULL,
  received_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  UNIQUE (party, client_id)
);
CREATE INDEX case_reports_series ON case_reports (party, disease, report_date);

-- Live aggregates of the line list by report date, kept on ingest. Every
-- dimension is broken down (no `all` margins): totals are sums.
CREATE TABLE case_counts_daily (
  party text NOT NULL,
  disease text NOT NULL,
  area text NOT NULL,
  day date NOT NULL,
  age_band text NOT NULL,
  sex text NOT NULL,
  classification text NOT NULL,
  count integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (party, disease, area, day, age_band, sex, classification)
);

-- The same by ISO 8601 week (keyed by the week's Monday); MMWR weeks are
-- summed from the daily table when asked for.
CREATE TABLE case_counts_weekly (
  party text NOT NULL,
  disease text NOT NULL,
  area text NOT NULL,
  week_start date NOT NULL,
  age_band text NOT NULL,
  sex text NOT NULL,
  classification text NOT NULL,
  count integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (party, disease, area, week_start, age_band, sex, classification)
);

-- Counts reported as counts. `all` in a dimension marks a margin total. A
-- new value for the same cell replaces the old one. `iso_week_start` is set
-- when the period is exactly one ISO week, which is what detection reads.
CREATE TABLE aggregate_counts (
  party text NOT NULL REFERENCES jurisdictions (code),
  disease text NOT NULL,
  area text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end >= period_start),
  age_band text NOT NULL,
  sex text NOT NULL,
  classification text NOT NULL,
  count integer NOT NULL CHECK (count >= 0),
  iso_week_start date,
  source text NOT NULL CHECK (source IN ('api', 'dhis2', 'fhir', 'demo')),
  received_at timestamptz NOT NULL,
  received_by text NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  PRIMARY KEY (party, disease, area, period_start, period_end, age_band, sex, classification)
);
CREATE INDEX aggregate_counts_weeks ON aggregate_counts (party, disease, iso_week_start) WHERE iso_week_start IS NOT NULL;

-- What a national DHIS2 instance's identifiers mean in Concord, per party.
CREATE TABLE dhis2_mappings (
  jurisdiction text PRIMARY KEY REFERENCES jurisdictions (code),
  mapping jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);

-- Every week detection evaluated, per series (party × area × disease; area
-- `all` is the whole party): what was observed, the threshold, the alarm.
CREATE TABLE detection_results (
  party text NOT NULL,
  area text NOT NULL,
  disease text NOT NULL,
  week_start date NOT NULL,
  method text NOT NULL,
  observed integer NOT NULL,
  threshold double precision,
  expected double precision,
  alarm boolean,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (party, disease, area, week_start)
);

-- An alarm becomes a signal, which people triage: dismiss it, or promote it
-- to an event. A signal whose alarm disappears on recomputation (corrected
-- data) before anyone triaged it is withdrawn, not deleted.
CREATE TABLE signals (
  id uuid PRIMARY KEY,
  party text NOT NULL REFERENCES jurisdictions (code),
  area text NOT NULL,
  disease text NOT NULL,
  week_start date NOT NULL,
  method text NOT NULL,
  observed integer NOT NULL,
  threshold double precision,
  expected double precision,
  raised_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'dismissed', 'promoted', 'withdrawn')),
  triaged_at timestamptz,
  triaged_by text,
  note text,
  event_id uuid,
  synthetic boolean NOT NULL DEFAULT false,
  UNIQUE (party, disease, area, week_start)
);
CREATE INDEX signals_open ON signals (party, status, week_start DESC);
