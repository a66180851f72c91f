import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressTable } from './suppress.ts';
import { TOTAL, type PublishedCell } from './table.ts';

/**
 * A witness search that uses no LP at all: for each hidden cell, look for a
 * second whole-number table, non-negative, that agrees with every published
 * value but gives the hidden cell another value. The search stays within
 * ±2 of the true inner cells to keep it small; that can only make it miss a
 * witness (a false failure), never invent one.
 */
const consistentAlternative = (truth: number[][], published: PublishedCell[], target: PublishedCell): boolean => {
  const height = truth.length;
  const width = truth[0]!.length;
  const label = (i: number, j: number) => [i === height ? TOTAL : `r${i}`, j === width ? TOTAL : `c${j}`].join('.');
  const shown = new Map(published.filter((c) => c.value !== null).map((c) => [`${c.row}.${c.col}`, c.value!]));
  const trueValue = (table: number[][], key: string) => full(table).get(key)!;
  const full = (table: number[][]) => {
    const values = new Map<string, number>();
    for (let i = 0; i <= height; i++) {
      for (let j = 0; j <= width; j++) {
        let sum = 0;
        for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) if ((i === height || r === i) && (j === width || c === j)) sum += table[r]![c]!;
        values.set(label(i, j), sum);
      }
    }
    return values;
  };
  const key = `${target.row}.${target.col}`;
  const original = trueValue(truth, key);
  const candidate = truth.map((row) => [...row]);
  const positions = truth.flatMap((row, i) => row.map((_, j) => [i, j] as const));
  const search = (n: number): boolean => {
    if (n === positions.length) {
      const values = full(candidate);
      return values.get(key) !== original && [...shown].every(([k, v]) => values.get(k) === v);
    }
    const [i, j] = positions[n]!;
    if (shown.has(label(i, j))) return search(n + 1);
    for (let delta = -2; delta <= 2; delta++) {
      const value = truth[i]![j]! + delta;
      if (value < 0) continue;
      candidate[i]![j] = value;
      if (search(n + 1)) return true;
    }
    candidate[i]![j] = truth[i]![j]!;
    return false;
  };
  return search(0);
};

const tiny = fc
  .record({ height: fc.integer({ min: 1, max: 3 }), width: fc.integer({ min: 1, max: 2 }), k: fc.integer({ min: 2, max: 6 }) })
  .chain(({ height, width, k }) =>
    fc.record({
      k: fc.constant(k),
      truth: fc.array(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: width, maxLength: width }), { minLength: height, maxLength: height }),
    }),
  );

describe('suppressTable against brute force', () => {
  it('every hidden cell of a tiny table has a second consistent value', async () => {
    await fc.assert(
      fc.asyncProperty(tiny, async ({ k, truth }) => {
        const cells = truth.flatMap((row, i) => row.map((count, j) => ({ row: `r${i}`, col: `c${j}`, count })));
        const { cells: published } = await suppressTable(cells, k);
        for (const target of published.filter((c) => c.value === null)) {
          expect(consistentAlternative(truth, published, target)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
