import type { AggregateCell, Breakdown } from './surveillance.types.ts';

/**
 * Counts of one period broken down by age band, sex, classification or
 * area, as rows for a table and a bar chart. The categories are listed in
 * their natural order (packages/core/src/surveillance/records.ts); the node
 * stores no zero cells, so a category without a cell is a true 0, while a
 * withheld cell stays withheld: its count is null and it is marked "*",
 * never drawn or added up as zero.
 */
export const CATEGORIES: Record<Exclude<Breakdown, 'area'>, readonly string[]> = {
  ageBand: ['0-4', '5-14', '15-24', '25-44', '45-64', '65+', 'unknown'],
  sex: ['male', 'female', 'unknown'],
  classification: ['suspected', 'probable', 'confirmed'],
};

export interface BreakdownRow {
  category: string;
  count: number | null;
  suppressed: boolean;
}

export const breakdownRows = (cells: readonly AggregateCell[], by: Breakdown, categories: readonly string[] = by === 'area' ? [] : CATEGORIES[by]): BreakdownRow[] => {
  const counts = new Map<string, { count: number | null; suppressed: boolean }>();
  for (const cell of cells) {
    const category = cell[by];
    if (category === undefined) continue;
    const known = counts.get(category);
    // Several periods or parties in one answer: a withheld part withholds the whole.
    if (known) counts.set(category, { count: known.count === null || cell.count === null ? null : known.count + cell.count, suppressed: known.suppressed || cell.suppressed });
    else counts.set(category, { count: cell.count, suppressed: cell.suppressed });
  }
  const extra = [...counts.keys()].filter((c) => !categories.includes(c)).sort();
  return [...categories, ...extra].map((category) => ({ category, ...(counts.get(category) ?? { count: 0, suppressed: false }) }));
};

export interface BreakdownTotals {
  /** The sum of the counts shown; a lower bound when some are withheld. */
  shown: number;
  withheld: number;
}

export const breakdownTotals = (rows: readonly BreakdownRow[]): BreakdownTotals => ({
  shown: rows.reduce((sum, row) => sum + (row.count ?? 0), 0),
  withheld: rows.filter((row) => row.suppressed).length,
});

const DAY_MS = 86_400_000;

/** The Mondays (UTC) of the current ISO week and the `count − 1` before it, newest first. */
export const recentMondays = (now: Date, count: number): string[] => {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: count }, (_, i) => new Date(monday - 7 * i * DAY_MS).toISOString().slice(0, 10));
};

/** The Sunday that ends the week starting on `monday`. */
export const weekEnd = (monday: string): string => new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
