import type { AggregateCount } from '@concord/core';
import type { Queryable } from '../../db/database.ts';

/**
 * The two count tables: the live aggregates of the line list
 * (case_counts_daily / _weekly, moved by deltas on ingest) and counts
 * reported as counts (aggregate_counts, replaced cell by cell).
 */

/** A change of one line-list cell on one day. */
export interface CaseCountDelta {
  party: string;
  disease: string;
  area: string;
  day: string;
  weekStart: string;
  ageBand: string;
  sex: string;
  classification: string;
  delta: number;
}

const DIMENSIONS = ['party', 'disease', 'area', 'age_band', 'sex', 'classification'] as const;

const cellArrays = (cells: readonly (CaseCountDelta & { period: string })[]) => [
  cells.map((c) => c.party),
  cells.map((c) => c.disease),
  cells.map((c) => c.area),
  cells.map((c) => c.period),
  cells.map((c) => c.ageBand),
  cells.map((c) => c.sex),
  cells.map((c) => c.classification),
  cells.map((c) => c.delta),
];

/**
 * Adds positive deltas by upsert. Negative ones (a replaced report leaving
 * its old cell) go through UPDATE: the cell exists, and an INSERT of a
 * negative row would trip the count >= 0 check before ON CONFLICT applies.
 */
const upsertCells = async (q: Queryable, table: string, periodColumn: string, cells: readonly (CaseCountDelta & { period: string })[]) => {
  const columns = [...DIMENSIONS.slice(0, 3), periodColumn, ...DIMENSIONS.slice(3)];
  const types = ['text', 'text', 'text', 'date', 'text', 'text', 'text', 'int4'];
  const unnest = `unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`;
  const added = cells.filter((c) => c.delta > 0);
  const removed = cells.filter((c) => c.delta < 0);
  if (added.length > 0) {
    await q.query(
      `INSERT INTO ${table} (${columns.join(', ')}, count) SELECT * FROM ${unnest}
       ON CONFLICT (${columns.join(', ')}) DO UPDATE SET count = ${table}.count + EXCLUDED.count`,
      cellArrays(added),
    );
  }
  if (removed.length > 0) {
    await q.query(
      `UPDATE ${table} AS t SET count = t.count + d.delta FROM ${unnest} AS d(${columns.join(', ')}, delta)
       WHERE ${columns.map((c) => `t.${c} = d.${c}`).join(' AND ')}`,
      cellArrays(removed),
    );
  }
};

const cellKey = (c: CaseCountDelta, period: string) => [c.party, c.disease, c.area, period, c.ageBand, c.sex, c.classification].join('|');

/** Sums deltas per cell so each cell is written once per batch (a row may not be upserted twice in one statement). */
const merge = (deltas: readonly CaseCountDelta[], period: (d: CaseCountDelta) => string) => {
  const cells = new Map<string, CaseCountDelta & { period: string }>();
  for (const d of deltas) {
    const key = cellKey(d, period(d));
    const found = cells.get(key);
    if (found) found.delta += d.delta;
    else cells.set(key, { ...d, period: period(d) });
  }
  return [...cells.values()].filter((c) => c.delta !== 0);
};

export const applyCaseCountDeltas = async (q: Queryable, deltas: readonly CaseCountDelta[]) => {
  await upsertCells(q, 'case_counts_daily', 'day', merge(deltas, (d) => d.day));
  await upsertCells(q, 'case_counts_weekly', 'week_start', merge(deltas, (d) => d.weekStart));
};

export interface ReportedCount extends AggregateCount {
  isoWeekStart: string | null;
  source: 'api' | 'dhis2' | 'fhir' | 'demo';
  receivedAt: Date;
  receivedBy: string;
  synthetic: boolean;
}

/** Stores reported counts, replacing the cells that exist; says how many were new and how many replaced. */
export const upsertReportedCounts = async (q: Queryable, rows: readonly ReportedCount[]): Promise<{ imported: number; updated: number }> => {
  if (rows.length === 0) return { imported: 0, updated: 0 };
  const result = await q.query<{ inserted: boolean }>(
    `INSERT INTO aggregate_counts (party, disease, area, period_start, period_end, age_band, sex, classification, count,
       iso_week_start, source, received_at, received_by, synthetic)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::text[], $7::text[], $8::text[], $9::int4[],
       $10::date[], $11::text[], $12::timestamptz[], $13::text[], $14::bool[])
     ON CONFLICT (party, disease, area, period_start, period_end, age_band, sex, classification) DO UPDATE SET
       count = EXCLUDED.count, source = EXCLUDED.source, received_at = EXCLUDED.received_at,
       received_by = EXCLUDED.received_by, synthetic = EXCLUDED.synthetic
     RETURNING (xmax = 0) AS inserted`,
    [
      rows.map((r) => r.party),
      rows.map((r) => r.disease),
      rows.map((r) => r.area),
      rows.map((r) => r.periodStart),
      rows.map((r) => r.periodEnd),
      rows.map((r) => r.ageBand),
      rows.map((r) => r.sex),
      rows.map((r) => r.classification),
      rows.map((r) => r.count),
      rows.map((r) => r.isoWeekStart),
      rows.map((r) => r.source),
      rows.map((r) => r.receivedAt.toISOString()),
      rows.map((r) => r.receivedBy),
      rows.map((r) => r.synthetic),
    ],
  );
  const imported = result.filter((r) => r.inserted).length;
  return { imported, updated: result.length - imported };
};

