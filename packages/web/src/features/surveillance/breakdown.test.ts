import { describe, expect, it } from 'vitest';
import { breakdownRows, breakdownTotals, recentMondays, weekEnd } from './breakdown.ts';
import type { AggregateCell } from './surveillance.types.ts';

const cell = (fields: Partial<AggregateCell>, count: number | null): AggregateCell => ({
  party: 'KE',
  disease: 'cholera',
  periodStart: '2026-11-23',
  period: '2026-W48',
  periodEnd: '2026-11-29',
  count,
  suppressed: count === null,
  ...fields,
});

describe('a breakdown of one period', () => {
  it('lists every age band in order, a missing one as 0 and a withheld one as withheld', () => {
    const rows = breakdownRows([cell({ ageBand: '25-44' }, 12), cell({ ageBand: '0-4' }, null), cell({ ageBand: '65+' }, 7)], 'ageBand');
    expect(rows.map((r) => [r.category, r.count, r.suppressed])).toEqual([
      ['0-4', null, true],
      ['5-14', 0, false],
      ['15-24', 0, false],
      ['25-44', 12, false],
      ['45-64', 0, false],
      ['65+', 7, false],
      ['unknown', 0, false],
    ]);
  });

  it('lists the given areas, then any other area the node answered with', () => {
    const rows = breakdownRows([cell({ area: 'KE-30' }, 9), cell({ area: 'KE-99' }, 2)], 'area', ['KE-01', 'KE-30']);
    expect(rows.map((r) => [r.category, r.count])).toEqual([
      ['KE-01', 0],
      ['KE-30', 9],
      ['KE-99', 2],
    ]);
  });

  it('never adds a withheld count into a total it shows as exact', () => {
    const rows = breakdownRows([cell({ sex: 'male' }, 6), cell({ sex: 'male', periodStart: '2026-11-30' }, null), cell({ sex: 'female' }, 8)], 'sex');
    expect(rows.find((r) => r.category === 'male')).toEqual({ category: 'male', count: null, suppressed: true });
    expect(breakdownTotals(rows)).toEqual({ shown: 8, withheld: 1 });
  });
});

describe('the weeks to choose from', () => {
  it('starts on the Monday of the current ISO week, whatever the day', () => {
    expect(recentMondays(new Date('2026-12-06T23:00:00Z'), 3)).toEqual(['2026-11-30', '2026-11-23', '2026-11-16']);
    expect(recentMondays(new Date('2026-11-30T00:00:00Z'), 1)).toEqual(['2026-11-30']);
    expect(recentMondays(new Date('2027-01-01T12:00:00Z'), 2)).toEqual(['2026-12-28', '2026-12-21']);
  });

  it('ends each week on its Sunday', () => {
    expect(weekEnd('2026-12-28')).toBe('2027-01-03');
  });
});
