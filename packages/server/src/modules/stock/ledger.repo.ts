import type { EntryKind } from '@concord/core/stock/index';
import type { Queryable } from '../../db/database.ts';

type R<T> = T & Record<string, unknown>;

export interface LotRecord {
  product: string;
  lot: string;
  gtin: string;
  expiry: string;
  productionDate: string | null;
}

/** An entry as written: the ledger row without its sequence number. */
export interface NewEntry {
  store: string;
  product: string;
  lot: string;
  kind: EntryKind;
  quantity: number;
  at: Date;
  movement: string;
  counterpart?: string | null;
  reference?: string | null;
  reason?: string | null;
  gs1?: string | null;
}

export interface EntryRow extends Omit<NewEntry, 'counterpart' | 'reference' | 'reason' | 'gs1'> {
  seq: number;
  delta: number;
  recordedAt: Date;
  actor: string;
  counterpart: string | null;
  reference: string | null;
  reason: string | null;
  gs1: string | null;
}

export interface LotOnHand {
  product: string;
  lot: string;
  expiry: string;
  quantity: number;
  quarantined: boolean;
  useFirst: boolean;
}

/** Records a lot the first time it is received; returns the lot as on record (first writer wins). */
export const upsertLot = async (q: Queryable, lot: LotRecord & { at: Date }): Promise<LotRecord> => {
  await q.query(
    `INSERT INTO stock_lots (product, lot, gtin, expiry, production_date, first_received_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (product, lot) DO NOTHING`,
    [lot.product, lot.lot, lot.gtin, lot.expiry, lot.productionDate, lot.at],
  );
  const rows = await q.query<R<LotRecord>>(
    `SELECT product, lot, gtin, expiry, production_date AS "productionDate" FROM stock_lots WHERE product = $1 AND lot = $2`,
    [lot.product, lot.lot],
  );
  return rows[0]!;
};

/**
 * Locks the balance rows an operation will change, in key order so that two
 * operations on the same lots queue instead of deadlocking.
 */
export const lockBalances = (q: Queryable, keys: readonly { store: string; product: string; lot: string }[]) =>
  q.query<R<{ store: string; product: string; lot: string; quantity: number }>>(
    `SELECT b.store, b.product, b.lot, b.quantity FROM stock_balances b
     JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(store, product, lot) USING (store, product, lot)
     ORDER BY b.store, b.product, b.lot FOR UPDATE OF b`,
    [keys.map((k) => k.store), keys.map((k) => k.product), keys.map((k) => k.lot)],
  );

const column = <K extends keyof NewEntry>(entries: readonly NewEntry[], key: K) => entries.map((e) => e[key] ?? null);

export interface BalanceChange {
  store: string;
  product: string;
  lot: string;
  delta: number;
  /** The balance row existed (and is locked): update it; otherwise insert it. */
  existing: boolean;
}

/**
 * Appends entries and applies their balance changes in one statement:
 * existing (locked) balance rows are updated, a lot's first arrival at a
 * store inserts its row. Decreases only ever touch existing rows, since
 * core refuses to take from nothing; the CHECK keeps every balance at zero
 * or more regardless. Returns the new sequence numbers in entry order.
 */
export const appendEntries = (
  q: Queryable,
  entries: readonly NewEntry[],
  changes: readonly BalanceChange[],
  meta: { recordedAt: Date; actor: string },
) =>
  q.query<R<{ seq: number }>>(
    `WITH e AS (
       INSERT INTO stock_entries (store, product, lot, kind, quantity, at, movement, counterpart, reference, reason, gs1, recorded_at, actor)
       SELECT store, product, lot, kind, quantity, at, movement, counterpart, reference, reason, gs1, $12, $13
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int8[], $6::timestamptz[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[])
         WITH ORDINALITY AS e(store, product, lot, kind, quantity, at, movement, counterpart, reference, reason, gs1, n)
       ORDER BY n
       RETURNING seq),
     c AS (SELECT * FROM unnest($14::text[], $15::text[], $16::text[], $17::int8[], $18::boolean[]) AS c(store, product, lot, delta, existing)),
     u AS (
       UPDATE stock_balances b SET quantity = b.quantity + c.delta, last_seq = (SELECT max(seq) FROM e)
       FROM c WHERE c.existing AND b.store = c.store AND b.product = c.product AND b.lot = c.lot
       RETURNING 1),
     i AS (
       INSERT INTO stock_balances (store, product, lot, quantity, last_seq)
       SELECT store, product, lot, delta, (SELECT max(seq) FROM e) FROM c WHERE NOT c.existing
       ON CONFLICT (store, product, lot) DO UPDATE SET quantity = stock_balances.quantity + EXCLUDED.quantity, last_seq = EXCLUDED.last_seq
       RETURNING 1)
     SELECT seq FROM e ORDER BY seq`,
    [
      column(entries, 'store'),
      column(entries, 'product'),
      column(entries, 'lot'),
      column(entries, 'kind'),
      column(entries, 'quantity'),
      column(entries, 'at'),
      column(entries, 'movement'),
      column(entries, 'counterpart'),
      column(entries, 'reference'),
      column(entries, 'reason'),
      column(entries, 'gs1'),
      meta.recordedAt,
      meta.actor,
      changes.map((c) => c.store),
      changes.map((c) => c.product),
      changes.map((c) => c.lot),
      changes.map((c) => c.delta),
      changes.map((c) => c.existing),
    ],
  );

