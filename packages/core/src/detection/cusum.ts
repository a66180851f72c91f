/**
 * Rossi's approximate Poisson CUSUM (Rossi, Lampugnani and Marchi 1999), as
 * coded in R `surveillance` 1.20.3 `algo.cusum()` with `trans = "standard"`:
 *
 *   m   = mean(y_1 .. y_{t0−1})          (t0 = first monitored week; one constant)
 *   z_t = (y_t − m)/√m
 *   S_t = max(0, S_{t−1} + z_t − k),  S_{t0−1} = 0
 *   alarm when S_t ≥ h (no reset after an alarm)
 *   U_t = max(0, ceil(√m·(h + k − S_{t−1}) + m))   (the smallest count that alarms)
 *
 * R turns a NaN bound into 0; a NaN sum (m = 0) stays NaN and gives NA alarms.
 */
import { AppError } from '../errors.ts';
import type { PreparedSeries } from './series.ts';
import type { DetectionRow, WeekRange } from './types.ts';

export interface CusumControl {
  /** Reference value (allowance) in sd units. */
  k: number;
  /** Decision interval. */
  h: number;
  /** The in-control mean; when absent, the mean of all weeks before the range. */
  m?: number;
}

export const CUSUM_DEFAULTS: CusumControl = { k: 1.04, h: 2.26 };

export const checkCusumControl = (control: CusumControl): void => {
  const ok = Number.isFinite(control.k) && Number.isFinite(control.h) && (control.m === undefined || control.m >= 0);
  if (!ok) throw new AppError('SURV_DETECTION_CONTROL_INVALID', 'CUSUM k and h must be finite and m >= 0', { params: { ...control } });
};

export const cusum = (series: PreparedSeries, control: CusumControl, range: WeekRange): DetectionRow[] => {
  const { counts } = series;
  const { k, h } = control;
  const m = control.m ?? meanBefore(counts, range[0]);
  const sqrtM = Math.sqrt(m);
  const rows: DetectionRow[] = [];
  let previous = 0;
  for (let t = range[0]; t <= range[1]; t++) {
    const observed = counts[t - 1]!;
    const bound = Math.ceil(sqrtM * (h + k - previous) + m);
    // Same association as R: S_{t-1} + (z_t - k).
    const sum = Math.max(0, previous + ((observed - m) / sqrtM - k));
    rows.push({
      t,
      observed,
      upperbound: Number.isNaN(bound) || bound < 0 ? 0 : bound,
      alarm: Number.isNaN(sum) ? null : sum >= h,
      expected: m,
      cusum: Number.isNaN(sum) ? null : sum,
    });
    previous = sum;
  }
  return rows;
};

const meanBefore = (counts: Float64Array, t0: number): number => {
  let sum = 0;
  for (let i = 0; i < t0 - 1; i++) sum += counts[i]!;
  return sum / (t0 - 1);
};
