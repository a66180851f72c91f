/**
 * The reference weeks of Farrington's method: the same week 1..b years back.
 *
 * - A series indexed by position: week k − 52·i.
 * - A dated series: R's `algo.farrington.referencetimepoints()`. The date is
 *   moved back i calendar years (`seq.Date(by = "-1 year")`, so 29 February
 *   becomes 1 March), then to the nearer of the two dates with the same
 *   weekday as week k. The lag is therefore 52 or 53 weeks.
 */
import type { PreparedSeries } from '../series.ts';

const DAY_MS = 86_400_000;

/** R's `format(date, "%w")`: 0 = Sunday. Day 0 (1970-01-01) was a Thursday. */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Day number of the same calendar date `years` earlier, with R's roll-over of 29 February. */
const yearsBack = (day: number, years: number): number => {
  const date = new Date(day * DAY_MS);
  const back = new Date(0);
  back.setUTCFullYear(date.getUTCFullYear() - years, date.getUTCMonth(), date.getUTCDate());
  return Math.round(back.getTime() / DAY_MS);
};

/** The nearest day to `target` that falls on the weekday of `anchor` (R picks A unless B is strictly nearer). */
const nearestSameWeekday = (target: number, anchor: number): number => {
  const a = target - (weekday(target) - weekday(anchor));
  const b = a + (a > target ? -7 : 7);
  return Math.abs(a - target) > Math.abs(b - target) ? b : a;
};

/**
 * Fills `out[i]` (i = 0..b) with the 1-based index of the reference week i
 * years before week k (`out[0] = k`). Returns false when one of them lies
 * outside the series (R stops with "Some reference time points did not exist").
 */
export const referenceWeeks = (series: PreparedSeries, k: number, b: number, out: Int32Array): boolean => {
  const { days, n } = series;
  for (let i = 0; i <= b; i++) {
    let index: number;
    if (days === null) {
      index = k - 52 * i;
    } else {
      const day = days[k - 1]!;
      index = (nearestSameWeekday(yearsBack(day, i), day) - days[0]!) / 7 + 1;
    }
    if (index < 1 || index > n) return false;
    out[i] = index;
  }
  return true;
};

export interface FarringtonWeeks {
  /** First week R can compute: every reference week exists and the oldest window starts at index 0 or later. */
  earliest: number;
  /** First week whose whole oldest window lies inside the series: the default start of the range. */
  first: number;
}

/**
 * R's default range starts at 52·b + w + 1. For a dated series that week can
 * put the oldest window at index 0, which R silently drops (`x[0] <- v` does
 * nothing), so the default used here is the first week whose windows are
 * complete; an explicit range may still start at `earliest`.
 */
export const farringtonWeeks = (series: PreparedSeries, b: number, w: number): FarringtonWeeks => {
  const refs = new Int32Array(b + 1);
  let earliest = Number.POSITIVE_INFINITY;
  for (let k = Math.max(1, 52 * b - 2); k <= series.n; k++) {
    if (!referenceWeeks(series, k, b, refs)) continue;
    const oldest = refs[b]! - w;
    if (oldest >= 0 && earliest === Number.POSITIVE_INFINITY) earliest = k;
    if (oldest >= 1) return { earliest, first: k };
  }
  return { earliest, first: Number.POSITIVE_INFINITY };
};
