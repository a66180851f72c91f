import type { Queryable } from '../../db/database.ts';

/**
 * Reads of the count tables for the aggregates API: one SQL per shape,
 * grouped by the dimensions asked for. Only fixed column names ever reach
 * the SQL text; every value is a parameter.
 */
export const BREAKDOWNS = ['area', 'ageBand', 'sex', 'classification'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

const COLUMN: Record<Breakdown, string> = { area: 'area', ageBand: 'age_band', sex: 'sex', classification: 'classification' };

export interface CountQuery {
  parties: readonly string[];
  disease?: string;
  area?: string;
  from?: string;
  to?: string;
  by: readonly Breakdown[];
}

export interface CountRow {
  party: string;
  disease: string;
  periodStart: string;
  area?: string;
  ageBand?: string;
  sex?: string;
  classification?: string;
  count: number;
  [key: string]: unknown;
}

const filters = (query: CountQuery, periodExpression: string) => {
  const params: unknown[] = [query.parties];
  const where = ['party = ANY($1::text[])'];
  const add = (sql: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  add('disease = ?', query.disease);
  add('area = ?', query.area);
  add(`${periodExpression} >= ?::date`, query.from);
  add(`${periodExpression} <= ?::date`, query.to);
  return { params, where };
};

const select = (by: readonly Breakdown[]) => by.map((b) => `${COLUMN[b]} AS "${b}"`);

/**
 * Line-list counts by day, ISO week (stored) or MMWR week (summed from the
 * daily table: the Sunday on or before each day starts its MMWR week).
 */
export const lineListCounts = (q: Queryable, query: CountQuery, period: 'day' | 'iso-week' | 'mmwr-week') => {
  const table = period === 'iso-week' ? 'case_counts_weekly' : 'case_counts_daily';
  const periodExpression = period === 'iso-week' ? 'week_start' : period === 'day' ? 'day' : '(day - EXTRACT(DOW FROM day)::int)';
  const { params, where } = filters(query, periodExpression);
  const dims = select(query.by);
  const groups = ['party', 'disease', periodExpression, ...query.by.map((b) => COLUMN[b])];
  return q.query<CountRow>(
    `SELECT party, disease, ${periodExpression} AS "periodStart", ${[...dims, 'sum(count)::int8 AS count'].join(', ')}
     FROM ${table} WHERE ${where.join(' AND ')}
     GROUP BY ${groups.join(', ')} HAVING sum(count) > 0
     ORDER BY party, disease, 3${query.by.map((_, i) => `, ${i + 4}`).join('')}`,
    params,
  );
};

/**
 * Which reported periods are weeks of each system: an ISO week is stored
 * with its Monday in `iso_week_start`; an MMWR week is a period that starts
 * on a Sunday and ends six days later. A count is read at the period it was
 * reported for, never split or moved into another week.
 */
const WEEK_OF: Record<'iso' | 'mmwr', { start: string; where: string }> = {
  iso: { start: 'iso_week_start', where: 'iso_week_start IS NOT NULL' },
  mmwr: { start: 'period_start', where: "EXTRACT(DOW FROM period_start) = 0 AND period_end = period_start + 6" },
};

/**
 * Reported counts of whole-week periods of one week system. A breakdown
 * asked for reads the cells broken down by it; a dimension not asked for
 * reads the `all` margin, so no person is counted twice. Areas not asked
 * for are summed (they do not overlap).
 */
export const reportedCounts = (q: Queryable, query: CountQuery, weeks: 'iso' | 'mmwr' = 'iso') => {
  const week = WEEK_OF[weeks];
  const { params, where } = filters(query, week.start);
  where.push(week.where);
  for (const b of ['ageBand', 'sex', 'classification'] as const) {
    where.push(query.by.includes(b) ? `${COLUMN[b]} <> 'all'` : `${COLUMN[b]} = 'all'`);
  }
  const groups = ['party', 'disease', week.start, ...query.by.map((b) => COLUMN[b])];
  return q.query<CountRow>(
    `SELECT party, disease, ${week.start} AS "periodStart", ${[...select(query.by), 'sum(count)::int8 AS count'].join(', ')}
     FROM aggregate_counts WHERE ${where.join(' AND ')}
     GROUP BY ${groups.join(', ')}
     ORDER BY party, disease, 3${query.by.map((_, i) => `, ${i + 4}`).join('')}`,
    params,
  );
};

/**
 * The parties, among those asked for, that reported ISO weeks in the span
 * and filters of a query: their weekly counts run Monday–Sunday and cannot
 * be turned into MMWR weeks.
 */
export const partiesReportingIsoWeeks = async (q: Queryable, query: CountQuery): Promise<string[]> => {
  const { params, where } = filters({ ...query, by: [] }, 'iso_week_start');
  const rows = await q.query<{ party: string }>(
    `SELECT DISTINCT party FROM aggregate_counts WHERE ${where.join(' AND ')} AND iso_week_start IS NOT NULL ORDER BY party`,
    params,
  );
  return rows.map((r) => r.party);
};
