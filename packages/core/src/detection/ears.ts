/**
 * EARS C1, C2 and C3 (CDC Early Aberration Reporting System; Hutwagner et al.
 * 2003), as coded in R `surveillance` 1.20.3 `earsC()`.
 *
 * - C1: bound = mean + z·sd of the 7 weeks t−7..t−1.
 * - C2: the same over t−9..t−3 (a two-week guard band).
 * - C3: R's code, not its help page: bound = max(0, y_t + sd₂(t)·(z − L)),
 *   L = max(0, C2(t−2) − 1) + max(0, C2(t−1) − 1), C2(u) = (y_u − mean₂(u))/sd₂(u).
 *   It uses the observed y_t, so with sd₂(t) > 0 an alarm happens iff L > z.
 * sd is the sample standard deviation (n − 1). NaN from a zero sd flows
 * through as in R (`pmax` keeps NaN), giving an NA bound and an NA alarm.
 */
import { qnorm } from './distributions.ts';
import { AppError } from '../errors.ts';
import type { PreparedSeries } from './series.ts';
import type { DetectionRow, WeekRange } from './types.ts';

export type EarsVariant = 'C1' | 'C2' | 'C3';

export interface EarsControl {
  method: EarsVariant;
  /** Number of baseline weeks (R's `baseline`, at least 3). */
  baseline: number;
  /** One-sided level; R's defaults are 0.001 for C1/C2 and 0.025 for C3 ("the choices made at the CDC"). */
  alpha: number;
  /** Lower limit for the standard deviation (R's `minSigma`). */
  minSigma: number;
}

export const earsDefaults = (method: EarsVariant): EarsControl => ({
  method,
  baseline: 7,
  alpha: method === 'C3' ? 0.025 : 0.001,
  minSigma: 0,
});

/** The first week with a full baseline; also R's default start of `range`. */
export const earsFirstWeek = (control: EarsControl): number =>
  control.baseline + (control.method === 'C1' ? 1 : control.method === 'C2' ? 3 : 5);

export const checkEarsControl = (control: EarsControl): void => {
  const bad = (message: string) => new AppError('SURV_DETECTION_CONTROL_INVALID', message, { params: { ...control } });
  if (!Number.isInteger(control.baseline) || control.baseline < 3) throw bad('EARS baseline must be an integer >= 3');
  if (!(control.alpha > 0 && control.alpha < 1)) throw bad('EARS alpha must lie strictly between 0 and 1');
  if (!(control.minSigma >= 0)) throw bad('EARS minSigma must be >= 0');
};

/** Mean and sample sd of `length` counts from 0-based `start`, two-pass for accuracy. */
const meanAndSd = (counts: Float64Array, start: number, length: number, out: Float64Array): void => {
  let sum = 0;
  for (let i = start; i < start + length; i++) sum += counts[i]!;
  const mean = sum / length;
  let squares = 0;
  for (let i = start; i < start + length; i++) {
    const d = counts[i]! - mean;
    squares += d * d;
  }
  out[0] = mean;
  out[1] = Math.sqrt(squares / (length - 1));
};

export const earsC = (series: PreparedSeries, control: EarsControl, range: WeekRange): DetectionRow[] => {
  const { counts } = series;
  const { baseline, minSigma } = control;
  const z = qnorm(1 - control.alpha);
  const stats = new Float64Array(2);
  // Baseline of week t (1-based) starts at 0-based index t − 1 − baseline − lag.
  const c2Stat = (u: number): number => {
    meanAndSd(counts, u - 3 - baseline, baseline, stats);
    return (counts[u - 1]! - stats[0]!) / Math.max(stats[1]!, minSigma);
  };
  const rows: DetectionRow[] = [];
  for (let t = range[0]; t <= range[1]; t++) {
    const observed = counts[t - 1]!;
    let bound: number;
    if (control.method === 'C3') {
      const lags = Math.max(0, c2Stat(t - 2) - 1) + Math.max(0, c2Stat(t - 1) - 1);
      meanAndSd(counts, t - 3 - baseline, baseline, stats);
      bound = Math.max(0, observed + Math.max(stats[1]!, minSigma) * (z - lags));
    } else {
      meanAndSd(counts, t - 1 - baseline - (control.method === 'C2' ? 2 : 0), baseline, stats);
      bound = stats[0]! + z * Math.max(stats[1]!, minSigma);
    }
    const defined = !Number.isNaN(bound);
    rows.push({ t, observed, upperbound: defined ? bound : null, alarm: defined ? observed > bound : null });
  }
  return rows;
};
