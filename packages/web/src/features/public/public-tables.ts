import type { PublicCaseCell, PublicStockLevels } from './public.types.ts';

/**
 * The public answers rearranged for tables and charts, as pure functions:
 * nothing is added up here, so no hidden cell can be worked out from a
 * total the node did not publish.
 */

/** The last `count` months up to `now`'s, newest first, as YYYY-MM (UTC). */
export const recentMonths = (now: Date, count: number): string[] =>
  Array.from({ length: count }, (_, back) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7));

export interface Matrix<Cell> {
  columns: string[];
  rows: { key: string; cells: Map<string, Cell> }[];
}

/** Stock levels as products (rows) × parties (columns). */
export const stockMatrix = (levels: PublicStockLevels['levels']): Matrix<PublicStockLevels['levels'][number]> => {
  const columns = [...new Set(levels.map((l) => l.party))].sort();
  const rows = new Map<string, Map<string, PublicStockLevels['levels'][number]>>();
  for (const level of levels) {
    const row = rows.get(level.product) ?? new Map();
    row.set(level.party, level);
    rows.set(level.product, row);
  }
  return { columns, rows: [...rows].map(([key, cells]) => ({ key, cells })) };
};

/** One disease's last `weeks` weeks as parties (rows) × weeks (columns, oldest first). */
export const recentWeeksMatrix = (cells: readonly PublicCaseCell[], disease: string, weeks: number): Matrix<PublicCaseCell> => {
  const mine = cells.filter((c) => c.disease === disease);
  const columns = [...new Set(mine.map((c) => c.weekStart))].sort().slice(-weeks);
  const rows = new Map<string, Map<string, PublicCaseCell>>();
  for (const cell of mine) {
    if (!columns.includes(cell.weekStart)) continue;
    const row = rows.get(cell.party) ?? new Map();
    row.set(cell.weekStart, cell);
    rows.set(cell.party, row);
  }
  return { columns, rows: [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([key, cells]) => ({ key, cells })) };
};

/** One disease's weekly series per party for the chart; a hidden week is a gap (null), never a guess. */
export const caseSeries = (cells: readonly PublicCaseCell[], disease: string): { party: string; points: { date: string; value: number | null }[] }[] => {
  const byParty = new Map<string, { date: string; value: number | null }[]>();
  for (const cell of cells) {
    if (cell.disease !== disease) continue;
    const points = byParty.get(cell.party) ?? [];
    points.push({ date: cell.weekStart, value: cell.suppressed ? null : cell.count });
    byParty.set(cell.party, points);
  }
  return [...byParty]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([party, points]) => ({ party, points: points.sort((a, b) => a.date.localeCompare(b.date)) }));
};

/** How many published cells are hidden, for the line under a table. */
export const hiddenCount = (cells: readonly { suppressed: boolean }[]): number => cells.filter((c) => c.suppressed).length;