/**
 * Lots with stock at a store, with whether each is quarantined (an open
 * quarantine) or to be used first (its last cold-chain decision said so).
 * `lock` takes the balance rows for an issue.
 */
export const lotsOnHand = (q: Queryable, store: string, options: { product?: string; lock?: boolean } = {}) =>
  q.query<R<LotOnHand>>(
    `SELECT b.product, b.lot, l.expiry, b.quantity, coalesce(sq.open, false) AS quarantined, coalesce(sq.last_action = 'use-first', false) AS "useFirst"
     FROM stock_balances b JOIN stock_lots l ON l.product = b.product AND l.lot = b.lot
     LEFT JOIN (
       SELECT product, lot, bool_or(decided_at IS NULL) AS open,
         (array_agg(action ORDER BY decided_at DESC) FILTER (WHERE decided_at IS NOT NULL))[1] AS last_action
       FROM stock_quarantines WHERE store = $1 GROUP BY product, lot
     ) sq ON sq.product = b.product AND sq.lot = b.lot
     WHERE b.store = $1 AND ($2::text IS NULL OR b.product = $2) AND b.quantity > 0
     ORDER BY b.product, l.expiry, b.lot
     ${options.lock ? 'FOR UPDATE OF b' : ''}`,
    [store, options.product ?? null],
  );

const ENTRY_COLUMNS = `seq, store, product, lot, kind, quantity, delta, at, recorded_at AS "recordedAt", actor, movement,
  counterpart, reference, reason, gs1`;

export const listEntries = (q: Queryable, filter: { store?: string; product?: string; reference?: string; beforeSeq?: number; limit: number }) =>
  q.query<R<EntryRow>>(
    `SELECT ${ENTRY_COLUMNS} FROM stock_entries
     WHERE ($1::text IS NULL OR store = $1) AND ($2::text IS NULL OR product = $2) AND ($3::text IS NULL OR reference = $3)
       AND ($4::int8 IS NULL OR seq < $4)
     ORDER BY seq DESC LIMIT $5`,
    [filter.store ?? null, filter.product ?? null, filter.reference ?? null, filter.beforeSeq ?? null, filter.limit],
  );

/** A page of the whole ledger in sequence order, for replays. */
export const entriesAfter = (q: Queryable, afterSeq: number, limit: number) =>
  q.query<R<EntryRow>>(`SELECT ${ENTRY_COLUMNS} FROM stock_entries WHERE seq > $1 ORDER BY seq LIMIT $2`, [afterSeq, limit]);

/** Where the balance table and the ledger disagree: the stored and the summed quantity per lot. */
export const balanceMismatches = (q: Queryable) =>
  q.query<R<{ store: string; product: string; lot: string; stored: number | null; ledger: number | null }>>(
    `SELECT coalesce(b.store, e.store) AS store, coalesce(b.product, e.product) AS product, coalesce(b.lot, e.lot) AS lot,
       b.quantity AS stored, e.quantity AS ledger
     FROM stock_balances b
     FULL JOIN (SELECT store, product, lot, sum(delta)::int8 AS quantity FROM stock_entries GROUP BY store, product, lot) e
       ON e.store = b.store AND e.product = b.product AND e.lot = b.lot
     WHERE b.quantity IS DISTINCT FROM e.quantity
     ORDER BY 1, 2, 3 LIMIT 1000`,
  );

export const allBalances = (q: Queryable) =>
  q.query<R<{ store: string; product: string; lot: string; quantity: number }>>('SELECT store, product, lot, quantity FROM stock_balances');