export interface WeeklyChannels {
  weekStart: string;
  lineList: number;
  reported: number | null;
}

/**
 * A series' weekly totals from both channels, up to `until` (a Monday):
 * the line list's weekly cells, and the reported all/all/all totals of
 * ISO-week periods. Area `all` sums every area of the party.
 */
export const weeklyChannels = async (q: Queryable, key: { party: string; disease: string; area: string }, until: string): Promise<WeeklyChannels[]> => {
  const areaFilter = key.area === 'all' ? '' : 'AND area = $4';
  const params = key.area === 'all' ? [key.party, key.disease, until] : [key.party, key.disease, until, key.area];
  const lineList = await q.query<{ week: string; n: number }>(
    `SELECT week_start AS week, sum(count)::int8 AS n FROM case_counts_weekly
     WHERE party = $1 AND disease = $2 AND week_start <= $3::date ${areaFilter} GROUP BY week_start`,
    params,
  );
  const reported = await q.query<{ week: string; n: number }>(
    `SELECT iso_week_start AS week, sum(count)::int8 AS n FROM aggregate_counts
     WHERE party = $1 AND disease = $2 AND iso_week_start IS NOT NULL AND iso_week_start <= $3::date ${areaFilter}
       AND age_band = 'all' AND sex = 'all' AND classification = 'all'
     GROUP BY iso_week_start`,
    params,
  );
  const weeks = new Map<string, WeeklyChannels>();
  for (const row of lineList) weeks.set(row.week, { weekStart: row.week, lineList: row.n, reported: null });
  for (const row of reported) {
    const found = weeks.get(row.week);
    if (found) found.reported = row.n;
    else weeks.set(row.week, { weekStart: row.week, lineList: 0, reported: row.n });
  }
  return [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
};

/**
 * Every series of one party for some diseases in two queries: each area's
 * weekly totals from both channels, and area `all` as their sums. What a
 * detection run over many series of a party reads.
 */
export const weeklyChannelsOfParty = async (q: Queryable, party: string, diseases: readonly string[], until: string) => {
  const params = [party, diseases, until];
  const lineList = await q.query<{ disease: string; area: string; week: string; n: number }>(
    `SELECT disease, area, week_start AS week, sum(count)::int8 AS n FROM case_counts_weekly
     WHERE party = $1 AND disease = ANY($2::text[]) AND week_start <= $3::date GROUP BY disease, area, week_start`,
    params,
  );
  const reported = await q.query<{ disease: string; area: string; week: string; n: number }>(
    `SELECT disease, area, iso_week_start AS week, sum(count)::int8 AS n FROM aggregate_counts
     WHERE party = $1 AND disease = ANY($2::text[]) AND iso_week_start IS NOT NULL AND iso_week_start <= $3::date
       AND age_band = 'all' AND sex = 'all' AND classification = 'all'
     GROUP BY disease, area, iso_week_start`,
    params,
  );
  const series = new Map<string, Map<string, WeeklyChannels>>();
  const add = (disease: string, area: string, week: string, channel: 'lineList' | 'reported', n: number) => {
    const key = `${disease}|${area}`;
    let weeks = series.get(key);
    if (!weeks) series.set(key, (weeks = new Map()));
    const entry = weeks.get(week) ?? { weekStart: week, lineList: 0, reported: null };
    if (channel === 'lineList') entry.lineList += n;
    else entry.reported = (entry.reported ?? 0) + n;
    weeks.set(week, entry);
  };
  for (const r of lineList) for (const area of [r.area, 'all']) add(r.disease, area, r.week, 'lineList', r.n);
  for (const r of reported) for (const area of [r.area, 'all']) add(r.disease, area, r.week, 'reported', r.n);
  return (disease: string, area: string): WeeklyChannels[] =>
    [...(series.get(`${disease}|${area}`)?.values() ?? [])].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
};

/** Party totals of one ISO week for a disease, from both channels (for indicators). */
export const partyWeekTotals = async (q: Queryable, disease: string, weekStart: string) => {
  const lineList = await q.query<{ party: string; n: number }>(
    'SELECT party, sum(count)::int8 AS n FROM case_counts_weekly WHERE disease = $1 AND week_start = $2::date GROUP BY party',
    [disease, weekStart],
  );
  const reported = await q.query<{ party: string; n: number }>(
    `SELECT party, sum(count)::int8 AS n FROM aggregate_counts
     WHERE disease = $1 AND iso_week_start = $2::date AND age_band = 'all' AND sex = 'all' AND classification = 'all' GROUP BY party`,
    [disease, weekStart],
  );
  return { lineList: new Map(lineList.map((r) => [r.party, r.n])), reported: new Map(reported.map((r) => [r.party, r.n])) };
};

/** Every series (party × disease × area) with data since `since`, for the scheduled detection run. */
export const activeSeries = (q: Queryable, since: string) =>
  q.query<{ party: string; disease: string; area: string }>(
    `SELECT DISTINCT party, disease, area FROM case_counts_weekly WHERE week_start >= $1::date
     UNION SELECT DISTINCT party, disease, area FROM aggregate_counts WHERE iso_week_start >= $1::date
     ORDER BY party, disease, area`,
    [since],
  );
