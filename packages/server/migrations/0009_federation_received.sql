-- What the default federation handlers keep of received messages, so a
-- node can show received alerts, aggregates and requests before any other
-- context consumes them. Person-level parts are kept until the retention
-- date the pact set for them.

-- One row per alert as one recipient received it (a node serving several
-- jurisdictions keeps each one's copy, which the pact may shape differently);
-- updates move it on.
CREATE TABLE federation_received_alerts (
  recipient text NOT NULL,
  sender text NOT NULL,
  alert_id text NOT NULL,
  party text NOT NULL,
  disease text NOT NULL,
  level integer NOT NULL,
  status text NOT NULL,
  revision integer NOT NULL,
  title text,
  summary text,
  area text,
  cases integer,
  deaths integer,
  case_reports jsonb,
  case_reports_withheld integer NOT NULL DEFAULT 0,
  detected_at timestamptz,
  first_message_id uuid NOT NULL,
  last_message_id uuid NOT NULL,
  messages integer NOT NULL DEFAULT 1,
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  retain_until date,
  PRIMARY KEY (recipient, sender, alert_id)
);
CREATE INDEX federation_received_alerts_updated ON federation_received_alerts (updated_at DESC);

CREATE TABLE federation_received_aggregates (
  message_id uuid PRIMARY KEY,
  recipient text NOT NULL,
  sender text NOT NULL,
  submission_id text NOT NULL,
  party text NOT NULL,
  disease text NOT NULL,
  purpose text NOT NULL,
  place text NOT NULL,
  time text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  cells jsonb NOT NULL,
  suppressed_cells integer NOT NULL,
  visible_total bigint NOT NULL,
  received_at timestamptz NOT NULL,
  retain_until date
);
CREATE INDEX federation_received_aggregates_party ON federation_received_aggregates (party, disease, period_start);

-- Every other type: stock requests and answers, referrals and their status,
-- licence verifications, sanction alerts, disbursement notices.
CREATE TABLE federation_received_records (
  message_id uuid PRIMARY KEY,
  type text NOT NULL,
  sender text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  retain_until date
);
CREATE INDEX federation_received_records_type ON federation_received_records (type, received_at DESC);
CREATE INDEX federation_received_records_subject ON federation_received_records (type, subject);
