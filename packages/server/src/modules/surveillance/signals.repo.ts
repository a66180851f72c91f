import type { Queryable } from '../../db/database.ts';

export interface SeriesKey {
  party: string;
  disease: string;
  /** An area code, or `all` for the whole party. */
  area: string;
}

export interface DetectionResult extends SeriesKey {
  weekStart: string;
  method: string;
  observed: number;
  threshold: number | null;
  expected: number | null;
  alarm: boolean | null;
}

export type SignalStatus = 'new' | 'dismissed' | 'promoted' | 'withdrawn';

export interface Signal extends SeriesKey {
  id: string;
  weekStart: string;
  method: string;
  observed: number;
  threshold: number | null;
  expected: number | null;
  raisedAt: Date;
  status: SignalStatus;
  triagedAt: Date | null;
  triagedBy: string | null;
  note: string | null;
  eventId: string | null;
  synthetic: boolean;
}

type R<T> = T & Record<string, unknown>;

export const saveResults = async (q: Queryable, rows: readonly DetectionResult[], at: Date) => {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO detection_results (party, disease, area, week_start, method, observed, threshold, expected, alarm, computed_at)
     SELECT *, $10::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::int4[], $7::float8[], $8::float8[], $9::bool[])
     ON CONFLICT (party, disease, area, week_start) DO UPDATE SET method = EXCLUDED.method, observed = EXCLUDED.observed,
       threshold = EXCLUDED.threshold, expected = EXCLUDED.expected, alarm = EXCLUDED.alarm, computed_at = EXCLUDED.computed_at`,
    [
      rows.map((r) => r.party),
      rows.map((r) => r.disease),
      rows.map((r) => r.area),
      rows.map((r) => r.weekStart),
      rows.map((r) => r.method),
      rows.map((r) => r.observed),
      rows.map((r) => r.threshold),
      rows.map((r) => r.expected),
      rows.map((r) => r.alarm),
      at.toISOString(),
    ],
  );
};

/**
 * Raises a signal for every alarm that has none yet (returns how many were
 * new), refreshes the figures of untriaged ones, brings a withdrawn one back,
 * and withdraws untriaged signals whose week no longer alarms.
 */
export const syncSignals = async (q: Queryable, rows: readonly DetectionResult[], at: Date, ids: () => string, synthetic = false): Promise<number> => {
  const alarms = rows.filter((r) => r.alarm === true);
  const quiet = rows.filter((r) => r.alarm !== true);
  let raised = 0;
  if (alarms.length > 0) {
    const result = await q.query<{ inserted: boolean }>(
      `INSERT INTO signals (id, party, disease, area, week_start, method, observed, threshold, expected, raised_at, synthetic)
       SELECT t.*, $10::timestamptz, $11::bool
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::int4[], $8::float8[], $9::float8[]) AS t
       ON CONFLICT (party, disease, area, week_start) DO UPDATE SET method = EXCLUDED.method, observed = EXCLUDED.observed,
         threshold = EXCLUDED.threshold, expected = EXCLUDED.expected,
         status = CASE WHEN signals.status = 'withdrawn' THEN 'new' ELSE signals.status END
       WHERE signals.status IN ('new', 'withdrawn')
       RETURNING (xmax = 0) AS inserted`,
      [
        alarms.map(() => ids()),
        alarms.map((r) => r.party),
        alarms.map((r) => r.disease),
        alarms.map((r) => r.area),
        alarms.map((r) => r.weekStart),
        alarms.map((r) => r.method),
        alarms.map((r) => r.observed),
        alarms.map((r) => r.threshold),
        alarms.map((r) => r.expected),
        at.toISOString(),
        synthetic,
      ],
    );
    raised = result.filter((r) => r.inserted).length;
  }
  if (quiet.length > 0) {
    await q.query(
      `UPDATE signals AS s SET status = 'withdrawn', observed = t.observed
       FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::int4[]) AS t(party, disease, area, week_start, observed)
       WHERE s.party = t.party AND s.disease = t.disease AND s.area = t.area AND s.week_start = t.week_start AND s.status = 'new'`,
      [quiet.map((r) => r.party), quiet.map((r) => r.disease), quiet.map((r) => r.area), quiet.map((r) => r.weekStart), quiet.map((r) => r.observed)],
    );
  }
  return raised;
};

export const listResults = (q: Queryable, key: SeriesKey, from: string, to: string) =>
  q.query<R<DetectionResult>>(
    `SELECT party, disease, area, week_start AS "weekStart", method, observed, threshold, expected, alarm
     FROM detection_results WHERE party = $1 AND disease = $2 AND area = $3 AND week_start BETWEEN $4::date AND $5::date ORDER BY week_start`,
    [key.party, key.disease, key.area, from, to],
  );

const SIGNAL = `SELECT id, party, disease, area, week_start AS "weekStart", method, observed, threshold, expected, raised_at AS "raisedAt",
  status, triaged_at AS "triagedAt", triaged_by AS "triagedBy", note, event_id AS "eventId", synthetic FROM signals`;

export interface SignalFilter {
  parties?: readonly string[];
  disease?: string;
  area?: string;
  status?: SignalStatus;
  from?: string;
  to?: string;
  limit: number;
}

export const listSignals = (q: Queryable, filter: SignalFilter) => {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  add('party = ANY(?::text[])', filter.parties);
  add('disease = ?', filter.disease);
  add('area = ?', filter.area);
  add('status = ?', filter.status);
  add('week_start >= ?::date', filter.from);
  add('week_start <= ?::date', filter.to);
  params.push(filter.limit);
  return q.query<R<Signal>>(
    `${SIGNAL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY week_start DESC, party, disease, area LIMIT $${params.length}`,
    params,
  );
};

export const getSignal = async (q: Queryable, id: string, lock = false) =>
  (await q.query<R<Signal>>(`${SIGNAL} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]))[0];

export const triageSignal = (q: Queryable, id: string, change: { status: 'dismissed' | 'promoted'; at: Date; by: string; note: string | null; eventId: string | null }) =>
  q.query('UPDATE signals SET status = $2, triaged_at = $3, triaged_by = $4, note = $5, event_id = $6 WHERE id = $1', [
    id,
    change.status,
    change.at,
    change.by,
    change.note,
    change.eventId,
  ]);

export const signalsOfWeeks = (q: Queryable, key: SeriesKey, from: string, to: string) =>
  q.query<R<Signal>>(`${SIGNAL} WHERE party = $1 AND disease = $2 AND area = $3 AND week_start BETWEEN $4::date AND $5::date`, [
    key.party,
    key.disease,
    key.area,
    from,
    to,
  ]);

/**
 * Demo history only: synthetic signals computed in one run at seeding are
 * dated as if detection had run the Monday after their week, 06:00 UTC
 * (or now, for the current week).
 */
export const dateSyntheticSignals = (q: Queryable, now: Date) =>
  q.query(`UPDATE signals SET raised_at = LEAST(((week_start + 7)::timestamp + interval '6 hours') AT TIME ZONE 'UTC', $1::timestamptz) WHERE synthetic`, [now]);

/** Demo history only: synthetic signals of weeks before `before` were triaged (dismissed) two days after they were raised. */
export const dismissSyntheticBefore = (q: Queryable, before: string, note: string) =>
  q.query(
    `UPDATE signals SET status = 'dismissed', triaged_at = raised_at + interval '2 days', triaged_by = 'system:seed', note = $2
     WHERE synthetic AND status = 'new' AND week_start < $1::date`,
    [before, note],
  );
