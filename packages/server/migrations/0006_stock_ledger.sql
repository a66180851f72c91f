-- Stock ledger: stores, lots and an append-only ledger of movements.
-- Stock on hand is derived from the ledger and never edited; the per-lot
-- balance table is a cache kept by the same transaction that appends an
-- entry, and the stock context can recompute it from the ledger at any time.

-- A store is a facility that holds stock: the hub's regional stockpile, each
-- party's central medical store, and hospitals as facility stores. A view,
-- so the stores are exactly the region's facilities of those kinds.
CREATE VIEW stock_stores AS
SELECT f.id, f.jurisdiction, f.name, f.area, f.latitude, f.longitude, f.synthetic,
  CASE WHEN j.kind = 'hub' THEN 'hub' WHEN f.kind = 'store' THEN 'national' ELSE 'facility' END AS level
FROM facilities f
JOIN jurisdictions j ON j.code = f.jurisdiction
WHERE f.kind IN ('store', 'hospital', 'health-centre');

-- A lot (batch) of one product: GS1 AI (10) with its expiry, AI (17).
CREATE TABLE stock_lots (
  product text NOT NULL,
  lot text NOT NULL CHECK (length(lot) BETWEEN 1 AND 20),
  gtin text NOT NULL CHECK (gtin ~ '^[0-9]{14}$'),
  expiry date NOT NULL,
  production_date date,
  first_received_at timestamptz NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  PRIMARY KEY (product, lot)
);

-- One row per movement of one lot at one store. `delta` is the signed
-- change it makes to the balance; `movement` groups the rows of one
-- operation (an issue spread over several lots, both legs of a transfer).
CREATE TABLE stock_entries (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  store text NOT NULL REFERENCES facilities (id),
  product text NOT NULL,
  lot text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('receipt', 'issue', 'transfer-out', 'transfer-in', 'adjustment', 'loss')),
  quantity bigint NOT NULL CHECK ((kind = 'adjustment' AND quantity <> 0) OR (kind <> 'adjustment' AND quantity > 0)),
  delta bigint GENERATED ALWAYS AS (CASE WHEN kind IN ('issue', 'transfer-out', 'loss') THEN -quantity ELSE quantity END) STORED,
  at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  actor text NOT NULL,
  movement uuid NOT NULL,
  counterpart text REFERENCES facilities (id),
  reference text,
  reason text,
  gs1 text,
  synthetic boolean NOT NULL DEFAULT false,
  FOREIGN KEY (product, lot) REFERENCES stock_lots (product, lot)
);
CREATE INDEX stock_entries_lot ON stock_entries (store, product, lot);
CREATE INDEX stock_entries_store_at ON stock_entries (store, at);
CREATE INDEX stock_entries_movement ON stock_entries (movement);
CREATE INDEX stock_entries_reference ON stock_entries (reference) WHERE reference IS NOT NULL;

CREATE FUNCTION stock_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock_entries is append-only: correct stock with an adjustment entry' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER stock_entries_append_only
  BEFORE UPDATE OR DELETE ON stock_entries
  FOR EACH ROW EXECUTE FUNCTION stock_entries_refuse_change();

CREATE TRIGGER stock_entries_no_truncate
  BEFORE TRUNCATE ON stock_entries
  FOR EACH STATEMENT EXECUTE FUNCTION stock_entries_refuse_change();

-- Balance per store and lot, written only with the entry that changes it;
-- `last_seq` is the last entry folded in.
CREATE TABLE stock_balances (
  store text NOT NULL REFERENCES facilities (id),
  product text NOT NULL,
  lot text NOT NULL,
  quantity bigint NOT NULL CHECK (quantity >= 0),
  last_seq bigint NOT NULL,
  PRIMARY KEY (store, product, lot),
  FOREIGN KEY (product, lot) REFERENCES stock_lots (product, lot)
);
CREATE INDEX stock_balances_product ON stock_balances (product, store);
