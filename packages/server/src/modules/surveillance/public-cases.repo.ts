import type { Queryable } from '../../db/database.ts';

/**
 * National weekly totals per party and disease from both count channels,
 * for the public page: the line list's weekly cells summed over areas, and
 * reported counts of ISO-week periods (the all/all/all margin, summed over
 * areas, which do not overlap).
 */
export interface ChannelRow {
  party: string;
  disease: string;
  weekStart: string;
  count: number;
  [key: string]: unknown;
}

export interface NationalCountQuery {
  parties: readonly string[];
  disease?: string;
  /** Mondays, both included. */
  from: string;
  to: string;
}

export const nationalWeeklyCounts = async (q: Queryable, query: NationalCountQuery): Promise<{ lineList: ChannelRow[]; reported: ChannelRow[] }> => {
  const params = [query.parties, query.from, query.to, query.disease ?? null];
  const lineList = await q.query<ChannelRow>(
    `SELECT party, disease, week_start AS "weekStart", sum(count)::int8 AS count FROM case_counts_weekly
     WHERE party = ANY($1::text[]) AND week_start >= $2::date AND week_start <= $3::date AND ($4::text IS NULL OR disease = $4)
     GROUP BY party, disease, week_start HAVING sum(count) > 0`,
    params,
  );
  const reported = await q.query<ChannelRow>(
    `SELECT party, disease, iso_week_start AS "weekStart", sum(count)::int8 AS count FROM aggregate_counts
     WHERE party = ANY($1::text[]) AND iso_week_start >= $2::date AND iso_week_start <= $3::date AND ($4::text IS NULL OR disease = $4)
       AND age_band = 'all' AND sex = 'all' AND classification = 'all'
     GROUP BY party, disease, iso_week_start`,
    params,
  );
  return { lineList, reported };
};
