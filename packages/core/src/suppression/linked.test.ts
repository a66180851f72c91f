import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressLine, suppressWithinMargins, type InnerCell } from './linked.ts';

const hiddenOf = (cells: InnerCell[]) => cells.filter((c) => c.hidden).map((c) => `${c.row}.${c.col}`);

describe('suppressLine (a breakdown whose total the reader knows)', () => {
  it('hides a second cell when one small cell would be the total minus the rest', () => {
    const cells = [
      { label: 'UG-C', count: 7 },
      { label: 'UG-N', count: 2 },
    ];
    expect([...suppressLine(cells, 5, true)].sort()).toEqual(['UG-C', 'UG-N']);
  });

  it('hides only the small cell when the total is itself withheld', () => {
    expect([...suppressLine([{ label: 'a', count: 3 }, { label: 'b', count: 1 }], 5, false)].sort()).toEqual(['a', 'b']);
    expect([...suppressLine([{ label: 'a', count: 3 }], 5, false)]).toEqual(['a']);
  });

  it('takes the smallest shown non-zero cell, the first on a tie, and leaves zeros shown', () => {
    const cells = [
      { label: 'a', count: 0 },
      { label: 'b', count: 12 },
      { label: 'c', count: 4 },
      { label: 'd', count: 9 },
      { label: 'e', count: 9 },
    ];
    expect([...suppressLine(cells, 5, true)].sort()).toEqual(['c', 'd']);
  });

  it('adds nothing when two or more cells are already hidden, or none is', () => {
    expect([...suppressLine([{ label: 'a', count: 3 }, { label: 'b', count: 2 }, { label: 'c', count: 30 }], 5, true)].sort()).toEqual(['a', 'b']);
    expect([...suppressLine([{ label: 'a', count: 6 }, { label: 'b', count: 30 }], 5, true)]).toEqual([]);
  });
});

/**
 * A witness search with no LP: another whole-number table, non-negative,
 * that agrees with every inner cell shown and every margin shown but gives
 * the target another value. Inner cells move within ±3 of the truth, which
 * can only miss a witness, never invent one.
 */
const hasAlternative = (truth: number[][], hidden: boolean[][], shown: { rows: boolean[]; cols: boolean[]; grand: boolean }, target: { i: number; j: number }): boolean => {
  const height = truth.length;
  const width = truth[0]!.length;
  const sum = (t: number[][], i: number, j: number) => {
    let s = 0;
    for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) if ((i === height || r === i) && (j === width || c === j)) s += t[r]![c]!;
    return s;
  };
  const fixed: [number, number][] = [];
  for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) if (!hidden[i]![j]) fixed.push([i, j]);
  shown.rows.forEach((s, i) => s && fixed.push([i, width]));
  shown.cols.forEach((s, j) => s && fixed.push([height, j]));
  if (shown.grand) fixed.push([height, width]);
  const original = sum(truth, target.i, target.j);
  const candidate = truth.map((r) => [...r]);
  const free = truth.flatMap((r, i) => r.map((_, j) => [i, j] as const)).filter(([i, j]) => hidden[i]![j]);
  const search = (n: number): boolean => {
    if (n === free.length) return sum(candidate, target.i, target.j) !== original && fixed.every(([i, j]) => sum(candidate, i, j) === sum(truth, i, j));
    const [i, j] = free[n]!;
    for (let delta = -3; delta <= 3; delta++) {
      if (truth[i]![j]! + delta < 0) continue;
      candidate[i]![j] = truth[i]![j]! + delta;
      if (search(n + 1)) return true;
    }
    candidate[i]![j] = truth[i]![j]!;
    return false;
  };
  return search(0);
};

