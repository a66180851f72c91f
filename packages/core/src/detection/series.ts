/**
 * Checks a series once at the door and turns it into the typed arrays the
 * algorithms loop over, so no algorithm has to re-validate.
 */
import { AppError } from '../errors.ts';
import { tryDayNumber } from '../surveillance/calendar-date.ts';
import type { DetectionSeries, WeekRange } from './types.ts';

export interface PreparedSeries {
  readonly n: number;
  readonly counts: Float64Array;
  /** Day numbers (days since 1970-01-01) of each week, or null for a series indexed by position only. */
  readonly days: Int32Array | null;
}

const invalid = (message: string, params: Record<string, unknown>) =>
  new AppError('SURV_DETECTION_SERIES_INVALID', message, { status: 400, params });

export const prepareSeries = (series: DetectionSeries): PreparedSeries => {
  const n = series.counts.length;
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const count = series.counts[i]!;
    if (!Number.isInteger(count) || count < 0) {
      throw invalid(`count at t=${i + 1} must be a non-negative integer, got ${String(count)}`, { t: i + 1, count });
    }
    counts[i] = count;
  }
  return { n, counts, days: series.dates === undefined ? null : prepareDays(series.dates, n) };
};

const prepareDays = (dates: readonly string[], n: number): Int32Array => {
  if (dates.length !== n) {
    throw invalid(`dates has ${dates.length} entries but counts has ${n}`, { dates: dates.length, counts: n });
  }
  const days = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const day = tryDayNumber(dates[i]!);
    if (day === undefined) throw invalid(`date at t=${i + 1} is not a calendar date: ${dates[i]}`, { t: i + 1 });
    // R's sts objects are regular: the weeks of one series are consecutive.
    if (i > 0 && day - days[i - 1]! !== 7) {
      throw invalid(`date at t=${i + 1} (${dates[i]}) is not 7 days after the previous week`, { t: i + 1 });
    }
    days[i] = day;
  }
  return days;
};

/** Checks an explicit range against the earliest week a method can evaluate. */
export const checkRange = (range: WeekRange, earliest: number, n: number, method: string): void => {
  const [from, to] = range;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    throw new AppError('SURV_DETECTION_RANGE_INVALID', `range must be two integers from <= to, got ${from}..${to}`, {
      params: { from, to },
    });
  }
  if (earliest > n) {
    throw new AppError('SURV_DETECTION_RANGE_INVALID', `the series (${n} weeks) is too short for ${method}`, {
      params: { from, to, n, method },
    });
  }
  if (from < earliest || to > n) {
    throw new AppError(
      'SURV_DETECTION_RANGE_INVALID',
      `${method} can evaluate weeks ${earliest}..${n} of this series, not ${from}..${to}`,
      { params: { from, to, earliest, n, method } },
    );
  }
};
