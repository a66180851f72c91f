import { badRequest } from '../errors.ts';
import { loadSolver } from '../lp/highs-solver.ts';
import { auditGrid, isPinned } from './audit.ts';
import { buildTable, publishTable, type CountCell, type PublishedCell } from './table.ts';

type Position = [number, number];
type Mask = boolean[][];

/** Primary suppression: the small non-zero counts, margins included (0 < n < k). */
export const primaryMask = (values: readonly (readonly number[])[], k: number): Mask =>
  values.map((row) => row.map((n) => n > 0 && n < k));

const rowLine = (values: readonly (readonly number[])[], i: number): Position[] => values[i]!.map((_, j): Position => [i, j]);
const colLine = (values: readonly (readonly number[])[], j: number): Position[] => values.map((_, i): Position => [i, j]);

/**
 * The complement rule, used by both passes: among the published non-zero
 * cells offered, take the smallest; on a tie, the first in table order (row
 * by row, margins last). Small cells are chosen because they cost the
 * reader the least information; zeros are never chosen, because hiding a
 * zero does not widen the interval of a non-zero neighbour more than hiding
 * a positive cell and only adds stars.
 */
const smallestPublished = (candidates: Position[], values: readonly (readonly number[])[], hidden: Mask): Position | undefined => {
  let best: Position | undefined;
  for (const [i, j] of candidates) {
    const n = values[i]![j]!;
    if (hidden[i]![j] || n === 0) continue;
    const better =
      best === undefined ||
      n < values[best[0]]![best[1]]! ||
      (n === values[best[0]]![best[1]]! && (i < best[0] || (i === best[0] && j < best[1])));
    if (better) best = [i, j];
  }
  return best;
};

/**
 * The classic heuristic pass: a line (row or column, totals included) with
 * exactly one hidden cell gives that cell away by subtraction, so hide the
 * smallest published non-zero cell of the same line; repeat until no line
 * has exactly one hidden cell.
 */
export const complementLines = (values: readonly (readonly number[])[], hidden: Mask): void => {
  const lines = [...values.map((_, i) => rowLine(values, i)), ...(values[0] ?? []).map((_, j) => colLine(values, j))];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([i, j]) => hidden[i]![j]).length !== 1) continue;
      const pick = smallestPublished(line, values, hidden);
      if (pick === undefined) continue;
      hidden[pick[0]]![pick[1]] = true;
      changed = true;
    }
  }
};

/**
 * The cell to hide when the audit finds `pinned` recoverable: the smallest
 * published non-zero cell sharing its row or column; failing that, the
 * smallest published non-zero cell anywhere. Each round hides one more cell,
 * so the loop ends; when every non-zero cell is hidden, scaling the true
 * table by any factor t ≥ 0 satisfies everything published, so no hidden
 * cell is pinned any more.
 */
const complementFor = ([pi, pj]: Position, values: readonly (readonly number[])[], hidden: Mask): Position | undefined => {
  const sharing = [...rowLine(values, pi), ...colLine(values, pj)];
  const everywhere = values.flatMap((row, i) => row.map((_, j): Position => [i, j]));
  return smallestPublished(sharing, values, hidden) ?? smallestPublished(everywhere, values, hidden);
};

const checkK = (k: number): void => {
  if (!Number.isSafeInteger(k) || k < 1) {
    throw badRequest('GOVERNANCE_SUPPRESSION_INVALID', `k must be an integer of at least 1, got ${k}`, { k });
  }
};

export interface SuppressedTable {
  /** Every cell, row totals (col TOTAL), column totals (row TOTAL) and the grand total, row by row. */
  cells: PublishedCell[];
}

/**
 * Publishes a two-way table of counts under a minimum cell size k:
 * primary suppression of 0 < n < k (margins included), the heuristic
 * complementary pass, then an LP audit of every hidden cell; while any
 * hidden cell is pinned to one value by what is published, hide one more
 * cell by the complement rule and audit again.
 */
export const suppressTable = async (cells: readonly CountCell[], k: number): Promise<SuppressedTable> => {
  checkK(k);
  const table = buildTable(cells);
  const hidden = primaryMask(table.values, k);
  const highs = await loadSolver();
  for (;;) {
    complementLines(table.values, hidden);
    const grid = table.values.map((row, i) => row.map((n, j) => (hidden[i]![j] ? null : n)));
    const pinned = auditGrid(grid, highs).find(isPinned);
    if (pinned === undefined) break;
    const extra = complementFor([pinned.i, pinned.j], table.values, hidden);
    // Unreachable by the scaling argument above; kept so a bug cannot loop forever.
    if (extra === undefined) throw new Error('suppression: a pinned cell has no published non-zero cell left to hide');
    hidden[extra[0]]![extra[1]] = true;
  }
  return { cells: publishTable(table, hidden) };
};
