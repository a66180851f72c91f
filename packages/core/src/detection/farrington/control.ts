/**
 * Control parameters of `farringtonFlexible` (R `surveillance` 1.20.3) and
 * the three configurations Concord runs: the classic Farrington et al. (1996)
 * algorithm and the improved one of Noufaily et al. (2013) with its two
 * threshold methods.
 */
import { AppError } from '../../errors.ts';

export type ThresholdMethod = 'delta' | 'nbPlugin' | 'muan';
export type PowerTransform = '2/3' | '1/2' | 'none';

export interface FarringtonControl {
  /** Years back in time. */
  b: number;
  /** Half-width of the window around each reference week. */
  w: number;
  /** Down-weight past outbreaks by their Anscombe residuals and refit. */
  reweight: boolean;
  /** Residual above which a week is down-weighted (1 in 1996, 2.58 in Noufaily). */
  weightsThreshold: number;
  /** One-sided level of the threshold. */
  alpha: number;
  /** Try a log-linear time trend. */
  trend: boolean;
  /** Keep the trend only when its p-value is below this (and it does not extrapolate). */
  pThresholdTrend: number;
  /** [cases, weeks]: no bound and no alarm unless weeks t−weeks+1..t hold at least `cases` cases. */
  limit54: readonly [cases: number, weeks: number];
  /** Skewness-correcting power for the delta method. */
  powertrans: PowerTransform;
  /** 1 = windows only (1996); p > 1 adds a p-level seasonal factor covering the weeks between windows. */
  noPeriods: number;
  /** Most recent weeks left out of the baseline; absent means w, as R's NULL. */
  pastWeeksNotIncluded?: number;
  thresholdMethod: ThresholdMethod;
}

/** Farrington, Andrews, Beale and Catchpole (1996), as `farringtonFlexible` runs it. */
export const FARRINGTON_1996: FarringtonControl = {
  b: 5,
  w: 3,
  reweight: true,
  weightsThreshold: 1,
  alpha: 0.05,
  trend: true,
  pThresholdTrend: 0.05,
  limit54: [5, 4],
  powertrans: '2/3',
  noPeriods: 1,
  thresholdMethod: 'delta',
};

/** Noufaily, Enki, Farrington, Garthwaite, Andrews and Charlett (2013), negative binomial plug-in threshold. */
export const NOUFAILY: FarringtonControl = {
  ...FARRINGTON_1996,
  weightsThreshold: 2.58,
  pThresholdTrend: 1,
  noPeriods: 10,
  pastWeeksNotIncluded: 26,
  thresholdMethod: 'nbPlugin',
};

/** Noufaily with the "muan" threshold: the plug-in mean raised to its upper 1−α confidence limit. */
export const NOUFAILY_MUAN: FarringtonControl = { ...NOUFAILY, thresholdMethod: 'muan' };

export const pastWeeksNotIncluded = (control: FarringtonControl): number => control.pastWeeksNotIncluded ?? control.w;

export const checkFarringtonControl = (control: FarringtonControl): void => {
  const problems: string[] = [];
  const isCount = (x: number, min: number) => Number.isInteger(x) && x >= min;
  if (!isCount(control.b, 1)) problems.push('b must be an integer >= 1');
  if (!isCount(control.w, 0)) problems.push('w must be an integer >= 0');
  if (!isCount(control.noPeriods, 1)) problems.push('noPeriods must be an integer >= 1');
  if (control.pastWeeksNotIncluded !== undefined && !isCount(control.pastWeeksNotIncluded, 0)) problems.push('pastWeeksNotIncluded must be an integer >= 0');
  if (!(control.alpha > 0 && control.alpha < 0.5)) problems.push('alpha must lie strictly between 0 and 0.5');
  if (!(control.weightsThreshold > 0)) problems.push('weightsThreshold must be > 0');
  if (!(control.limit54[0] >= 0 && isCount(control.limit54[1], 1))) problems.push('limit54 must be [cases >= 0, weeks >= 1]');
  // A seasonal factor needs at least one week per block between windows (R
  // would otherwise label weeks twice through its descending `a:b`).
  if (control.noPeriods > 1 && 52 - 2 * control.w - 1 < control.noPeriods - 1) {
    problems.push('noPeriods is too large for the gap between windows');
  }
  if (problems.length > 0) {
    throw new AppError('SURV_DETECTION_CONTROL_INVALID', `invalid Farrington control: ${problems.join('; ')}`, {
      params: { problems },
    });
  }
};
