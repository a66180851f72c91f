/**
 * Stage-by-stage checks against the trace of R's `farringtonFlexible`
 * internals (test/fixtures/r-surveillance/trace_farrington.json): reference
 * weeks, baseline rows and seasonal labels, the unweighted fit (coefficients,
 * IRLS iterations, φ̂₀, hat values), Anscombe residuals and weights, the
 * weighted fit, the quirk dispersion, the trend test, and the prediction.
 * Each case runs twice: with the closed-form solver and with R's dense QR.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { R_SURVEILLANCE_DIR, relativeError } from '../../../../../test/support/r-surveillance.ts';
import { dayNumber } from '../../surveillance/calendar-date.ts';
import type { PreparedSeries } from '../series.ts';
import { BaselineBuilder } from './blocks.ts';
import { FARRINGTON_1996, type FarringtonControl, NOUFAILY } from './control.ts';
import { FarringtonModel, type FitStages, type FitTrace } from './fit.ts';
import { referenceWeeks } from './reference-weeks.ts';
import { farringtonThreshold } from './threshold.ts';

interface FitRecord {
  coef_unweighted: Record<string, number>;
  iter_unweighted: number;
  phi_unweighted: number;
  hat_unweighted: number[];
  anscombe: number[];
  omega: number[];
  coef_weighted: Record<string, number>;
  iter_weighted: number;
  phi: number;
  dispersion_for_se_quirk: number;
  trend_pvalue: number;
}

interface TraceCase {
  series: string;
  k: number;
  algo: 'farrington_noufaily' | 'farrington_1996';
  epochAsDate: boolean;
  date: string | null;
  observed: number;
  referenceTimePoints_index: number[];
  baseline_index: number[];
  baseline_wtime: number[];
  baseline_seasgroups: number[];
  baseline_response: number[];
  predict_wtime: number;
  trendFit: FitRecord;
  doTrend: boolean;
  finalFit: { coef_weighted: Record<string, number>; phi: number; dispersion_for_se_quirk: number; eta0: number; se_eta0: number; mu0: number };
  upperbound: number;
  package_upperbound_raw: number;
}

const cases = JSON.parse(readFileSync(`${R_SURVEILLANCE_DIR}trace_farrington.json`, 'utf8')) as TraceCase[];
const CONTROL: Record<TraceCase['algo'], FarringtonControl> = { farrington_noufaily: NOUFAILY, farrington_1996: FARRINGTON_1996 };
const TOLERANCE = 1e-9;

/**
 * The trace holds only the baseline rows, which is all the algorithm reads:
 * a series of k weeks with those counts in place (dates, if any, every 7 days
 * back from week k's date).
 */
const seriesFor = (c: TraceCase): PreparedSeries => {
  const counts = new Float64Array(c.k);
  c.baseline_index.forEach((week, i) => (counts[week - 1] = c.baseline_response[i]!));
  counts[c.k - 1] = c.observed;
  if (!c.epochAsDate) return { n: c.k, counts, days: null };
  const last = dayNumber(c.date!);
  return { n: c.k, counts, days: Int32Array.from({ length: c.k }, (_, j) => last - 7 * (c.k - 1 - j)) };
};

const expectClose = (actual: readonly number[], expected: readonly number[], tolerance = TOLERANCE) => {
  expect(actual).toHaveLength(expected.length);
  const worst = Math.max(0, ...actual.map((a, i) => relativeError(a, expected[i]!)));
  expect(worst).toBeLessThanOrEqual(tolerance);
};

const expectFit = (stages: FitStages, record: FitRecord) => {
  expectClose(stages.coefUnweighted, Object.values(record.coef_unweighted));
  expect(stages.iterUnweighted).toBe(record.iter_unweighted);
  expectClose([stages.phiUnweighted], [record.phi_unweighted]);
  expectClose(stages.hatUnweighted, record.hat_unweighted);
  expectClose(stages.anscombe, record.anscombe);
  expectClose(stages.omega, record.omega);
  expectClose(stages.coefWeighted, Object.values(record.coef_weighted));
  expect(stages.iterWeighted).toBe(record.iter_weighted);
  expectClose([stages.phi, stages.dispersionForSe], [record.phi, record.dispersion_for_se_quirk]);
};

describe.each(cases.map((c) => [`${c.series} k=${c.k} ${c.algo}`, c] as const))('trace %s', (_name, c) => {
  const control = CONTROL[c.algo];
  const series = seriesFor(c);
  const refs = new Int32Array(control.b + 1);
  const builder = new BaselineBuilder(series.n, control.noPeriods);

  it('finds the same reference weeks', () => {
    expect(referenceWeeks(series, c.k, control.b, refs)).toBe(true);
    expect(Array.from(refs)).toEqual(c.referenceTimePoints_index);
  });

  it('builds the same baseline: weeks, wtime, seasonal labels, counts', () => {
    referenceWeeks(series, c.k, control.b, refs);
    const baseline = builder.build(series, c.k, refs, control);
    const n = baseline.size;
    expect(Array.from(baseline.week.subarray(0, n))).toEqual(c.baseline_index);
    expect(Array.from(baseline.wtime.subarray(0, n))).toEqual(c.baseline_wtime);
    expect(Array.from(baseline.response.subarray(0, n))).toEqual(c.baseline_response);
    // Labels 1..p map to levels 0..p−1 when all are present; without a factor every row is level 0.
    const labels = Array.from(baseline.level.subarray(0, n), (level) => (control.noPeriods > 1 ? level + 1 : 1));
    expect(labels).toEqual(c.baseline_seasgroups);
    expect(baseline.currentWtime).toBe(c.predict_wtime);
  });

  describe.each([['closed-form solver', false] as const, ['dense QR', true] as const])('with the %s', (_solver, denseOnly) => {
    const run = () => {
      referenceWeeks(series, c.k, control.b, refs);
      const baseline = builder.build(series, c.k, refs, control);
      const trace: FitTrace = { fits: [] };
      const prediction = new FarringtonModel(series.n, control.noPeriods, denseOnly).predict(baseline, control, trace);
      return { trace, prediction: prediction! };
    };

    it('fits the trend model stage by stage as R does', () => {
      const { trace } = run();
      expectFit(trace.fits[0]!, c.trendFit);
      expect(relativeError(trace.trendPvalue! / c.trendFit.trend_pvalue, 1)).toBeLessThan(1e-6);
    });

    it('makes the same trend decision and final fit', () => {
      const { trace, prediction } = run();
      expect(prediction.trend).toBe(c.doTrend);
      expect(trace.fits).toHaveLength(c.doTrend ? 1 : 2);
      const final = trace.fits.at(-1)!;
      expectClose(final.coefWeighted, Object.values(c.finalFit.coef_weighted));
      expectClose([prediction.phi, final.dispersionForSe], [c.finalFit.phi, c.finalFit.dispersion_for_se_quirk]);
      expectClose([prediction.eta0, prediction.seEta0], [c.finalFit.eta0, c.finalFit.se_eta0]);
    });

    it('gives the package bound', () => {
      const { prediction } = run();
      const { eta0, seEta0, phi } = prediction;
      const threshold = farringtonThreshold(control.thresholdMethod, eta0, seEta0, phi, control.alpha, c.observed, control.powertrans);
      expect(relativeError(threshold.upper, c.package_upperbound_raw)).toBeLessThanOrEqual(1e-12);
      expect(relativeError(threshold.upper, c.upperbound)).toBeLessThanOrEqual(1e-12);
    });
  });
});