describe('suppressWithinMargins (a two-way breakdown under margins shown elsewhere)', () => {
  it('hides inner complements only, never a margin the reader sees in another answer', async () => {
    const cells = [
      { row: 'north', col: 'male', count: 3 },
      { row: 'north', col: 'female', count: 10 },
      { row: 'south', col: 'male', count: 8 },
      { row: 'south', col: 'female', count: 9 },
    ];
    const shown = { rows: new Map([['north', true], ['south', true]]), cols: new Map([['male', true], ['female', true]]), grand: true };
    const result = await suppressWithinMargins(cells, 5, shown);
    expect(hiddenOf(result)).toEqual(['north.male', 'north.female', 'south.male', 'south.female']);
  });

  it('keeps a margin hidden elsewhere out of reach: its row is not left whole', async () => {
    // Row totals: north 3 (hidden by the one-way answer, under k), south 20; the one-way answer hid south too.
    const cells = [
      { row: 'north', col: 'male', count: 3 },
      { row: 'south', col: 'male', count: 12 },
      { row: 'south', col: 'female', count: 8 },
    ];
    const shown = { rows: new Map([['north', false], ['south', false]]), cols: new Map([['male', true], ['female', true]]), grand: true };
    const result = await suppressWithinMargins(cells, 5, shown);
    // male = 15 is shown: north.male + south.male = 15 must have two unknowns, and south's row must not close.
    expect(hiddenOf(result)).toEqual(expect.arrayContaining(['north.male', 'south.male']));
    const truth = [
      [3, 0],
      [12, 8],
    ];
    const hidden = [0, 1].map((i) => [0, 1].map((j) => result[i * 2 + j]!.hidden));
    expect(hasAlternative(truth, hidden, { rows: [false, false], cols: [true, true], grand: true }, { i: 0, j: 0 })).toBe(true);
    expect(hasAlternative(truth, hidden, { rows: [false, false], cols: [true, true], grand: true }, { i: 0, j: 2 })).toBe(true);
  });

  it('lists the zeros of the grid, shown unless nothing else could protect a small cell', async () => {
    const result = await suppressWithinMargins([{ row: 'a', col: 'x', count: 6 }, { row: 'b', col: 'y', count: 7 }], 5, { rows: new Map(), cols: new Map(), grand: true });
    expect(result).toEqual([
      { row: 'a', col: 'x', count: 6, hidden: false },
      { row: 'a', col: 'y', count: 0, hidden: false },
      { row: 'b', col: 'x', count: 0, hidden: false },
      { row: 'b', col: 'y', count: 7, hidden: false },
    ]);
  });

  const tiny = fc
    .record({ height: fc.integer({ min: 1, max: 3 }), width: fc.integer({ min: 2, max: 3 }), k: fc.integer({ min: 2, max: 6 }) })
    .chain(({ height, width, k }) =>
      fc.record({
        k: fc.constant(k),
        truth: fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: width, maxLength: width }), { minLength: height, maxLength: height }),
      }),
    );

  it('no small cell, inner or margin, has a single value consistent with what is shown (brute force)', async () => {
    await fc.assert(
      fc.asyncProperty(tiny, async ({ k, truth }) => {
        const height = truth.length;
        const width = truth[0]!.length;
        const cells = truth.flatMap((row, i) => row.map((count, j) => ({ row: `r${i}`, col: `c${j}`, count })));
        const rowTotals = truth.map((row) => row.reduce((a, b) => a + b, 0));
        const colTotals = truth[0]!.map((_, j) => truth.reduce((a, row) => a + row[j]!, 0));
        const grand = rowTotals.reduce((a, b) => a + b, 0);
        const small = (n: number) => n > 0 && n < k;
        // The margins as the one-way answers publish them (suppressLine under the grand total).
        const hiddenRows = suppressLine(rowTotals.map((count, i) => ({ label: `r${i}`, count })), k, !small(grand));
        const hiddenCols = suppressLine(colTotals.map((count, j) => ({ label: `c${j}`, count })), k, !small(grand));
        const shown = {
          rows: rowTotals.map((_, i) => !hiddenRows.has(`r${i}`)),
          cols: colTotals.map((_, j) => !hiddenCols.has(`c${j}`)),
          grand: !small(grand),
        };
        const result = await suppressWithinMargins(cells, k, {
          rows: new Map(shown.rows.map((s, i) => [`r${i}`, s])),
          cols: new Map(shown.cols.map((s, j) => [`c${j}`, s])),
          grand: shown.grand,
        });
        const present = (label: string, prefix: string) => result.some((c) => (prefix === 'r' ? c.row : c.col) === label);
        const hidden = truth.map((row, i) => row.map((_, j) => result.find((c) => c.row === `r${i}` && c.col === `c${j}`)?.hidden ?? false));
        for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) if (small(truth[i]![j]!)) expect(hidden[i]![j]).toBe(true);
        const targets = [
          ...truth.flatMap((row, i) => row.map((n, j) => ({ i, j, n }))),
          ...rowTotals.map((n, i) => ({ i, j: width, n })),
          ...colTotals.map((n, j) => ({ i: height, j, n })),
        ].filter((t) => small(t.n) && (t.i === height || t.j === width || present(`r${t.i}`, 'r')));
        for (const target of targets) expect(hasAlternative(truth, hidden, shown, target)).toBe(true);
      }),
      { numRuns: 120 },
    );
  });
});
