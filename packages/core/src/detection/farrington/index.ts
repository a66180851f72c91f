/**
 * Farrington-type outbreak detection, as R `surveillance` 1.20.3
 * `farringtonFlexible()` computes it, week by week over a range.
 *
 * For each week k: reference weeks (reference-weeks.ts) → baseline and
 * seasonal levels (blocks.ts) → quasi-Poisson fit with reweighting and trend
 * decision (fit.ts, glm-irls.ts) → threshold (threshold.ts) → the low-count
 * gate: with fewer than limit54[0] cases in the last limit54[1] weeks
 * (the current one included) there is no bound and no alarm.
 */
import type { PreparedSeries } from '../series.ts';
import type { DetectionRow, WeekRange } from '../types.ts';
import { BaselineBuilder } from './blocks.ts';
import type { FarringtonControl } from './control.ts';
import { FarringtonModel, type FarringtonPrediction } from './fit.ts';
import { countTransforms } from './glm-irls.ts';
import { referenceWeeks } from './reference-weeks.ts';
import { farringtonThreshold } from './threshold.ts';

export { FARRINGTON_1996, NOUFAILY, NOUFAILY_MUAN, checkFarringtonControl } from './control.ts';
export type { FarringtonControl, PowerTransform, ThresholdMethod } from './control.ts';
export { farringtonWeeks } from './reference-weeks.ts';

/**
 * Runs the method over `range`, which must start at or after
 * `farringtonWeeks(series, b, w).earliest`. Work buffers are sized once per
 * series and reused for every week.
 */
export const farringtonFlexible = (
  series: PreparedSeries,
  control: FarringtonControl,
  range: WeekRange,
  options: { denseOnly?: boolean } = {},
): DetectionRow[] => {
  const refs = new Int32Array(control.b + 1);
  const builder = new BaselineBuilder(series.n, control.noPeriods);
  const model = new FarringtonModel(series.n, control.noPeriods, options.denseOnly ?? false, countTransforms(series.counts));
  const rows: DetectionRow[] = [];
  for (let k = range[0]; k <= range[1]; k++) {
    const observed = series.counts[k - 1]!;
    const prediction = referenceWeeks(series, k, control.b, refs)
      ? model.predict(builder.build(series, k, refs, control), control)
      : null;
    rows.push(prediction === null ? emptyRow(k, observed) : weekRow(series, k, control, prediction));
  }
  return rows;
};

const weekRow = (series: PreparedSeries, k: number, control: FarringtonControl, prediction: FarringtonPrediction): DetectionRow => {
  const observed = series.counts[k - 1]!;
  const { eta0, seEta0, phi } = prediction;
  const threshold = farringtonThreshold(control.thresholdMethod, eta0, seEta0, phi, control.alpha, observed, control.powertrans);
  const enoughCases = recentCases(series, k, control.limit54[1]) >= control.limit54[0];
  const score = enoughCases ? threshold.score : Number.NaN;
  const bounded = enoughCases && !Number.isNaN(threshold.upper);
  const delta = control.thresholdMethod === 'delta';
  return {
    t: k,
    observed,
    upperbound: bounded ? threshold.upper : null,
    alarm: !Number.isNaN(score) && score > 1 && observed !== 0,
    expected: bounded ? (delta ? threshold.mean : Math.exp(eta0)) : null,
    mu0: delta ? null : nanToNull(threshold.mean),
    phi,
    trend: prediction.trend,
    trendCoef: nanToNull(prediction.trendCoef),
    pvalue: nanToNull(threshold.pvalue),
    score: nanToNull(threshold.score),
  };
};

const emptyRow = (t: number, observed: number): DetectionRow => ({
  t,
  observed,
  upperbound: null,
  alarm: null,
  expected: null,
  mu0: null,
  phi: null,
  trend: null,
  trendCoef: null,
  pvalue: null,
  score: null,
});

/** Cases in weeks k−weeks+1..k. */
const recentCases = (series: PreparedSeries, k: number, weeks: number): number => {
  let sum = 0;
  for (let t = Math.max(1, k - weeks + 1); t <= k; t++) sum += series.counts[t - 1]!;
  return sum;
};

const nanToNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
