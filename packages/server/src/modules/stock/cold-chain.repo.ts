import type { Excursion } from '@concord/core/cold-chain/index';
import type { Queryable } from '../../db/database.ts';

type R<T> = T & Record<string, unknown>;

export interface Device {
  id: string;
  store: string;
  jurisdiction: string;
  label: string;
  minC: number;
  maxC: number;
  registeredAt: Date;
}

export interface ExcursionRow {
  id: string;
  device: string;
  store: string;
  jurisdiction: string;
  type: 'heat' | 'freeze';
  startAt: Date;
  endAt: Date;
  minutes: number;
  alarm: boolean;
  ongoing: boolean;
  extremeC: number;
  longestGapMinutes: number;
  alarmedAt: Date | null;
  openQuarantines: number;
}

export interface QuarantineRow {
  id: string;
  store: string;
  jurisdiction: string;
  product: string;
  lot: string;
  expiry: string;
  excursionId: string | null;
  reason: string;
  openedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  vvmStage: number | null;
  shakeTest: 'pass' | 'fail' | null;
  action: 'use' | 'use-first' | 'discard' | null;
  decisionReason: string | null;
  discarded: number | null;
  onHand: number;
}

export const insertDevice = async (q: Queryable, d: Omit<Device, 'jurisdiction'>) =>
  (
    await q.query(
      `INSERT INTO cold_chain_devices (id, store, label, min_c, max_c, registered_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [d.id, d.store, d.label, d.minC, d.maxC, d.registeredAt],
    )
  ).length === 1;

export const listDevices = (q: Queryable, filter: { ids?: readonly string[]; store?: string; jurisdictions?: readonly string[] }) =>
  q.query<R<Device>>(
    `SELECT d.id, d.store, s.jurisdiction, d.label, d.min_c AS "minC", d.max_c AS "maxC", d.registered_at AS "registeredAt"
     FROM cold_chain_devices d JOIN stock_stores s ON s.id = d.store
     WHERE ($1::text[] IS NULL OR d.id = ANY($1)) AND ($2::text IS NULL OR d.store = $2) AND ($3::text[] IS NULL OR s.jurisdiction = ANY($3))
     ORDER BY s.jurisdiction, d.store, d.id`,
    [filter.ids ?? null, filter.store ?? null, filter.jurisdictions ?? null],
  );

/** Stored readings that disagree with the given ones (same device and instant, another temperature). */
export const conflictingReadings = (q: Queryable, readings: { device: string[]; time: Date[]; celsius: number[] }) =>
  q.query<R<{ device: string; time: Date; celsius: number; stored: number }>>(
    `SELECT r.device, r.time, i.celsius, r.celsius AS stored
     FROM unnest($1::text[], $2::timestamptz[], $3::float8[]) AS i(device, time, celsius)
     JOIN cold_chain_readings r ON r.device = i.device AND r.time = i.time
     WHERE r.celsius <> i.celsius LIMIT 1`,
    [readings.device, readings.time, readings.celsius],
  );

export const insertReadings = async (q: Queryable, readings: { device: string[]; time: Date[]; celsius: number[] }) =>
  (
    await q.query(
      `INSERT INTO cold_chain_readings (device, time, celsius)
       SELECT DISTINCT ON (device, time) device, time, celsius FROM unnest($1::text[], $2::timestamptz[], $3::float8[]) AS i(device, time, celsius)
       ON CONFLICT (device, time) DO NOTHING RETURNING 1`,
      [readings.device, readings.time, readings.celsius],
    )
  ).length;

export const readingsFrom = (q: Queryable, device: string, from: Date, to?: Date, limit = 1_000_000) =>
  q.query<R<{ time: Date; celsius: number }>>(
    `SELECT time, celsius FROM cold_chain_readings WHERE device = $1 AND time >= $2 AND ($3::timestamptz IS NULL OR time <= $3)
     ORDER BY time LIMIT $4`,
    [device, from, to ?? null, limit],
  );

/** The earliest start of a stored excursion still running at `from`, so re-detection never cuts one in two. */
export const excursionStartBefore = async (q: Queryable, device: string, from: Date): Promise<Date | null> =>
  (await q.query<{ start: Date | null }>(`SELECT min(start_at) AS start FROM cold_chain_excursions WHERE device = $1 AND (end_at >= $2 OR ongoing)`, [device, from]))[0]
    ?.start ?? null;

export const upsertExcursion = async (q: Queryable, device: Device, e: Excursion, now: Date) =>
  (
    await q.query<R<{ id: string; alarm: boolean; alarmedAt: Date | null }>>(
      `INSERT INTO cold_chain_excursions (id, device, store, type, start_at, end_at, minutes, alarm, ongoing, extreme_c, longest_gap_minutes, detected_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
       ON CONFLICT (device, type, start_at) DO UPDATE SET end_at = EXCLUDED.end_at, minutes = EXCLUDED.minutes, alarm = EXCLUDED.alarm,
         ongoing = EXCLUDED.ongoing, extreme_c = EXCLUDED.extreme_c, longest_gap_minutes = EXCLUDED.longest_gap_minutes, updated_at = EXCLUDED.updated_at
       RETURNING id, alarm, alarmed_at AS "alarmedAt"`,
      [device.id, device.store, e.type, new Date(e.start), new Date(e.end), e.minutes, e.alarm, e.ongoing, e.extremeC, e.longestGapMinutes, now],
    )
  )[0]!;

export const markAlarmed = (q: Queryable, id: string, at: Date) => q.query('UPDATE cold_chain_excursions SET alarmed_at = $2 WHERE id = $1', [id, at]);

/**
 * Lots of the given products at the store during [start, end]: on hand at
 * the start or received during the excursion, and still on hand now.
 */
export const lotsExposed = (q: Queryable, store: string, products: readonly string[], start: Date, end: Date) =>
  q.query<R<{ product: string; lot: string }>>(
    `SELECT e.product, e.lot FROM stock_entries e
     JOIN stock_balances b ON b.store = e.store AND b.product = e.product AND b.lot = e.lot AND b.quantity > 0
     WHERE e.store = $1 AND e.product = ANY($2) AND e.at <= $4
     GROUP BY e.product, e.lot
     HAVING coalesce(sum(e.delta) FILTER (WHERE e.at <= $3), 0) > 0 OR bool_or(e.delta > 0 AND e.at > $3)
     ORDER BY e.product, e.lot`,
    [store, products, start, end],
  );

export const openQuarantines = (
  q: Queryable,
  rows: readonly { store: string; product: string; lot: string; excursionId: string | null; reason: string }[],
  at: Date,
) =>
  q.query<R<{ id: string; product: string; lot: string }>>(
    `INSERT INTO stock_quarantines (id, store, product, lot, excursion_id, reason, opened_at)
     SELECT gen_random_uuid(), store, product, lot, excursion, reason, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[])
       AS r(store, product, lot, excursion, reason)
     ON CONFLICT DO NOTHING RETURNING id, product, lot`,
    [rows.map((r) => r.store), rows.map((r) => r.product), rows.map((r) => r.lot), rows.map((r) => r.excursionId), rows.map((r) => r.reason), at],
  );

const QUARANTINE_COLUMNS = `sq.id, sq.store, s.jurisdiction, sq.product, sq.lot, l.expiry, sq.excursion_id AS "excursionId", sq.reason,
  sq.opened_at AS "openedAt", sq.decided_at AS "decidedAt", sq.decided_by AS "decidedBy", sq.vvm_stage AS "vvmStage",
  sq.shake_test AS "shakeTest", sq.action, sq.decision_reason AS "decisionReason", sq.discarded,
  coalesce(b.quantity, 0) AS "onHand"`;

const QUARANTINE_FROM = `stock_quarantines sq JOIN stock_stores s ON s.id = sq.store JOIN stock_lots l ON l.product = sq.product AND l.lot = sq.lot
  LEFT JOIN stock_balances b ON b.store = sq.store AND b.product = sq.product AND b.lot = sq.lot`;

export const findQuarantine = async (q: Queryable, id: string, lock = false) =>
  (await q.query<R<QuarantineRow>>(`SELECT ${QUARANTINE_COLUMNS} FROM ${QUARANTINE_FROM} WHERE sq.id = $1 ${lock ? 'FOR UPDATE OF sq' : ''}`, [id]))[0];

export const listQuarantines = (q: Queryable, filter: { store?: string; jurisdictions?: readonly string[]; open?: boolean; excursionId?: string; limit: number }) =>
  q.query<R<QuarantineRow>>(
    `SELECT ${QUARANTINE_COLUMNS} FROM ${QUARANTINE_FROM}
     WHERE ($1::text IS NULL OR sq.store = $1) AND ($2::text[] IS NULL OR s.jurisdiction = ANY($2))
       AND ($3::boolean IS NULL OR (sq.decided_at IS NULL) = $3) AND ($4::uuid IS NULL OR sq.excursion_id = $4)
     ORDER BY sq.opened_at DESC, sq.product, sq.lot LIMIT $5`,
    [filter.store ?? null, filter.jurisdictions ?? null, filter.open ?? null, filter.excursionId ?? null, filter.limit],
  );

export const decideQuarantine = (
  q: Queryable,
  id: string,
  d: { at: Date; by: string; vvmStage: number | null; shakeTest: string | null; action: string; reason: string; discarded: number | null },
) =>
  q.query(
    `UPDATE stock_quarantines SET decided_at = $2, decided_by = $3, vvm_stage = $4, shake_test = $5, action = $6, decision_reason = $7, discarded = $8
     WHERE id = $1`,
    [id, d.at, d.by, d.vvmStage, d.shakeTest, d.action, d.reason, d.discarded],
  );

export const listExcursions = (
  q: Queryable,
  filter: { store?: string; device?: string; jurisdictions?: readonly string[]; alarm?: boolean; since?: Date; limit: number },
) =>
  q.query<R<ExcursionRow>>(
    `SELECT x.id, x.device, x.store, s.jurisdiction, x.type, x.start_at AS "startAt", x.end_at AS "endAt", x.minutes, x.alarm, x.ongoing,
       x.extreme_c AS "extremeC", x.longest_gap_minutes AS "longestGapMinutes", x.alarmed_at AS "alarmedAt",
       (SELECT count(*) FROM stock_quarantines sq WHERE sq.excursion_id = x.id AND sq.decided_at IS NULL)::int8 AS "openQuarantines"
     FROM cold_chain_excursions x JOIN stock_stores s ON s.id = x.store
     WHERE ($1::text IS NULL OR x.store = $1) AND ($2::text IS NULL OR x.device = $2) AND ($3::text[] IS NULL OR s.jurisdiction = ANY($3))
       AND ($4::boolean IS NULL OR x.alarm = $4) AND ($5::timestamptz IS NULL OR x.end_at >= $5)
     ORDER BY x.start_at DESC LIMIT $6`,
    [filter.store ?? null, filter.device ?? null, filter.jurisdictions ?? null, filter.alarm ?? null, filter.since ?? null, filter.limit],
  );
