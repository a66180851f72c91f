import { describe, expect, it } from 'vitest';
import { caseSeries, hiddenCount, recentMonths, recentWeeksMatrix, stockMatrix } from './public-tables.ts';

const cell = (party: string, disease: string, weekStart: string, count: number | null) => ({ party, disease, weekStart, week: 'W', count, suppressed: count === null });

describe('public tables', () => {
  it('lists the recent months newest first, across a year end', () => {
    expect(recentMonths(new Date('2026-02-10T00:00:00Z'), 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });

  it('lays stock levels out as products by parties', () => {
    const matrix = stockMatrix([
      { party: 'UG', product: 'ors', quantity: 5, expiry: '2027-01', suppressed: false },
      { party: 'KE', product: 'ors', quantity: null, expiry: '2027-02', suppressed: true },
      { party: 'KE', product: 'mr-vaccine', quantity: 9, expiry: '2027-03', suppressed: false },
    ]);
    expect(matrix.columns).toEqual(['KE', 'UG']);
    expect(matrix.rows.map((r) => [r.key, [...r.cells.keys()]])).toEqual([
      ['ors', ['UG', 'KE']],
      ['mr-vaccine', ['KE']],
    ]);
  });

  it('keeps the last weeks of one disease, oldest first, parties in code order', () => {
    const cells = [cell('UG', 'cholera', '2025-12-29', 7), cell('KE', 'cholera', '2025-12-22', null), cell('KE', 'cholera', '2025-12-29', 0), cell('KE', 'mpox', '2025-12-29', 9), cell('KE', 'cholera', '2025-12-15', 3)];
    const matrix = recentWeeksMatrix(cells, 'cholera', 2);
    expect(matrix.columns).toEqual(['2025-12-22', '2025-12-29']);
    expect(matrix.rows.map((r) => r.key)).toEqual(['KE', 'UG']);
    expect(matrix.rows[0]!.cells.get('2025-12-22')!.suppressed).toBe(true);
  });

  it('draws a hidden week as a gap and counts the hidden cells', () => {
    const cells = [cell('KE', 'cholera', '2025-12-29', 8), cell('KE', 'cholera', '2025-12-22', null)];
    expect(caseSeries(cells, 'cholera')).toEqual([{ party: 'KE', points: [{ date: '2025-12-22', value: null }, { date: '2025-12-29', value: 8 }] }]);
    expect(hiddenCount(cells)).toBe(1);
  });
});
