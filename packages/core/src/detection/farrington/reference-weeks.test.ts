import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumber } from '../../surveillance/calendar-date.ts';
import type { PreparedSeries } from '../series.ts';
import { farringtonWeeks, referenceWeeks } from './reference-weeks.ts';

const undated = (n: number): PreparedSeries => ({ n, counts: new Float64Array(n), days: null });

/** A weekly series of n weeks starting on `start`. */
const dated = (start: string, n: number): PreparedSeries => {
  const first = dayNumber(start);
  return { n, counts: new Float64Array(n), days: Int32Array.from({ length: n }, (_, i) => first + 7 * i) };
};

const referenceDates = (series: PreparedSeries, k: number, b: number): string[] => {
  const refs = new Int32Array(b + 1);
  expect(referenceWeeks(series, k, b, refs)).toBe(true);
  return Array.from(refs, (index) => dateOfDayNumber(series.days![index - 1]!));
};

describe('referenceWeeks', () => {
  it('steps back 52 weeks at a time in a series without dates', () => {
    const refs = new Int32Array(6);
    expect(referenceWeeks(undated(400), 300, 5, refs)).toBe(true);
    expect(Array.from(refs)).toEqual([300, 248, 196, 144, 92, 40]);
  });

  it('refuses a week whose oldest reference week lies before the series', () => {
    expect(referenceWeeks(undated(400), 260, 5, new Int32Array(6))).toBe(false);
  });

  // Expected dates printed by R's surveillance:::algo.farrington.referencetimepoints (1.20.3).
  it('rolls 29 February over to 1 March and takes the nearest Monday, as R does', () => {
    const series = dated('2010-01-04', 400);
    const k = (dayNumber('2016-02-29') - dayNumber('2010-01-04')) / 7 + 1;
    expect(referenceDates(series, k, 5)).toEqual(['2016-02-29', '2015-03-02', '2014-03-03', '2013-03-04', '2012-02-27', '2011-02-28']);
  });

  it('lags 53 weeks when the calendar requires it', () => {
    const series = dated('2010-01-07', 400);
    const k = (dayNumber('2015-01-01') - dayNumber('2010-01-07')) / 7 + 1;
    expect(referenceDates(series, k, 3)).toEqual(['2015-01-01', '2014-01-02', '2013-01-03', '2011-12-29']);
  });

  it('always lands within 3 days of the same calendar date, on the same weekday, 52 or 53 weeks apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2040-12-31') }), (startDay) => {
        const series = dated(dateOfDayNumber(startDay), 420);
        const refs = new Int32Array(6);
        expect(referenceWeeks(series, 400, 5, refs)).toBe(true);
        for (let i = 1; i <= 5; i++) {
          const lag = refs[i - 1]! - refs[i]!;
          expect(lag === 52 || lag === 53).toBe(true);
          const target = new Date(series.days![399]! * 86_400_000);
          target.setUTCFullYear(target.getUTCFullYear() - i);
          const distance = Math.abs(series.days![refs[i]! - 1]! - Math.round(target.getTime() / 86_400_000));
          expect(distance).toBeLessThanOrEqual(4); // 3 days, or 4 when 29 February rolled over
        }
      }),
    );
  });
});

describe('farringtonWeeks', () => {
  it('starts at 52·b + w + 1 = 264 without dates, and allows 263 (R drops index 0)', () => {
    expect(farringtonWeeks(undated(312), 5, 3)).toEqual({ earliest: 263, first: 264 });
  });

  it('starts at the first week whose oldest window is complete in a dated series', () => {
    // stsNewport and salmAllOnset begin on Monday 2001-01-01; R's reference runs start at 265.
    expect(farringtonWeeks(dated('2001-01-01', 773), 5, 3).first).toBe(265);
  });

  it('is infinite for a series too short to have b years of history', () => {
    expect(farringtonWeeks(undated(200), 5, 3).first).toBe(Number.POSITIVE_INFINITY);
  });
});
