/**
 * Outbreak (aberration) detection: EARS C1/C2/C3, Farrington (1996), the
 * improved Farrington of Noufaily et al. (2013) and Rossi's Poisson CUSUM,
 * each matching the R package `surveillance` 1.20.3 (see docs/detection.md).
 *
 * `detect` is the one entry point: a method id, a weekly count series, and
 * optionally a range of weeks and control parameters; the defaults are the
 * configurations Concord is checked against.
 */
import { type CusumControl, CUSUM_DEFAULTS, checkCusumControl, cusum } from './cusum.ts';
import { type EarsControl, type EarsVariant, checkEarsControl, earsC, earsDefaults, earsFirstWeek } from './ears.ts';
import {
  type FarringtonControl,
  FARRINGTON_1996,
  NOUFAILY,
  NOUFAILY_MUAN,
  checkFarringtonControl,
  farringtonFlexible,
  farringtonWeeks,
} from './farrington/index.ts';
import { type PreparedSeries, checkRange, prepareSeries } from './series.ts';
import type { DetectionMethod, DetectionRow, DetectionSeries, WeekRange } from './types.ts';

export * from './types.ts';
export type { CusumControl } from './cusum.ts';
export type { EarsControl, EarsVariant } from './ears.ts';
export type { FarringtonControl, PowerTransform, ThresholdMethod } from './farrington/index.ts';
export { CUSUM_DEFAULTS } from './cusum.ts';
export { FARRINGTON_1996, NOUFAILY, NOUFAILY_MUAN } from './farrington/index.ts';

export type ControlOf<M extends DetectionMethod> = M extends 'cusum'
  ? CusumControl
  : M extends 'ears-c1' | 'ears-c2' | 'ears-c3'
    ? EarsControl
    : FarringtonControl;

export interface DetectOptions<M extends DetectionMethod = DetectionMethod> {
  /** Weeks to monitor, 1-based inclusive; by default from the method's first full week to the end. */
  range?: WeekRange;
  /** Control parameters over the method's defaults. */
  control?: Partial<ControlOf<M>>;
}

/** The Farrington windows (b = 5, w = 3) also set CUSUM's default start, as in the reference runs. */
const REFERENCE_WINDOWS = { b: 5, w: 3 } as const;

const EARS_VARIANT: Record<string, EarsVariant> = { 'ears-c1': 'C1', 'ears-c2': 'C2', 'ears-c3': 'C3' };

const FARRINGTON_PRESET: Record<string, FarringtonControl> = {
  farrington: FARRINGTON_1996,
  'farrington-noufaily': NOUFAILY,
  'farrington-noufaily-muan': NOUFAILY_MUAN,
};

/** The method's control with its defaults filled in. */
export const methodControl = <M extends DetectionMethod>(method: M, overrides: Partial<ControlOf<M>> = {}): ControlOf<M> => {
  if (method === 'cusum') return { ...CUSUM_DEFAULTS, ...overrides } as ControlOf<M>;
  const ears = EARS_VARIANT[method];
  if (ears !== undefined) return { ...earsDefaults(ears), ...overrides, method: ears } as ControlOf<M>;
  return { ...FARRINGTON_PRESET[method]!, ...overrides } as ControlOf<M>;
};

interface WeekBounds {
  /** First week the method can compute (R stops before it). */
  earliest: number;
  /** First week of the default range. */
  first: number;
}

const weekBounds = (method: DetectionMethod, series: PreparedSeries, control: ControlOf<DetectionMethod>): WeekBounds => {
  if (method === 'cusum') {
    return { earliest: 2, first: farringtonWeeks(series, REFERENCE_WINDOWS.b, REFERENCE_WINDOWS.w).first };
  }
  if (EARS_VARIANT[method] !== undefined) {
    const first = earsFirstWeek(control as EarsControl);
    return { earliest: first, first };
  }
  const { b, w } = control as FarringtonControl;
  return farringtonWeeks(series, b, w);
};

/**
 * The default range of a method on a series: EARS 8/10/12..n, Farrington and
 * CUSUM from the first week whose reference windows all lie in the series
 * (264 without dates, usually 265 with dates). Null when the series is too short.
 */
export const defaultRange = (
  method: DetectionMethod,
  series: DetectionSeries,
  control: Partial<ControlOf<DetectionMethod>> = {},
): WeekRange | null => {
  const prepared = prepareSeries(series);
  const full = methodControl(method, control);
  return rangeWithin(weekBounds(method, prepared, full).first, prepared.n);
};

const rangeWithin = (first: number, n: number): WeekRange | null => (first <= n ? [first, n] : null);

/**
 * The first week a method can compute on a series, where an explicit range
 * may start (R stops before it): EARS 8/10/12, Farrington 263 without dates,
 * CUSUM 2 (its reference mean needs one week before the range).
 */
export const earliestWeek = (method: DetectionMethod, series: DetectionSeries, control: Partial<ControlOf<DetectionMethod>> = {}): number =>
  weekBounds(method, prepareSeries(series), methodControl(method, control)).earliest;

/**
 * Runs one detection method over a series. Rows come back in week order, one
 * per week of the range; an empty list when the series is too short for the
 * default range.
 */
export const detect = <M extends DetectionMethod>(
  method: M,
  series: DetectionSeries,
  options: DetectOptions<M> = {},
): DetectionRow[] => {
  const prepared = prepareSeries(series);
  const control = methodControl(method, options.control);
  checkControl(method, control);
  const bounds = weekBounds(method, prepared, control);
  const range = options.range ?? rangeWithin(bounds.first, prepared.n);
  if (range === null) return [];
  checkRange(range, bounds.earliest, prepared.n, method);
  if (method === 'cusum') return cusum(prepared, control as CusumControl, range);
  if (EARS_VARIANT[method] !== undefined) return earsC(prepared, control as EarsControl, range);
  return farringtonFlexible(prepared, control as FarringtonControl, range);
};

const checkControl = (method: DetectionMethod, control: ControlOf<DetectionMethod>): void => {
  if (method === 'cusum') checkCusumControl(control as CusumControl);
  else if (EARS_VARIANT[method] !== undefined) checkEarsControl(control as EarsControl);
  else checkFarringtonControl(control as FarringtonControl);
};
