-- Events: public health events opened from signals (or reported directly),
-- verified, risk-assessed (WHO RRA), put through IHR Annex 2, given an alert
-- level that drives the pact's escalation playbook, notified with deadlines,
-- and measured against 7-1-7.

CREATE TABLE events (
  id uuid PRIMARY KEY,
  party text NOT NULL REFERENCES jurisdictions (code),
  area text,
  disease text,
  title text NOT NULL,
  summary text,
  status text NOT NULL CHECK (status IN ('verification', 'confirmed', 'discarded', 'closed')),
  signal_id uuid,
  alert_level integer CHECK (alert_level BETWEEN 1 AND 4),
  risk_level text CHECK (risk_level IN ('low', 'moderate', 'high', 'very-high')),
  ihr_outcome text CHECK (ihr_outcome IN ('notify', 'not-notifiable-now', 'not-applicable')),
  -- 7-1-7 milestones (calendar dates) and the early response record.
  emergence_date date,
  detection_date date,
  notification_date date,
  response_actions jsonb NOT NULL DEFAULT '[]'::jsonb,
  bottlenecks jsonb NOT NULL DEFAULT '[]'::jsonb,
  enablers jsonb NOT NULL DEFAULT '[]'::jsonb,
  cases integer CHECK (cases >= 0),
  deaths integer CHECK (deaths >= 0),
  opened_at timestamptz NOT NULL,
  opened_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz,
  synthetic boolean NOT NULL DEFAULT false
);
CREATE INDEX events_party ON events (party, status, opened_at DESC);
CREATE UNIQUE INDEX events_signal ON events (signal_id) WHERE signal_id IS NOT NULL;

-- What happened to an event, in order: the timeline a dashboard draws.
CREATE TABLE event_timeline (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events (id),
  at timestamptz NOT NULL,
  kind text NOT NULL,
  actor text NOT NULL,
  summary text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX event_timeline_event ON event_timeline (event_id, at);

CREATE TABLE risk_assessments (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events (id),
  at timestamptz NOT NULL,
  likelihood text NOT NULL,
  consequences text NOT NULL,
  risk text NOT NULL,
  alert_level integer NOT NULL CHECK (alert_level BETWEEN 1 AND 4),
  rationale text,
  assessed_by text NOT NULL
);
CREATE INDEX risk_assessments_event ON risk_assessments (event_id, at);

CREATE TABLE ihr_assessments (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events (id),
  at timestamptz NOT NULL,
  answers jsonb NOT NULL,
  potential_international_concern boolean NOT NULL DEFAULT false,
  outcome text NOT NULL,
  criteria_met text[] NOT NULL DEFAULT '{}',
  path text[] NOT NULL DEFAULT '{}',
  reason text NOT NULL,
  notify_by timestamptz,
  assessed_by text NOT NULL
);
CREATE INDEX ihr_assessments_event ON ihr_assessments (event_id, at);

-- Each alert level set on an event asks the pact's escalation clause who
-- leads, who decides by when, and who is told; the answer is kept here.
CREATE TABLE escalations (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events (id),
  at timestamptz NOT NULL,
  alert_level integer NOT NULL CHECK (alert_level BETWEEN 1 AND 4),
  effect text NOT NULL CHECK (effect IN ('permit', 'deny')),
  decision_id uuid,
  pact_id text,
  pact_version integer,
  clause_id text,
  lead text[] NOT NULL DEFAULT '{}',
  decides text[] NOT NULL DEFAULT '{}',
  decide_by timestamptz,
  reasons text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX escalations_event ON escalations (event_id, at);

-- Who must be told, by when, and when they acknowledged. Channel `pact`:
-- a recipient named by the escalation clause (`KE/national-focal-point`),
-- delivered at once on this node, clocked until acknowledged. Channel `ihr`:
-- the notification to WHO under IHR Art. 6, clocked until the focal point
-- records that it was sent.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events (id),
  escalation_id uuid REFERENCES escalations (id),
  channel text NOT NULL CHECK (channel IN ('pact', 'ihr')),
  recipient text NOT NULL,
  jurisdiction text NOT NULL,
  role text,
  alert_level integer,
  sent_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  overdue_at timestamptz,
  synthetic boolean NOT NULL DEFAULT false
);
CREATE INDEX notifications_inbox ON notifications (jurisdiction, acknowledged_at, due_at);
CREATE INDEX notifications_event ON notifications (event_id);
CREATE INDEX notifications_open ON notifications (due_at) WHERE acknowledged_at IS NULL AND overdue_at IS NULL;
