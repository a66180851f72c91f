import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSUM_DEFAULTS, cusum } from './cusum.ts';
import { prepareSeries } from './series.ts';

const series = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 10, maxLength: 60 });

describe('CUSUM (Rossi, standard)', () => {
  it('keeps a non-negative sum and alarms when it reaches h', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 2, max: 9 }), (values, start) => {
        fc.pre(values.slice(0, start - 1).some((v) => v > 0));
        const rows = cusum(prepareSeries({ counts: values }), CUSUM_DEFAULTS, [start, values.length]);
        for (const row of rows) {
          expect(row.cusum!).toBeGreaterThanOrEqual(0);
          expect(row.alarm).toBe(row.cusum! >= CUSUM_DEFAULTS.h);
        }
      }),
    );
  });

  it('bounds each week by the smallest count that would alarm given the sum so far', () => {
    fc.assert(
      fc.property(series, (values) => {
        fc.pre(values.slice(0, 4).some((v) => v > 0));
        const rows = cusum(prepareSeries({ counts: values }), CUSUM_DEFAULTS, [5, values.length]);
        const m = rows[0]!.expected!;
        let previous = 0;
        for (const row of rows) {
          const exact = Math.sqrt(m) * (CUSUM_DEFAULTS.h + CUSUM_DEFAULTS.k - previous) + m;
          // Skip counts that sit on the boundary up to rounding.
          if (row.upperbound! > 0 && Math.abs(row.observed - exact) > 1e-9) expect(row.alarm).toBe(row.observed >= row.upperbound!);
          previous = row.cusum!;
        }
      }),
    );
  });

  it('estimates m from all weeks before the range unless m is given', () => {
    const values = [2, 4, 6, 8, 30, 3];
    const rows = cusum(prepareSeries({ counts: values }), CUSUM_DEFAULTS, [5, 6]);
    expect(rows[0]!.expected).toBe(5);
    // z = (30 − 5)/√5 = 11.18 → S = 10.14 ≥ 2.26; bound ceil(√5·3.3 + 5) = 13.
    expect(rows[0]).toMatchObject({ t: 5, observed: 30, upperbound: 13, alarm: true });
    const fixed = cusum(prepareSeries({ counts: values }), { ...CUSUM_DEFAULTS, m: 30 }, [5, 6]);
    expect(fixed[0]).toMatchObject({ expected: 30, alarm: false, cusum: 0 });
  });

  it('follows R when the reference mean is 0: an infinite sum alarms, then 0/0 gives NA', () => {
    // R 4.2.2, algo.cusum on 0,0,0,4,0 with range 4:5: upperbound 0 0, alarm 1 NA, cusum Inf NaN.
    const rows = cusum(prepareSeries({ counts: [0, 0, 0, 4, 0] }), CUSUM_DEFAULTS, [4, 5]);
    expect(rows[0]).toMatchObject({ upperbound: 0, alarm: true, cusum: Number.POSITIVE_INFINITY });
    expect(rows[1]).toMatchObject({ upperbound: 0, alarm: null, cusum: null });
  });
});
