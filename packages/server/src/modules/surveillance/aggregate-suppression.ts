import { suppressLine, suppressWithinMargins } from '@concord/core/suppression/linked';
import type { Queryable } from '../../db/database.ts';
import { BREAKDOWNS, lineListCounts, reportedCounts, type Breakdown, type CountRow } from './count-queries.repo.ts';

/**
 * Small-cell suppression of aggregates answers that hold against the other
 * answers the same reader can ask for (docs/suppression.md, "The
 * aggregates API"). A group is one party × disease × period. Its total is
 * the answer without a breakdown; a breakdown by one dimension is protected
 * against that total; a breakdown by two against the total and both one-way
 * breakdowns, exactly as those answers publish them. Every pattern is a
 * function of the counts and k alone (labels sorted, the earlier dimension
 * of BREAKDOWNS as rows), so asking again, in another order or through
 * another route, gives the same pattern.
 */

/** Reads the counts of a breakdown with the query's filters, the area filter left out (patterns span every area). */
export type ReadCounts = (by: readonly Breakdown[]) => Promise<CountRow[]>;

/** Breakdowns protected against their margins; beyond two, a table has margins this does not cover. */
export const MAX_PROTECTED_BREAKDOWNS = 2;

/** The breakdown in its fixed order, whatever order it was asked in. */
export const canonicalBreakdown = (by: readonly Breakdown[]): Breakdown[] => BREAKDOWNS.filter((b) => by.includes(b));

const groupKey = (row: CountRow) => `${row.party}|${row.disease}|${row.periodStart}`;
export const cellKey = (row: CountRow, dims: readonly Breakdown[]) => [groupKey(row), ...dims.map((d) => String(row[d]))].join('|');

const small = (n: number, k: number) => n > 0 && n < k;
const byLabel = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const groupsOf = (rows: readonly CountRow[]) => {
  const groups = new Map<string, CountRow[]>();
  for (const row of rows) {
    const group = groups.get(groupKey(row));
    if (group) group.push(row);
    else groups.set(groupKey(row), [row]);
  }
  return groups;
};

export interface HiddenCells {
  /** Keys (`cellKey`) of the cells to withhold. */
  hidden: Set<string>;
  /** Zero cells of a two-way grid that must be listed as withheld (an absent cell reads as 0). */
  zeros: CountRow[];
}

/**
 * The cells of the breakdown `dims` (canonical, at most two) to withhold,
 * for the parties whose k is set. Reads each smaller breakdown once.
 */
export const hiddenCells = async (read: ReadCounts, dims: readonly Breakdown[], kOf: (party: string) => number | null): Promise<HiddenCells> => {
  const cache = new Map<string, Promise<CountRow[]>>();
  const rowsOf = (by: readonly Breakdown[]) => {
    const key = by.join(',');
    if (!cache.has(key)) cache.set(key, read(by));
    return cache.get(key)!;
  };
  const totals = async () => new Map((await rowsOf([])).map((row) => [groupKey(row), row.count]));
  const totalShown = (total: number | undefined, k: number) => total !== undefined && !small(total, k);

  /** One-way pattern: hidden labels per group. */
  const oneWay = async (dim: Breakdown): Promise<Map<string, Set<string>>> => {
    const known = await totals();
    const out = new Map<string, Set<string>>();
    for (const [group, rows] of groupsOf(await rowsOf([dim]))) {
      const k = kOf(rows[0]!.party);
      if (k === null) continue;
      const line = rows.map((row) => ({ label: String(row[dim]), count: row.count })).sort((a, b) => byLabel(a.label, b.label));
      out.set(group, suppressLine(line, k, totalShown(known.get(group), k)));
    }
    return out;
  };

  const result: HiddenCells = { hidden: new Set(), zeros: [] };
  if (dims.length === 0) {
    for (const row of await rowsOf([])) {
      const k = kOf(row.party);
      if (k !== null && small(row.count, k)) result.hidden.add(cellKey(row, dims));
    }
    return result;
  }
  if (dims.length === 1) {
    for (const [group, labels] of await oneWay(dims[0]!)) for (const label of labels) result.hidden.add(`${group}|${label}`);
    return result;
  }
  if (dims.length > MAX_PROTECTED_BREAKDOWNS) throw new Error(`suppression covers at most ${MAX_PROTECTED_BREAKDOWNS} breakdowns`);
  const [rowDim, colDim] = dims as [Breakdown, Breakdown];
  const [known, rowMargins, colMargins] = await Promise.all([totals(), oneWay(rowDim), oneWay(colDim)]);
  const rowsShown = groupsOf(await rowsOf([rowDim]));
  const colsShown = groupsOf(await rowsOf([colDim]));
  const shownMap = (rows: CountRow[] | undefined, dim: Breakdown, hidden: Set<string> | undefined) =>
    new Map((rows ?? []).map((row) => [String(row[dim]), !(hidden?.has(String(row[dim])) ?? false)]));
  for (const [group, rows] of groupsOf(await rowsOf(dims))) {
    const k = kOf(rows[0]!.party);
    if (k === null) continue;
    const cells = rows
      .map((row) => ({ row: String(row[rowDim]), col: String(row[colDim]), count: row.count }))
      .sort((a, b) => byLabel(a.row, b.row) || byLabel(a.col, b.col));
    const rowsMap = shownMap(rowsShown.get(group), rowDim, rowMargins.get(group));
    const colsMap = shownMap(colsShown.get(group), colDim, colMargins.get(group));
    // A margin the reader cannot read elsewhere (no such row in the one-way answer) counts as withheld.
    for (const c of cells) {
      if (!rowsMap.has(c.row)) rowsMap.set(c.row, false);
      if (!colsMap.has(c.col)) colsMap.set(c.col, false);
    }
    const needsWork = cells.some((c) => small(c.count, k)) || [...rowsMap.values(), ...colsMap.values()].includes(false) || !totalShown(known.get(group), k);
    if (!needsWork) continue;
    const grid = await suppressWithinMargins(cells, k, { rows: rowsMap, cols: colsMap, grand: totalShown(known.get(group), k) });
    const first = rows[0]!;
    for (const cell of grid) {
      if (!cell.hidden) continue;
      result.hidden.add(`${group}|${cell.row}|${cell.col}`);
      if (cell.count === 0) result.zeros.push({ party: first.party, disease: first.disease, periodStart: first.periodStart, [rowDim]: cell.row, [colDim]: cell.col, count: 0 });
    }
  }
  return result;
};

/**
 * The ISO weeks, from `from` to `to` (Mondays), in which one area's counts
 * are withheld from its party's breakdown by area, per channel: the series
 * of an area publishes the same cells, so it must withhold the same ones.
 */
export const hiddenAreaWeeks = async (q: Queryable, key: { party: string; disease: string; area: string }, from: string, to: string, k: number) => {
  const filter = (by: readonly Breakdown[]) => ({ parties: [key.party], disease: key.disease, from, to, by });
  const weeksOf = async (read: ReadCounts) => {
    const { hidden } = await hiddenCells(read, ['area'], () => k);
    return new Set([...hidden].filter((cell) => cell.endsWith(`|${key.area}`)).map((cell) => cell.split('|')[2]!));
  };
  return {
    lineList: await weeksOf((by) => lineListCounts(q, filter(by), 'iso-week')),
    reported: await weeksOf((by) => reportedCounts(q, filter(by), 'iso')),
  };
};
