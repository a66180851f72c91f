import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, seededRandom } from '@concord/core';
import { buildWeeklySeries, evaluateWeeks, firstWeeks, type WeeklySeries } from './detection-plan.ts';

const MONDAY = '2020-01-06';

const seriesOf = (counts: number[], start = MONDAY): WeeklySeries => ({ dates: counts.map((_, i) => addDays(start, 7 * i)), counts });

describe('buildWeeklySeries', () => {
  it('runs from the first week with data to the given Monday, weeks without reports counting 0', () => {
    const series = buildWeeklySeries(
      [
        { weekStart: '2025-12-01', lineList: 2, reported: null },
        { weekStart: '2025-12-15', lineList: 0, reported: 5 },
      ],
      '2025-12-29',
    );
    expect(series).toEqual({ dates: ['2025-12-01', '2025-12-08', '2025-12-15', '2025-12-22', '2025-12-29'], counts: [2, 0, 5, 0, 0] });
  });

  it('takes the larger of the two channels, never their sum (they count the same people)', () => {
    const series = buildWeeklySeries([{ weekStart: '2025-12-01', lineList: 7, reported: 4 }, { weekStart: '2025-12-08', lineList: 3, reported: 9 }], '2025-12-08');
    expect(series.counts).toEqual([7, 9]);
  });

  it('is empty without data, or when the data start after the end', () => {
    expect(buildWeeklySeries([], '2025-12-29')).toEqual({ dates: [], counts: [] });
    expect(buildWeeklySeries([{ weekStart: '2026-01-05', lineList: 1, reported: null }], '2025-12-29').counts).toEqual([]);
  });
});

describe('evaluateWeeks', () => {
  it('watches a short series with EARS C2 and leaves out weeks with under 10 weeks of history', () => {
    const series = seriesOf([3, 2, 4, 3, 2, 3, 4, 2, 3, 4, 3, 40]);
    const rows = evaluateWeeks(series, series.dates);
    expect(rows.map((r) => r.weekStart)).toEqual(series.dates.slice(9));
    expect(rows.every((r) => r.method === 'ears-c2')).toBe(true);
    expect(rows.at(-1)).toMatchObject({ observed: 40, alarm: true });
  });

  it('switches to the improved Farrington once a week has five years of history behind it', () => {
    const random = seededRandom('detection-plan');
    const counts = Array.from({ length: 330 }, (_, t) => random.poisson(20 + 8 * Math.sin((2 * Math.PI * t) / 52)));
    counts[320] = 90;
    const series = seriesOf(counts);
    const { preferred } = firstWeeks(series);
    expect(preferred).not.toBeNull();
    const weeks = [series.dates[preferred! - 2]!, series.dates[preferred! - 1]!, series.dates[320]!];
    const rows = evaluateWeeks(series, weeks);
    expect(rows.map((r) => r.method)).toEqual(['ears-c2', 'farrington-noufaily', 'farrington-noufaily']);
    expect(rows.at(-1)).toMatchObject({ weekStart: series.dates[320], observed: 90, alarm: true });
    expect(rows.at(-1)!.expected).toBeGreaterThan(10);
  });

  it('uses a forced method for every week that method can watch', () => {
    const series = seriesOf(Array.from({ length: 30 }, (_, i) => (i % 5) + 1));
    const rows = evaluateWeeks(series, series.dates, 'ears-c3');
    expect(rows[0]!.weekStart).toBe(series.dates[11]);
    expect(new Set(rows.map((r) => r.method))).toEqual(new Set(['ears-c3']));
  });

  it('ignores weeks outside the series', () => {
    const series = seriesOf(Array.from({ length: 20 }, () => 3));
    expect(evaluateWeeks(series, ['2019-12-30', addDays(MONDAY, 7 * 25), '2020-01-07'])).toEqual([]);
  });

  it('alarms exactly when the observed count is above the threshold', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { minLength: 10, maxLength: 80 }), (counts) => {
        const series = seriesOf(counts);
        for (const row of evaluateWeeks(series, series.dates)) {
          if (row.threshold === null || row.alarm === null) continue;
          expect(row.alarm).toBe(row.observed > row.threshold);
          expect(row.observed).toBe(counts[series.dates.indexOf(row.weekStart)]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
