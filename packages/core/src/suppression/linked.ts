import { badRequest } from '../errors.ts';
import { loadSolver } from '../lp/highs-solver.ts';
import { auditGrid, isPinned } from './audit.ts';
import { buildTable, type CountCell } from './table.ts';

/**
 * Suppression of tables a reader can also get the totals of from other
 * answers (an API where one query gives the total, another the breakdown by
 * area, a third by area and sex). Each answer's pattern must hold against
 * the totals the others show, and a total another answer shows can never be
 * hidden here; so only the inner cells take complements, and the margins
 * come in as shown or hidden by the answers that publish them.
 *
 * The protected cells are the small ones (0 < n < k): none may be pinned to
 * one value by what is shown here and in the margins. A complementary cell
 * (n ≥ k) may be worked out; that tells the reader only a count the rule
 * would have published anyway.
 */

const checkK = (k: number): void => {
  if (!Number.isSafeInteger(k) || k < 1) throw badRequest('GOVERNANCE_SUPPRESSION_INVALID', `k must be an integer of at least 1, got ${k}`, { k });
};

const small = (n: number, k: number): boolean => n > 0 && n < k;

export interface LineCell {
  label: string;
  count: number;
}

/**
 * One breakdown of a group whose total the reader may know: cells under k
 * are hidden; if the total is shown and exactly one cell is hidden, the
 * total minus the rest would give it away, so the smallest shown non-zero
 * cell is hidden too (first in the given order on a tie). With two or more
 * hidden non-zero cells summing to S, each can be anything from 0 to S, so
 * none is pinned. Returns the hidden labels.
 */
export const suppressLine = (cells: readonly LineCell[], k: number, totalShown: boolean): Set<string> => {
  checkK(k);
  const hidden = new Set(cells.filter((c) => small(c.count, k)).map((c) => c.label));
  if (!totalShown || hidden.size !== 1) return hidden;
  const shown = cells.filter((c) => !hidden.has(c.label));
  const nonZero = shown.filter((c) => c.count > 0);
  // A zero is hidden only when nothing else is left (a breakdown whose parts do not add up to the total shown).
  const pick = (nonZero.length > 0 ? nonZero : shown).reduce<LineCell | undefined>((best, c) => (best === undefined || c.count < best.count ? c : best), undefined);
  if (pick) hidden.add(pick.label);
  return hidden;
};

/** Whether the reader sees each margin of a two-way table in another answer. */
export interface MarginsShown {
  /** Row totals by row label; a label not listed is shown unless it is itself under k. */
  rows: ReadonlyMap<string, boolean>;
  cols: ReadonlyMap<string, boolean>;
  grand: boolean;
}

export interface InnerCell {
  row: string;
  col: string;
  count: number;
  hidden: boolean;
}

type Position = [number, number];

/**
 * A two-way breakdown (rows × cols, absent pairs are 0) under margins shown
 * or hidden elsewhere. Primary suppression of the inner cells, then rounds
 * of: the line pass (a row or column, margins included, with exactly one
 * hidden cell gets the smallest shown non-zero inner cell of that line
 * hidden too) and the LP audit of every hidden cell with HiGHS; while a
 * small cell (inner or margin) is pinned, hide the smallest shown non-zero
 * inner cell of its row or column, else anywhere, else a zero. If nothing is
 * left to hide, every inner cell is hidden. Returns every inner cell of the
 * grid, zeros included, with its hidden flag.
 */
export const suppressWithinMargins = async (cells: readonly CountCell[], k: number, shown: MarginsShown): Promise<InnerCell[]> => {
  checkK(k);
  const table = buildTable(cells);
  const { values } = table;
  const m = table.rows.length - 1;
  const n = table.cols.length - 1;
  const hidden = values.map((row) => row.map(() => false));
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) hidden[i]![j] = small(values[i]![j]!, k);
  for (let i = 0; i < m; i++) hidden[i]![n] = !(shown.rows.get(table.rows[i]!) ?? !small(values[i]![n]!, k));
  for (let j = 0; j < n; j++) hidden[m]![j] = !(shown.cols.get(table.cols[j]!) ?? !small(values[m]![j]!, k));
  hidden[m]![n] = !shown.grand;

  const inner = (i: number, j: number) => i < m && j < n;
  const smallestShown = (positions: readonly Position[], zeros: boolean): Position | undefined =>
    positions
      .filter(([i, j]) => inner(i, j) && !hidden[i]![j] && (zeros ? values[i]![j] === 0 : values[i]![j]! > 0))
      .reduce<Position | undefined>((best, [i, j]) => (best === undefined || values[i]![j]! < values[best[0]]![best[1]]! ? [i, j] : best), undefined);
  const row = (i: number): Position[] => values[i]!.map((_, j): Position => [i, j]);
  const col = (j: number): Position[] => values.map((_, i): Position => [i, j]);
  const lines = [...values.map((_, i) => row(i)), ...values[0]!.map((_, j) => col(j))];
  const everywhere = values.flatMap((_, i) => row(i));

  const linePass = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const line of lines) {
        if (line.filter(([i, j]) => hidden[i]![j]).length !== 1) continue;
        const pick = smallestShown(line, false);
        if (pick === undefined) continue;
        hidden[pick[0]]![pick[1]] = true;
        changed = true;
      }
    }
  };

  const highs = await loadSolver();
  for (;;) {
    linePass();
    if (!hidden.some((r) => r.some(Boolean))) break;
    const grid = values.map((r, i) => r.map((v, j) => (hidden[i]![j] ? null : v)));
    const pinned = auditGrid(grid, highs).find((cell) => small(values[cell.i]![cell.j]!, k) && isPinned(cell));
    if (pinned === undefined) break;
    const { i, j } = pinned;
    const sharing = i === m && j === n ? everywhere : i === m ? col(j) : j === n ? row(i) : [...row(i), ...col(j)];
    const extra = smallestShown(sharing, false) ?? smallestShown(everywhere, false) ?? smallestShown(sharing, true) ?? smallestShown(everywhere, true);
    if (extra === undefined) {
      // Every inner cell is hidden and a margin still pins a small cell: the margins shown elsewhere contradict this table.
      for (let a = 0; a < m; a++) for (let b = 0; b < n; b++) hidden[a]![b] = true;
      break;
    }
    hidden[extra[0]]![extra[1]] = true;
  }
  return table.rows.slice(0, m).flatMap((r, i) => table.cols.slice(0, n).map((c, j) => ({ row: r, col: c, count: values[i]![j]!, hidden: hidden[i]![j]! })));
};
