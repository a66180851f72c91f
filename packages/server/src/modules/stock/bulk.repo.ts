import type { Db } from '../../db/database.ts';
import type { NewEntry } from './ledger.repo.ts';

/**
 * Bulk loading of the stock context's tables with COPY, for the demo history
 * and the benchmark's yardstick. Rows go in exactly as given: the caller
 * vouches that they satisfy the ledger's rules (the demo history is built
 * with core's ledger rule and checked with replay() before it is written).
 */
type Cell = string | number | boolean | Date | null | undefined;

const field = (value: Cell): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `"${value.replaceAll('"', '""')}"`;
};

/** CSV as COPY reads it: quoted text, unquoted empty for NULL. */
export const toCsv = (rows: readonly (readonly Cell[])[]): string => rows.map((row) => row.map(field).join(',')).join('\n') + '\n';

const CHUNK = 20_000;

export const copyRows = async (db: Db, table: string, columns: readonly string[], rows: readonly (readonly Cell[])[]) => {
  let copied = 0;
  for (let i = 0; i < rows.length; i += CHUNK) copied += await db.copyFrom(table, columns, toCsv(rows.slice(i, i + CHUNK)));
  return copied;
};

export const ENTRY_COLUMNS = ['store', 'product', 'lot', 'kind', 'quantity', 'at', 'movement', 'counterpart', 'reference', 'reason', 'gs1', 'recorded_at', 'actor', 'synthetic'] as const;

export const entryRow = (e: NewEntry, meta: { recordedAt: Date; actor: string; synthetic: boolean }): Cell[] => [
  e.store, e.product, e.lot, e.kind, e.quantity, e.at, e.movement, e.counterpart, e.reference, e.reason, e.gs1, meta.recordedAt, meta.actor, meta.synthetic,
];

export const copyEntries = (db: Db, entries: readonly NewEntry[], meta: { recordedAt: Date; actor: string; synthetic: boolean }) =>
  copyRows(db, 'stock_entries', ENTRY_COLUMNS, entries.map((e) => entryRow(e, meta)));

export const copyLots = (
  db: Db,
  lots: readonly { product: string; lot: string; gtin: string; expiry: string; productionDate: string | null; firstReceivedAt: Date }[],
  synthetic: boolean,
) =>
  copyRows(db, 'stock_lots', ['product', 'lot', 'gtin', 'expiry', 'production_date', 'first_received_at', 'synthetic'], lots.map((l) => [l.product, l.lot, l.gtin, l.expiry, l.productionDate, l.firstReceivedAt, synthetic]));

/** Rebuilds the balance table from the ledger in one statement (after a bulk load of entries). */
export const rebuildBalances = (db: Db) =>
  db.query(
    `INSERT INTO stock_balances (store, product, lot, quantity, last_seq)
     SELECT store, product, lot, sum(delta), max(seq) FROM stock_entries GROUP BY store, product, lot
     ON CONFLICT (store, product, lot) DO UPDATE SET quantity = EXCLUDED.quantity, last_seq = EXCLUDED.last_seq`,
  );

export const copyDevices = (db: Db, devices: readonly { id: string; store: string; label: string; minC: number; maxC: number; registeredAt: Date }[]) =>
  copyRows(db, 'cold_chain_devices', ['id', 'store', 'label', 'min_c', 'max_c', 'registered_at', 'synthetic'], devices.map((d) => [d.id, d.store, d.label, d.minC, d.maxC, d.registeredAt, true]));

export const copyReadings = (db: Db, readings: readonly { device: string; time: Date; celsius: number }[]) =>
  copyRows(db, 'cold_chain_readings', ['device', 'time', 'celsius'], readings.map((r) => [r.device, r.time, r.celsius]));

export interface ExcursionRecord {
  id: string;
  device: string;
  store: string;
  type: 'heat' | 'freeze';
  startAt: Date;
  endAt: Date;
  minutes: number;
  alarm: boolean;
  ongoing: boolean;
  extremeC: number;
  longestGapMinutes: number;
  alarmedAt: Date | null;
}

export const copyExcursions = (db: Db, rows: readonly ExcursionRecord[]) =>
  copyRows(
    db,
    'cold_chain_excursions',
    ['id', 'device', 'store', 'type', 'start_at', 'end_at', 'minutes', 'alarm', 'ongoing', 'extreme_c', 'longest_gap_minutes', 'detected_at', 'updated_at', 'alarmed_at', 'synthetic'],
    rows.map((x) => [x.id, x.device, x.store, x.type, x.startAt, x.endAt, x.minutes, x.alarm, x.ongoing, x.extremeC, x.longestGapMinutes, x.alarmedAt ?? x.endAt, x.endAt, x.alarmedAt, true]),
  );

export interface QuarantineRecord {
  id: string;
  store: string;
  product: string;
  lot: string;
  excursionId: string;
  reason: string;
  openedAt: Date;
  decision: { at: Date; by: string; vvmStage: number | null; shakeTest: 'pass' | 'fail' | null; action: 'use' | 'use-first' | 'discard'; reason: string; discarded: number | null } | null;
}

export const copyQuarantines = (db: Db, rows: readonly QuarantineRecord[]) =>
  copyRows(
    db,
    'stock_quarantines',
    ['id', 'store', 'product', 'lot', 'excursion_id', 'reason', 'opened_at', 'decided_at', 'decided_by', 'vvm_stage', 'shake_test', 'action', 'decision_reason', 'discarded', 'synthetic'],
    rows.map((q) => [
      q.id, q.store, q.product, q.lot, q.excursionId, q.reason, q.openedAt, q.decision?.at, q.decision?.by, q.decision?.vvmStage, q.decision?.shakeTest, q.decision?.action, q.decision?.reason, q.decision?.discarded, true,
    ]),
  );
