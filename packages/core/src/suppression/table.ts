import { badRequest } from '../errors.ts';

/** The label of the margins: row totals sit in column TOTAL, column totals in row TOTAL. */
export const TOTAL = 'TOTAL';

/** One count of a two-way table, e.g. cases by district (row) and age band (col). */
export interface CountCell {
  row: string;
  col: string;
  count: number;
}

/** A cell as published: `value` is null when the cell is suppressed. */
export interface PublishedCell {
  row: string;
  col: string;
  value: number | null;
}

/**
 * A two-way table with its margins. `rows` and `cols` end with TOTAL; the
 * last row and the last column of `values` hold the totals, so every row and
 * every column of `values` is one additive line: its cells add up to its
 * last entry.
 */
export interface TwoWayTable {
  rows: string[];
  cols: string[];
  values: number[][];
}

/** Errors about one cell carry its index and the reason alone, so a reader can point at its own line. */
const invalid = (index: number, reason: string, params: Record<string, unknown> = {}) =>
  badRequest('GOVERNANCE_SUPPRESSION_INVALID', `cell ${index}: ${reason}`, { index, reason, ...params });

const checkLabel = (label: unknown, field: 'row' | 'col', index: number): string => {
  if (typeof label !== 'string' || label.length === 0) throw invalid(index, `${field} must be a non-empty string`, { field });
  if (label === TOTAL) throw invalid(index, `${field} label ${TOTAL} is reserved for the margins`, { field });
  return label;
};

/**
 * Builds the table with its margins from a list of counts. Rows and columns
 * keep the order in which they first appear; a row × column pair that is not
 * listed counts as 0. Duplicate pairs and counts that are not non-negative
 * integers are refused, because a publication rule cannot guess which one
 * was meant.
 */
export const buildTable = (cells: readonly CountCell[]): TwoWayTable => {
  const rowIndex = new Map<string, number>();
  const colIndex = new Map<string, number>();
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const row = checkLabel(cell.row, 'row', index);
    const col = checkLabel(cell.col, 'col', index);
    if (!Number.isSafeInteger(cell.count) || cell.count < 0) {
      throw invalid(index, 'count must be a non-negative integer', { count: cell.count });
    }
    const key = JSON.stringify([row, col]);
    if (seen.has(key)) throw invalid(index, `duplicate cell ${row} × ${col}`, { row, col });
    seen.add(key);
    if (!rowIndex.has(row)) rowIndex.set(row, rowIndex.size);
    if (!colIndex.has(col)) colIndex.set(col, colIndex.size);
  });
  const rows = [...rowIndex.keys(), TOTAL];
  const cols = [...colIndex.keys(), TOTAL];
  const values = rows.map(() => cols.map(() => 0));
  const lastRow = rows.length - 1;
  const lastCol = cols.length - 1;
  for (const cell of cells) {
    const i = rowIndex.get(cell.row)!;
    const j = colIndex.get(cell.col)!;
    for (const [r, c] of [[i, j], [i, lastCol], [lastRow, j], [lastRow, lastCol]] as const) {
      values[r]![c]! += cell.count;
    }
  }
  return { rows, cols, values };
};

/** Lists the table's cells row by row, margins last, with `null` where `hidden` says so. */
export const publishTable = (table: TwoWayTable, hidden: readonly (readonly boolean[])[]): PublishedCell[] =>
  table.rows.flatMap((row, i) =>
    table.cols.map((col, j) => ({ row, col, value: hidden[i]![j]! ? null : table.values[i]![j]! })),
  );
