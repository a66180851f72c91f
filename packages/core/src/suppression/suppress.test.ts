import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { loadSolver } from '../lp/highs-solver.ts';
import { auditSuppression } from './audit.ts';
import { suppressTable } from './suppress.ts';
import { TOTAL, type CountCell, type PublishedCell } from './table.ts';

const fromRows = (rows: Record<string, number[]>, cols: string[]): CountCell[] =>
  Object.entries(rows).flatMap(([row, counts]) => counts.map((count, j) => ({ row, col: cols[j]!, count })));

const hiddenNames = (cells: PublishedCell[]) => cells.filter((c) => c.value === null).map((c) => `${c.row}.${c.col}`);

/**
 * Independent check of what a reader can work out: a second LP written in
 * CPLEX LP text over the inner cells only (the margins become sums of inner
 * cells), solved through the one-shot `solve` API. It shares no code with
 * the audit under test.
 */
const independentIntervals = async (cells: PublishedCell[]) => {
  const highs = await loadSolver();
  const rows = [...new Set(cells.map((c) => c.row))].filter((r) => r !== TOTAL);
  const cols = [...new Set(cells.map((c) => c.col))].filter((c) => c !== TOTAL);
  const name = (r: number, c: number) => `x_${r}_${c}`;
  const expression = (cell: PublishedCell): string => {
    const rs = cell.row === TOTAL ? rows.map((_, r) => r) : [rows.indexOf(cell.row)];
    const cs = cell.col === TOTAL ? cols.map((_, c) => c) : [cols.indexOf(cell.col)];
    return rs.flatMap((r) => cs.map((c) => name(r, c))).join(' + ');
  };
  const constraints = cells.filter((c) => c.value !== null).map((c, n) => ` c${n}: ${expression(c)} = ${c.value}`);
  const bounds = rows.flatMap((_, r) => cols.map((_, c) => ` ${name(r, c)} >= 0`));
  const solve = (sense: 'Minimize' | 'Maximize', objective: string) => {
    const text = [sense, ` obj: ${objective}`, 'Subject To', ...constraints, 'Bounds', ...bounds, 'End'].join('\n');
    const result = highs.solve(text, { output_flag: false });
    if (result.Status === 'Unbounded') return Infinity;
    expect(result.Status).toBe('Optimal');
    return result.ObjectiveValue;
  };
  return cells
    .filter((c) => c.value === null)
    .map((c) => ({ cell: `${c.row}.${c.col}`, min: solve('Minimize', expression(c)), max: solve('Maximize', expression(c)) }));
};

describe('suppressTable', () => {
  it('hides a cell that every line leaves ambiguous but the LP audit shows is pinned', async () => {
    // Primary cells (k = 5) form two 2×2 blocks joined by B.y. Every row and
    // column has 0 or at least 2 hidden cells, so the line heuristic stops,
    // yet B.y is fixed: row B gives B.w + B.x + B.y = 39 − 30 = 9; columns w
    // and x give B.w = 4 − A.w and B.x = 6 − A.x; row A gives A.w + A.x = 3;
    // so B.w + B.x = 7 and B.y = 2. The rule hides the smallest published
    // non-zero cell in row B or column y: A.y = 10 (B.z = 30, B.TOTAL = 39,
    // TOTAL.y = 15). Then A.y and B.y lie on the cycle A.y–B.y–B.w–A.w.
    const cells = fromRows(
      { A: [1, 2, 10, 20], B: [3, 4, 2, 30], C: [15, 12, 1, 3], D: [25, 40, 2, 4] },
      ['w', 'x', 'y', 'z'],
    );
    const { cells: published } = await suppressTable(cells, 5);
    expect(hiddenNames(published)).toEqual(['A.w', 'A.x', 'A.y', 'B.w', 'B.x', 'B.y', 'C.y', 'C.z', 'D.y', 'D.z']);
    const intervals = await auditSuppression(published);
    expect(intervals.find((i) => i.row === 'B' && i.col === 'y')).toEqual({ row: 'B', col: 'y', min: 0, max: 9 });
  });

  it('lists rows and columns in first-appearance order, then the margins', async () => {
    const { cells } = await suppressTable(
      [
        { row: 'north', col: 'male', count: 20 },
        { row: 'south', col: 'female', count: 30 },
        { row: 'north', col: 'female', count: 12 },
      ],
      3,
    );
    expect(cells).toEqual([
      { row: 'north', col: 'male', value: 20 },
      { row: 'north', col: 'female', value: 12 },
      { row: 'north', col: TOTAL, value: 32 },
      { row: 'south', col: 'male', value: 0 },
      { row: 'south', col: 'female', value: 30 },
      { row: 'south', col: TOTAL, value: 30 },
      { row: TOTAL, col: 'male', value: 20 },
      { row: TOTAL, col: 'female', value: 42 },
      { row: TOTAL, col: TOTAL, value: 62 },
    ]);
  });

  it('treats margins as cells: a small row total is hidden and protected like any cell', async () => {
    // k = 5: r1.a = 3 and the row total r1.TOTAL = 3 are primary. Column a
    // then has one hidden cell, so the smallest published non-zero cell of
    // it is hidden: r2.a = 20 (TOTAL.a = 23). Column TOTAL likewise gives
    // r2.TOTAL = 50 (TOTAL.TOTAL = 53). Row r2 now has two hidden cells and
    // the four form the cycle r1.a–r1.TOTAL–r2.TOTAL–r2.a. The zero r1.b stays.
    const { cells } = await suppressTable(fromRows({ r1: [3, 0], r2: [20, 30] }, ['a', 'b']), 5);
    expect(hiddenNames(cells)).toEqual(['r1.a', 'r1.TOTAL', 'r2.a', 'r2.TOTAL']);
    for (const interval of await auditSuppression(cells)) expect(interval.max).toBeGreaterThan(interval.min);
  });

  it('refuses k below 1, negative or fractional counts, duplicates and the reserved label', async () => {
    const bad: [CountCell[], number][] = [
      [[{ row: 'a', col: 'b', count: 1 }], 0],
      [[{ row: 'a', col: 'b', count: -1 }], 5],
      [[{ row: 'a', col: 'b', count: 1.5 }], 5],
      [[{ row: 'a', col: 'b', count: 1 }, { row: 'a', col: 'b', count: 2 }], 5],
      [[{ row: TOTAL, col: 'b', count: 1 }], 5],
    ];
    for (const [cells, k] of bad) {
      const error = await suppressTable(cells, k).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('GOVERNANCE_SUPPRESSION_INVALID');
    }
  });
});

