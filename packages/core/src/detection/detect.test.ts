import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { DETECTION_METHODS, type DetectionMethod, defaultRange, detect } from './index.ts';

/** A seasonal series with noise drawn from the arbitrary integers, and an outbreak at the end. */
const seasonalSeries = (level: number, noise: number[], weeks = 300): number[] =>
  Array.from({ length: weeks }, (_, i) => {
    const mean = level * (1 + 0.6 * Math.sin((2 * Math.PI * i) / 52));
    const outbreak = i >= weeks - 4 ? 3 * level + 5 : 0;
    return Math.max(0, Math.round(mean + noise[i % noise.length]! * Math.sqrt(mean) + outbreak));
  });

const expectAppError = (run: () => unknown, code: string) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
};

describe('detect: ranges', () => {
  const series = { counts: seasonalSeries(10, [0.3, -0.7, 1.1, -0.2], 312) };

  it('defaults to the reference ranges: EARS 8/10/12..n, Farrington and CUSUM 264..n', () => {
    const starts = Object.fromEntries(DETECTION_METHODS.map((m) => [m, defaultRange(m, series)?.[0]]));
    expect(starts).toEqual({
      'ears-c1': 8,
      'ears-c2': 10,
      'ears-c3': 12,
      farrington: 264,
      'farrington-noufaily': 264,
      'farrington-noufaily-muan': 264,
      cusum: 264,
    });
    expect(detect('farrington', series)).toHaveLength(312 - 264 + 1);
  });

  it('returns no rows when the series is too short for the default range', () => {
    const short = { counts: series.counts.slice(0, 200) };
    expect(defaultRange('farrington-noufaily', short)).toBeNull();
    expect(detect('farrington-noufaily', short)).toEqual([]);
  });

  it('accepts an explicit range down to the first week R can compute, and no earlier', () => {
    expect(detect('farrington', series, { range: [263, 263] })).toHaveLength(1);
    expectAppError(() => detect('farrington', series, { range: [262, 270] }), 'SURV_DETECTION_RANGE_INVALID');
    expectAppError(() => detect('ears-c2', series, { range: [9, 20] }), 'SURV_DETECTION_RANGE_INVALID');
    expectAppError(() => detect('cusum', series, { range: [300, 313] }), 'SURV_DETECTION_RANGE_INVALID');
    expectAppError(() => detect('cusum', series, { range: [300, 299] }), 'SURV_DETECTION_RANGE_INVALID');
    expect(() => detect('farrington', { counts: series.counts.slice(0, 100) }, { range: [50, 60] })).toThrow(/too short/);
  });
});

describe('detect: input checks', () => {
  it('refuses counts that are not non-negative integers', () => {
    expectAppError(() => detect('ears-c1', { counts: [1, 2, -1] }), 'SURV_DETECTION_SERIES_INVALID');
    expectAppError(() => detect('ears-c1', { counts: [1, 2.5, 1] }), 'SURV_DETECTION_SERIES_INVALID');
    expectAppError(() => detect('ears-c1', { counts: [1, Number.NaN] }), 'SURV_DETECTION_SERIES_INVALID');
  });

  it('refuses dates that are not consecutive weeks of the series', () => {
    expectAppError(() => detect('ears-c1', { counts: [1, 2], dates: ['2024-01-01'] }), 'SURV_DETECTION_SERIES_INVALID');
    expectAppError(() => detect('ears-c1', { counts: [1, 2], dates: ['2024-01-01', '2024-01-09'] }), 'SURV_DETECTION_SERIES_INVALID');
    expectAppError(() => detect('ears-c1', { counts: [1, 2], dates: ['2024-01-01', '2024-13-08'] }), 'SURV_DETECTION_SERIES_INVALID');
  });

  it('refuses control parameters R would refuse or misuse', () => {
    const counts = seasonalSeries(5, [0.1], 312);
    expectAppError(() => detect('ears-c1', { counts }, { control: { baseline: 2 } }), 'SURV_DETECTION_CONTROL_INVALID');
    expectAppError(() => detect('farrington', { counts }, { control: { alpha: 0.7 } }), 'SURV_DETECTION_CONTROL_INVALID');
    expectAppError(() => detect('farrington-noufaily', { counts }, { control: { noPeriods: 60 } }), 'SURV_DETECTION_CONTROL_INVALID');
  });
});

describe('detect: Farrington invariants', () => {
  const farringtonMethods = fc.constantFrom<DetectionMethod>('farrington', 'farrington-noufaily', 'farrington-noufaily-muan');
  const noise = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 7, maxLength: 60 });

  it('alarms only above a defined bound, and has no bound below five cases in four weeks', () => {
    // A week whose GLM does not converge (an all-zero baseline) is NA throughout, as in R.
    fc.assert(
      fc.property(farringtonMethods, fc.double({ min: 0.3, max: 80, noNaN: true }), noise, (method, level, values) => {
        const counts = seasonalSeries(level, values);
        for (const row of detect(method, { counts }, { range: [265, 300] })) {
          if (row.alarm) expect(row.observed).toBeGreaterThan(row.upperbound!);
          const recent = counts.slice(row.t - 4, row.t).reduce((a, b) => a + b, 0);
          if (row.alarm === null) expect(row).toMatchObject({ upperbound: null, phi: null, expected: null });
          else if (recent < 5) expect(row).toMatchObject({ upperbound: null, alarm: false, expected: null });
        }
      }),
      { numRuns: 15 },
    );
  });

  it('raises or keeps every bound when alpha shrinks', () => {
    fc.assert(
      fc.property(farringtonMethods, fc.double({ min: 2, max: 80, noNaN: true }), noise, (method, level, values) => {
        const counts = seasonalSeries(level, values);
        const loose = detect(method, { counts }, { range: [290, 300], control: { alpha: 0.05, limit54: [0, 4] } });
        const strict = detect(method, { counts }, { range: [290, 300], control: { alpha: 0.01, limit54: [0, 4] } });
        loose.forEach((row, i) => {
          if (row.upperbound !== null) expect(strict[i]!.upperbound).toBeGreaterThanOrEqual(row.upperbound);
        });
      }),
      { numRuns: 15 },
    );
  });
});
