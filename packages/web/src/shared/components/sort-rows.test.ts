import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortRows } from './sort-rows.ts';

const row = fc.record({ id: fc.nat(), value: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }) });

describe('sortRows', () => {
  it('orders by the value, keeps ties in their original order and puts no-data last', () => {
    fc.assert(
      fc.property(fc.array(row), fc.constantFrom('ascending' as const, 'descending' as const), (rows, direction) => {
        const sorted = sortRows(rows, (r) => r.value, direction);
        expect(sorted).toHaveLength(rows.length);
        const firstNull = sorted.findIndex((r) => r.value === null);
        if (firstNull >= 0) expect(sorted.slice(firstNull).every((r) => r.value === null)).toBe(true);
        for (let i = 1; i < sorted.length; i += 1) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          if (a.value === null || b.value === null) continue;
          if (a.value === b.value) expect(rows.indexOf(a)).toBeLessThan(rows.indexOf(b));
          else expect(direction === 'ascending' ? a.value < b.value : a.value > b.value).toBe(true);
        }
      }),
    );
  });

  it('orders text by the reader’s collation', () => {
    const names = ['Rwanda', 'burundi', 'Kenya'].map((name) => ({ name }));
    expect(sortRows(names, (r) => r.name, 'ascending').map((r) => r.name)).toEqual(['burundi', 'Kenya', 'Rwanda']);
  });
});
