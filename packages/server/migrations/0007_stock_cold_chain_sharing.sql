-- Cold chain (recorders, readings, excursions, quarantined lots) and stock
-- sharing under the pact (requests with their clocks, repayments, and the
-- allocation plans the hub computed).

-- A 30-day temperature recorder in a store's fridge or freezer; the range is
-- what the appliance holds (+2…+8 °C for most vaccines).
CREATE TABLE cold_chain_devices (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  store text NOT NULL REFERENCES facilities (id),
  label text NOT NULL,
  min_c double precision NOT NULL,
  max_c double precision NOT NULL,
  registered_at timestamptz NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  CHECK (min_c < max_c)
);
CREATE INDEX cold_chain_devices_store ON cold_chain_devices (store);

CREATE TABLE cold_chain_readings (
  device text NOT NULL REFERENCES cold_chain_devices (id),
  time timestamptz NOT NULL,
  celsius double precision NOT NULL,
  PRIMARY KEY (device, time)
);

-- Excursions found in the readings (core/cold-chain). One row per run out of
-- range, updated while it is ongoing; `alarmed_at` is when the alarm was
-- raised and the store's lots quarantined.
CREATE TABLE cold_chain_excursions (
  id uuid PRIMARY KEY,
  device text NOT NULL REFERENCES cold_chain_devices (id),
  store text NOT NULL REFERENCES facilities (id),
  type text NOT NULL CHECK (type IN ('heat', 'freeze')),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  minutes double precision NOT NULL,
  alarm boolean NOT NULL,
  ongoing boolean NOT NULL,
  extreme_c double precision NOT NULL,
  longest_gap_minutes double precision NOT NULL,
  detected_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  alarmed_at timestamptz,
  synthetic boolean NOT NULL DEFAULT false,
  UNIQUE (device, type, start_at)
);
CREATE INDEX cold_chain_excursions_store ON cold_chain_excursions (store, start_at DESC);

-- A lot held back from issue until someone assesses it; the decision (VVM
-- stage, shake test) releases it for use, for use first, or discards it.
CREATE TABLE stock_quarantines (
  id uuid PRIMARY KEY,
  store text NOT NULL REFERENCES facilities (id),
  product text NOT NULL,
  lot text NOT NULL,
  excursion_id uuid REFERENCES cold_chain_excursions (id),
  reason text NOT NULL,
  opened_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by text,
  vvm_stage integer CHECK (vvm_stage BETWEEN 1 AND 4),
  shake_test text CHECK (shake_test IN ('pass', 'fail')),
  action text CHECK (action IN ('use', 'use-first', 'discard')),
  decision_reason text,
  discarded bigint,
  synthetic boolean NOT NULL DEFAULT false,
  FOREIGN KEY (product, lot) REFERENCES stock_lots (product, lot),
  CHECK ((decided_at IS NULL) = (action IS NULL))
);
CREATE UNIQUE INDEX stock_quarantines_once ON stock_quarantines (excursion_id, store, product, lot) WHERE excursion_id IS NOT NULL;
CREATE INDEX stock_quarantines_open ON stock_quarantines (store, product, lot) WHERE decided_at IS NULL;

-- Plans the hub computed with the LP solver, kept for the record.
CREATE TABLE stock_allocations (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  input jsonb NOT NULL,
  result jsonb NOT NULL
);

-- A request to release reserve stock from one party (or the hub) to
-- another, admitted by a stockpile-sharing clause, with its decision clock
-- (decide_by) and, once shipped, its repayment due date.
CREATE TABLE stock_requests (
  id uuid PRIMARY KEY,
  product text NOT NULL,
  quantity bigint NOT NULL CHECK (quantity > 0),
  lender text NOT NULL REFERENCES jurisdictions (code),
  borrower text NOT NULL REFERENCES jurisdictions (code),
  reason text NOT NULL,
  requested_at timestamptz NOT NULL,
  requested_by text NOT NULL,
  decision_id uuid NOT NULL,
  pact_id text NOT NULL,
  pact_version integer NOT NULL,
  clause_id text NOT NULL,
  decide_by timestamptz NOT NULL,
  deciders text[] NOT NULL,
  repay_within_days integer NOT NULL,
  repay_in_kind boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'partially-approved', 'refused', 'shipped', 'received', 'repaid')),
  approved_quantity bigint CHECK (approved_quantity >= 0),
  decided_at timestamptz,
  decided_by text,
  decision_reason text,
  shipped_at timestamptz,
  shipped_from text REFERENCES facilities (id),
  received_at timestamptz,
  received_into text REFERENCES facilities (id),
  repay_due date,
  repaid_quantity bigint NOT NULL DEFAULT 0,
  decision_overdue_at timestamptz,
  repayment_overdue_at timestamptz,
  allocation_id uuid REFERENCES stock_allocations (id),
  synthetic boolean NOT NULL DEFAULT false,
  CHECK (lender <> borrower)
);
CREATE INDEX stock_requests_status ON stock_requests (status, decide_by);
CREATE INDEX stock_requests_parties ON stock_requests (borrower, lender);

CREATE TABLE stock_repayments (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES stock_requests (id),
  quantity bigint NOT NULL CHECK (quantity > 0),
  at timestamptz NOT NULL,
  from_store text NOT NULL REFERENCES facilities (id),
  to_store text NOT NULL REFERENCES facilities (id),
  recorded_by text NOT NULL,
  synthetic boolean NOT NULL DEFAULT false
);
CREATE INDEX stock_repayments_request ON stock_repayments (request_id);
