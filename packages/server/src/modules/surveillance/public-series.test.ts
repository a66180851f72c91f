import { describe, expect, it } from 'vitest';
import { mondaysBetween, nationalSeries } from './public-series.ts';

const row = (party: string, disease: string, weekStart: string, count: number) => ({ party, disease, weekStart, count });

describe('mondaysBetween', () => {
  it('lists each Monday once, both ends included, across a year end', () => {
    expect(mondaysBetween('2025-12-22', '2026-01-12')).toEqual(['2025-12-22', '2025-12-29', '2026-01-05', '2026-01-12']);
    expect(mondaysBetween('2026-01-12', '2026-01-05')).toEqual([]);
  });
});

describe('nationalSeries', () => {
  const weeks = ['2025-12-29', '2026-01-05', '2026-01-12'];

  it('takes the larger channel per week, fills zeros, and labels ISO weeks', () => {
    const cells = nationalSeries(
      { lineList: [row('KE', 'cholera', '2025-12-29', 12), row('KE', 'cholera', '2026-01-05', 30)], reported: [row('KE', 'cholera', '2026-01-05', 25), row('KE', 'cholera', '2026-01-12', 7)] },
      weeks,
      () => 5,
    );
    expect(cells).toEqual([
      { party: 'KE', disease: 'cholera', weekStart: '2025-12-29', week: '2026-W01', count: 12, suppressed: false },
      { party: 'KE', disease: 'cholera', weekStart: '2026-01-05', week: '2026-W02', count: 30, suppressed: false },
      { party: 'KE', disease: 'cholera', weekStart: '2026-01-12', week: '2026-W03', count: 7, suppressed: false },
    ]);
  });

  it('withholds counts from 1 to k − 1 but shows zeros and k itself, with each party’s own k', () => {
    const cells = nationalSeries(
      { lineList: [row('KE', 'measles', '2025-12-29', 4), row('KE', 'measles', '2026-01-05', 5), row('UG', 'measles', '2025-12-29', 4)], reported: [] },
      weeks,
      (party) => (party === 'KE' ? 5 : null),
    );
    expect(cells.map((c) => [c.party, c.weekStart, c.count, c.suppressed])).toEqual([
      ['KE', '2025-12-29', null, true],
      ['KE', '2026-01-05', 5, false],
      ['KE', '2026-01-12', 0, false],
      // No suppression asked for this party: its 4 is shown.
      ['UG', '2025-12-29', 4, false],
      ['UG', '2026-01-05', 0, false],
      ['UG', '2026-01-12', 0, false],
    ]);
  });

  it('leaves out a series with no case in the window', () => {
    expect(nationalSeries({ lineList: [], reported: [row('SO', 'mpox', '2026-01-05', 0)] }, weeks, () => 5)).toEqual([]);
  });
});
