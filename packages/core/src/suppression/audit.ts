import type { Highs, ModelData } from 'highs';
import { AppError } from '../errors.ts';
import { loadSolver, MODEL_STATUS, QUIET } from '../lp/highs-solver.ts';
import { TOTAL, type PublishedCell } from './table.ts';

/** The smallest and largest value a suppressed cell can take given everything published. */
export interface CellInterval {
  row: string;
  col: string;
  min: number;
  /** `Infinity` when nothing published bounds the cell from above. */
  max: number;
}

/** A published grid: the last row and column are the totals; `null` is suppressed. */
export type PublishedGrid = readonly (readonly (number | null)[])[];

export interface GridInterval {
  i: number;
  j: number;
  min: number;
  max: number;
}

/** Integer tables give integer bounds (see below); snap solver noise back to them. */
const snap = (value: number): number => {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) < 1e-6 ? nearest : value;
};

/** Two bounds closer than this pin the cell down: an attacker learns its value. */
export const PINNED_TOLERANCE = 1e-6;

export const isPinned = (interval: { min: number; max: number }): boolean =>
  interval.max - interval.min <= PINNED_TOLERANCE;

/**
 * Every row and every column of the grid is one additive line: the cells
 * before the last add up to the last. These are the equations an attacker
 * can write with the published values.
 */
const lines = (grid: PublishedGrid): [number, number][][] => {
  const height = grid.length;
  const width = grid[0]?.length ?? 0;
  const rowLines = Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j): [number, number] => [i, j]));
  const colLines = Array.from({ length: width }, (_, j) => Array.from({ length: height }, (_, i): [number, number] => [i, j]));
  return [...rowLines, ...colLines];
};

const inconsistent = (message: string) =>
  new AppError('GOVERNANCE_SUPPRESSION_INCONSISTENT', message, { status: 400 });

/**
 * The attacker's LP: one variable per suppressed cell, x ≥ 0, and for each
 * line `Σ cells − total = 0` with the published values moved to the right.
 */
const attackerModel = (grid: PublishedGrid, unknowns: [number, number][], highs: Highs): ModelData => {
  const column = new Map(unknowns.map(([i, j], v) => [`${i},${j}`, v]));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rhs: number[] = [];
  for (const line of lines(grid)) {
    let constant = 0;
    line.forEach(([i, j], position) => {
      const sign = position === line.length - 1 ? -1 : 1;
      const published = grid[i]![j]!;
      if (published === null) {
        indices.push(column.get(`${i},${j}`)!);
        values.push(sign);
      } else {
        constant += sign * published;
      }
    });
    if (indices.length === starts[starts.length - 1]) {
      // A fully published line: it must add up, or the publication contradicts itself.
      if (Math.abs(constant) > PINNED_TOLERANCE) throw inconsistent('a published line does not add up to its total');
      continue;
    }
    starts.push(indices.length);
    rhs.push(-constant);
  }
  const n = unknowns.length;
  return {
    numCols: n,
    numRows: rhs.length,
    colCost: new Array<number>(n).fill(0),
    colLower: new Array<number>(n).fill(0),
    colUpper: new Array<number>(n).fill(highs.infinity),
    rowLower: rhs,
    rowUpper: rhs,
    matrix: { format: 'csr', numRows: rhs.length, numCols: n, starts, indices, values },
  };
};

const solverFailure = (status: number) =>
  new AppError('GOVERNANCE_SUPPRESSION_SOLVER_FAILED', `the LP solver ended with status ${status}`, {
    status: 500,
    params: { modelStatus: status },
  });

/**
 * For every suppressed cell, minimises and maximises its value subject to
 * the published cells, the additivity of every row and column (totals
 * included) and non-negativity. The constraint matrix of a two-way table
 * with margins is that of a transportation problem, hence totally
 * unimodular: with integer published values the LP bounds are integers and
 * equal the bounds an attacker would get over whole numbers.
 */
export const auditGrid = (grid: PublishedGrid, highs: Highs): GridInterval[] => {
  const unknowns: [number, number][] = [];
  grid.forEach((row, i) => row.forEach((value, j) => value === null && unknowns.push([i, j])));
  const model = highs.createModel(attackerModel(grid, unknowns, highs));
  try {
    model.options.set(QUIET);
    return unknowns.map(([i, j], v) => {
      if (v > 0) model.changeColCost(v - 1, 0);
      model.changeColCost(v, 1);
      model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
      const low = model.run().modelStatus;
      if (low === MODEL_STATUS.infeasible) throw inconsistent('the published values admit no table with non-negative cells');
      if (low !== MODEL_STATUS.optimal) throw solverFailure(low);
      const min = snap(model.getObjectiveValue());
      model.changeObjectiveSense(highs.constants.objectiveSense.maximize);
      const high = model.run().modelStatus;
      // The minimum exists, so the model is feasible: "unbounded or infeasible" means unbounded.
      if (high === MODEL_STATUS.unbounded || high === MODEL_STATUS.unboundedOrInfeasible) return { i, j, min, max: Infinity };
      if (high !== MODEL_STATUS.optimal) throw solverFailure(high);
      return { i, j, min, max: snap(model.getObjectiveValue()) };
    });
  } finally {
    model.dispose();
  }
};

/** Rebuilds the grid of a published table listed row by row with its TOTAL row and column. */
const gridOf = (published: readonly PublishedCell[]): { rows: string[]; cols: string[]; grid: (number | null)[][] } => {
  const rows = [...new Set(published.map((c) => c.row).filter((r) => r !== TOTAL)), TOTAL];
  const cols = [...new Set(published.map((c) => c.col).filter((c) => c !== TOTAL)), TOTAL];
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const colIndex = new Map(cols.map((c, j) => [c, j]));
  const grid = rows.map(() => cols.map((): number | null | undefined => undefined));
  for (const cell of published) {
    const i = rowIndex.get(cell.row)!;
    const j = colIndex.get(cell.col)!;
    if (grid[i]![j] !== undefined) throw inconsistent(`cell ${cell.row} × ${cell.col} is listed twice`);
    grid[i]![j] = cell.value;
  }
  const missing = grid.some((row) => row.some((value) => value === undefined));
  if (missing) throw inconsistent('a published table must list every cell, its totals and the grand total');
  return { rows, cols, grid: grid as (number | null)[][] };
};

/**
 * The audit as a caller sees it: give it a published table (the output of
 * `suppressTable`, or any table with TOTAL margins and nulls for suppressed
 * cells) and get the interval each suppressed cell is known to lie in.
 */
export const auditSuppression = async (published: readonly PublishedCell[]): Promise<CellInterval[]> => {
  const { rows, cols, grid } = gridOf(published);
  const highs = await loadSolver();
  return auditGrid(grid, highs).map(({ i, j, min, max }) => ({ row: rows[i]!, col: cols[j]!, min, max }));
};