describe('auditSuppression', () => {
  it('shows the interval a lone hidden cell is pinned to', async () => {
    const published: PublishedCell[] = [
      { row: 'a', col: 'x', value: null },
      { row: 'a', col: 'y', value: 7 },
      { row: 'a', col: TOTAL, value: 10 },
      { row: TOTAL, col: 'x', value: 3 },
      { row: TOTAL, col: 'y', value: 7 },
      { row: TOTAL, col: TOTAL, value: 10 },
    ];
    expect(await auditSuppression(published)).toEqual([{ row: 'a', col: 'x', min: 3, max: 3 }]);
  });

  it('reports an unbounded cell when nothing published caps it', async () => {
    const published: PublishedCell[] = [
      { row: 'a', col: 'x', value: null },
      { row: 'a', col: TOTAL, value: null },
      { row: TOTAL, col: 'x', value: null },
      { row: TOTAL, col: TOTAL, value: null },
    ];
    const intervals = await auditSuppression(published);
    expect(intervals.every((i) => i.min === 0 && i.max === Infinity)).toBe(true);
  });

  it('refuses a publication whose lines do not add up', async () => {
    const published: PublishedCell[] = [
      { row: 'a', col: 'x', value: 2 },
      { row: 'a', col: TOTAL, value: 3 },
      { row: TOTAL, col: 'x', value: null },
      { row: TOTAL, col: TOTAL, value: null },
    ];
    const error = await auditSuppression(published).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('GOVERNANCE_SUPPRESSION_INCONSISTENT');
  });
});

/** Random tables up to 6 × 6 whose counts are often below k. */
const tables = fc
  .record({ height: fc.integer({ min: 1, max: 6 }), width: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 2, max: 10 }) })
  .chain(({ height, width, k }) =>
    fc.record({
      k: fc.constant(k),
      counts: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })), { minLength: width, maxLength: width }), {
        minLength: height,
        maxLength: height,
      }),
    }),
  )
  .map(({ k, counts }) => ({
    k,
    cells: counts.flatMap((row, i) => row.map((count, j) => ({ row: `r${i}`, col: `c${j}`, count }))),
  }));

const truth = (cells: CountCell[]) => {
  const value = new Map<string, number>();
  const add = (row: string, col: string, n: number) => value.set(`${row}.${col}`, (value.get(`${row}.${col}`) ?? 0) + n);
  for (const { row, col, count } of cells) {
    add(row, col, count);
    add(row, TOTAL, count);
    add(TOTAL, col, count);
    add(TOTAL, TOTAL, count);
  }
  return value;
};

describe('suppressTable properties', () => {
  it('hides every primary cell, publishes true values, and leaves no hidden cell recoverable', async () => {
    await fc.assert(
      fc.asyncProperty(tables, async ({ cells, k }) => {
        const { cells: published } = await suppressTable(cells, k);
        const truthOf = truth(cells);
        expect(published).toHaveLength(truthOf.size);
        for (const cell of published) {
          const actual = truthOf.get(`${cell.row}.${cell.col}`)!;
          if (actual > 0 && actual < k) expect(cell.value).toBeNull();
          if (cell.value !== null) expect(cell.value).toBe(actual);
        }
        for (const { min, max } of await independentIntervals(published)) expect(max - min).toBeGreaterThan(0.5);
      }),
      { numRuns: 60 },
    );
  });

  it('publishes totals that add up to the true inner cells', async () => {
    await fc.assert(
      fc.asyncProperty(tables, async ({ cells, k }) => {
        const { cells: published } = await suppressTable(cells, k);
        const grand = cells.reduce((sum, c) => sum + c.count, 0);
        const grandCell = published.find((c) => c.row === TOTAL && c.col === TOTAL)!;
        if (grandCell.value !== null) expect(grandCell.value).toBe(grand);
        for (const margin of published.filter((c) => c.value !== null && (c.row === TOTAL) !== (c.col === TOTAL))) {
          const inner = cells.filter((c) => (margin.row === TOTAL ? c.col === margin.col : c.row === margin.row));
          expect(margin.value).toBe(inner.reduce((sum, c) => sum + c.count, 0));
        }
      }),
      { numRuns: 40 },
    );
  });
});
