import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropFields, retainUntil, suppressCells, suppressionK } from './obligations.ts';

describe('applying obligations', () => {
  it('drops exactly the named fields and leaves the input alone', () => {
    const records = [{ clientId: 'a', patientName: 'X', phone: '1', age: 4 }];
    const out = dropFields(records, [{ type: 'drop-fields', fields: ['patientName', 'phone'] }]);
    expect(out).toEqual([{ clientId: 'a', age: 4 }]);
    expect(records[0]).toHaveProperty('patientName', 'X');
  });

  it('takes the strictest k and the earliest retention date', () => {
    const obligations = [
      { type: 'suppress-below', k: 5 },
      { type: 'suppress-below', k: 10 },
      { type: 'retain-until', date: '2027-01-01' },
      { type: 'retain-until', date: '2026-06-30' },
    ] as const;
    expect(suppressionK([...obligations])).toBe(10);
    expect(retainUntil([...obligations])).toBe('2026-06-30');
    expect(suppressionK([])).toBeNull();
  });

  it('hides every count strictly between 0 and k and nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (counts, k) => {
        const out = suppressCells(counts.map((count, i) => ({ i, count })), k);
        out.forEach((cell, i) => {
          const original = counts[i]!;
          const shouldHide = original > 0 && original < k;
          expect(cell.suppressed).toBe(shouldHide);
          expect(cell.count).toBe(shouldHide ? null : original);
          expect(cell.i).toBe(i);
        });
      }),
    );
  });
});
