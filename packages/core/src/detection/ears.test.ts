import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EarsVariant, earsC, earsDefaults, earsFirstWeek } from './ears.ts';
import { prepareSeries } from './series.ts';

const counts = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 14, maxLength: 40 });
const variant = fc.constantFrom<EarsVariant>('C1', 'C2', 'C3');

const run = (method: EarsVariant, values: number[]) => {
  const control = earsDefaults(method);
  return earsC(prepareSeries({ counts: values }), control, [earsFirstWeek(control), values.length]);
};

describe('EARS C1/C2/C3', () => {
  it('alarms exactly when the count exceeds a defined bound, and gives NA alarms with NA bounds', () => {
    fc.assert(
      fc.property(variant, counts, (method, values) => {
        for (const row of run(method, values)) {
          if (row.upperbound === null) expect(row.alarm).toBeNull();
          else expect(row.alarm).toBe(row.observed > row.upperbound);
        }
      }),
    );
  });

  it('moves every bound by c when c cases are added to every week (C1, C2)', () => {
    fc.assert(
      fc.property(fc.constantFrom<EarsVariant>('C1', 'C2'), counts, fc.integer({ min: 1, max: 50 }), (method, values, c) => {
        const base = run(method, values);
        const shifted = run(
          method,
          values.map((v) => v + c),
        );
        base.forEach((row, i) => expect(shifted[i]!.upperbound).toBeCloseTo(row.upperbound! + c, 9));
      }),
    );
  });

  it('scales every bound and keeps every alarm when counts are multiplied by a constant', () => {
    fc.assert(
      fc.property(variant, counts, fc.integer({ min: 2, max: 9 }), (method, values, a) => {
        const base = run(method, values);
        const scaled = run(
          method,
          values.map((v) => v * a),
        );
        base.forEach((row, i) => {
          const other = scaled[i]!;
          if (row.upperbound === null) return expect(other.upperbound).toBeNull();
          expect(other.upperbound).toBeCloseTo(row.upperbound * a, 8);
          // An alarm decided by a margin of rounding could flip; the others must not.
          if (Math.abs(row.observed - row.upperbound) > 1e-9 * Math.max(1, row.upperbound)) expect(other.alarm).toBe(row.alarm);
        });
      }),
    );
  });

  it('C1 uses the 7 previous weeks: a flat baseline gives bound = the flat level', () => {
    const rows = run('C1', [5, 5, 5, 5, 5, 5, 5, 6, 5]);
    expect(rows[0]).toEqual({ t: 8, observed: 6, upperbound: 5, alarm: true });
  });

  it('C3 has no bound when the C2 baseline of a lag week is flat and its count differs (0/0 or x/0 with zero sd)', () => {
    const values = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
    const rows = run('C3', values);
    // sd = 0 everywhere and every C2 statistic is 0/0 = NaN, which R's pmax keeps.
    expect(rows.every((row) => row.upperbound === null && row.alarm === null)).toBe(true);
  });
});
