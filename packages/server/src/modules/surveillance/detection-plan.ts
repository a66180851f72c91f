import { addDays, daysBetween } from '@concord/core';
import { defaultRange, detect, type DetectionMethod, type DetectionRow } from '@concord/core/detection/index';

/**
 * How a weekly series is built from the two channels and which method
 * watches each week. Pure: the detection service loads the data and stores
 * what comes out.
 *
 * Method per week: the improved Farrington (Noufaily et al. 2013, negative
 * binomial plug-in threshold) when the week has the five years of history
 * its reference windows need (b = 5 years back, w = 3 weeks either side);
 * otherwise EARS C2 (7-week baseline after a 2-week guard band), which needs
 * only 9 weeks before it. C2 rather than C1, because the guard band keeps
 * the first days of an outbreak out of its own baseline; C2 rather than C3,
 * whose sum of three statistics alarms more often on slow drifts that a
 * 7-week baseline misreads as outbreaks.
 *
 * The Farrington run uses α = 0.005 (a one-sided 99.5 % threshold, as in the
 * original Farrington et al. 1996 system for England and Wales) rather than
 * R's default 0.05: with dozens of series watched every week, 5 % means a
 * false alarm somewhere almost every week. EARS C2 keeps its default
 * (α = 0.001). It also leaves out Noufaily's time trend: in a sparse
 * series, one large outbreak a few years back makes the fitted trend fall
 * so steeply that the expected count of this week nears zero and a single
 * case alarms; the ten-period seasonal levels of the last five years, with
 * outbreaks down-weighted, already follow slow changes. A method forced for
 * a preview runs with R's defaults, trend included.
 */
export const PREFERRED_METHOD: DetectionMethod = 'farrington-noufaily';
export const SHORT_HISTORY_METHOD: DetectionMethod = 'ears-c2';
/** Controls of the stored Farrington runs, over the method's defaults. */
export const PREFERRED_CONTROL = { alpha: 0.005, trend: false } as const;

export interface WeeklyValue {
  weekStart: string;
  lineList: number;
  reported: number | null;
}

export interface WeeklySeries {
  /** The Monday of each week, consecutive. */
  dates: string[];
  counts: number[];
}

/**
 * Both channels count the same people (case-based and aggregate reporting
 * of one surveillance system), so a week's value is the larger of the two,
 * never their sum. Weeks without any report count 0. The series runs from
 * the first week with data to `until` (a Monday).
 */
export const buildWeeklySeries = (values: readonly WeeklyValue[], until: string): WeeklySeries => {
  const first = values[0]?.weekStart;
  if (first === undefined || first > until) return { dates: [], counts: [] };
  const weeks = daysBetween(first, until) / 7 + 1;
  const dates = Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));
  const counts = new Array<number>(weeks).fill(0);
  for (const value of values) {
    const index = daysBetween(first, value.weekStart) / 7;
    if (index < 0 || index >= weeks) continue;
    counts[index] = Math.max(value.lineList, value.reported ?? 0);
  }
  return { dates, counts };
};

export interface EvaluatedWeek {
  weekStart: string;
  method: DetectionMethod;
  observed: number;
  threshold: number | null;
  expected: number | null;
  alarm: boolean | null;
}

const toWeek = (series: WeeklySeries, method: DetectionMethod, row: DetectionRow): EvaluatedWeek => ({
  weekStart: series.dates[row.t - 1]!,
  method,
  observed: row.observed,
  threshold: row.upperbound === null || !Number.isFinite(row.upperbound) ? null : row.upperbound,
  expected: row.expected ?? null,
  alarm: row.alarm,
});

const runOn = (series: WeeklySeries, method: DetectionMethod, weeks: readonly number[], control?: typeof PREFERRED_CONTROL): EvaluatedWeek[] => {
  if (weeks.length === 0) return [];
  const wanted = new Set(weeks);
  const range = [Math.min(...weeks), Math.max(...weeks)] as const;
  return detect(method, series, { range, ...(control ? { control } : {}) })
    .filter((row) => wanted.has(row.t))
    .map((row) => toWeek(series, method, row));
};

/** The first week (1-based) each method can watch on this series, or null when the series is too short. */
export const firstWeeks = (series: WeeklySeries) => ({
  preferred: defaultRange(PREFERRED_METHOD, series)?.[0] ?? null,
  shortHistory: defaultRange(SHORT_HISTORY_METHOD, series)?.[0] ?? null,
});

/**
 * Evaluates the given weeks (Mondays inside the series) with the method each
 * week's history allows. Weeks with too little history (under 10 weeks) are
 * left out. `method` forces one method for every week it can evaluate.
 */
export const evaluateWeeks = (series: WeeklySeries, weekStarts: readonly string[], method?: DetectionMethod): EvaluatedWeek[] => {
  if (series.dates.length === 0) return [];
  const first = series.dates[0]!;
  const ts = [...new Set(weekStarts)]
    .map((week) => daysBetween(first, week) / 7 + 1)
    .filter((t) => Number.isInteger(t) && t >= 1 && t <= series.dates.length)
    .sort((a, b) => a - b);
  if (method) {
    const start = defaultRange(method, series)?.[0];
    return start === undefined ? [] : runOn(series, method, ts.filter((t) => t >= start));
  }
  const { preferred, shortHistory } = firstWeeks(series);
  const long = preferred === null ? [] : ts.filter((t) => t >= preferred);
  const short = shortHistory === null ? [] : ts.filter((t) => t >= shortHistory && (preferred === null || t < preferred));
  return [...runOn(series, SHORT_HISTORY_METHOD, short), ...runOn(series, PREFERRED_METHOD, long, PREFERRED_CONTROL)];
};
