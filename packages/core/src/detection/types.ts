/**
 * The plain data that goes into and comes out of outbreak (aberration)
 * detection. Every method reads one weekly count series and writes one row
 * per monitored week, in the shape of the R package `surveillance` (the
 * reference implementation): an upper bound and an alarm, with `null` where R
 * writes `NA`.
 */

export const DETECTION_METHODS = [
  'ears-c1',
  'ears-c2',
  'ears-c3',
  'farrington',
  'farrington-noufaily',
  'farrington-noufaily-muan',
  'cusum',
] as const;

export type DetectionMethod = (typeof DETECTION_METHODS)[number];

export const isDetectionMethod = (value: string): value is DetectionMethod =>
  (DETECTION_METHODS as readonly string[]).includes(value);

/** One weekly count series; week t (1-based) is `counts[t - 1]`. */
export interface DetectionSeries {
  counts: readonly number[];
  /**
   * The calendar date (`YYYY-MM-DD`) of each week's first day, consecutive
   * weeks 7 days apart. When given, Farrington finds last year's week by the
   * calendar (a 52- or 53-week lag), as R does for series with Date epochs.
   */
  dates?: readonly string[];
}

/** Monitored weeks, 1-based and inclusive. */
export type WeekRange = readonly [from: number, to: number];

export interface DetectionRow {
  t: number;
  observed: number;
  /** The threshold; an alarm needs `observed` above it. `null` where R gives NA. */
  upperbound: number | null;
  alarm: boolean | null;
  /** Farrington: the model's expected count μ̂₀, null when the low-count gate fails. CUSUM: the reference mean m. */
  expected?: number | null;
  /** Farrington nbPlugin/muan: the mean plugged into the negative binomial (muan: its upper 1−α quantile). */
  mu0?: number | null;
  /** Farrington: the dispersion φ̂ (at least 1) used in the threshold. */
  phi?: number | null;
  /** Farrington: whether the time trend was kept. */
  trend?: boolean | null;
  /** Farrington: the trend slope on the log scale per week, null without trend. */
  trendCoef?: number | null;
  /** Farrington: upper-tail probability of the observed count under the threshold distribution. */
  pvalue?: number | null;
  /** Farrington: exceedance score; above 1 means above the bound. */
  score?: number | null;
  /** CUSUM: the cumulative sum S_t. */
  cusum?: number | null;
}
