-- Alerts to the people who must act when a breach's 72-hour notification
-- clock (GDPR Art. 33) runs out: the party's focal point and the hub's
-- coordinators. One per breach, kind and addressee, so the clock job can run
-- any number of times and still alert once.

CREATE TABLE breach_alerts (
  id uuid PRIMARY KEY,
  breach_id uuid NOT NULL REFERENCES breaches (id),
  kind text NOT NULL CHECK (kind IN ('overdue')),
  jurisdiction text NOT NULL REFERENCES jurisdictions (code),
  role text NOT NULL,
  raised_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  UNIQUE (breach_id, kind, jurisdiction, role)
);
CREATE INDEX breach_alerts_inbox ON breach_alerts (jurisdiction, role, acknowledged_at);
