import type { Highs, ModelData } from 'highs';
import { AppError } from '../errors.ts';
import { loadSolver, MODEL_STATUS, QUIET } from '../lp/highs-solver.ts';
import { checkAllocationInput, type CheckedAllocationInput } from './input.ts';

export interface Shipment {
  from: string;
  to: string;
  product: string;
  quantity: number;
}

export interface AllocationResult {
  status: 'optimal';
  /** Σ weight × quantity received − Σ cost per unit × quantity shipped. */
  objective: number;
  /** Shipments above 1e-9, sorted by source, party, product. */
  shipments: Shipment[];
}

/** Quantities at or below this are solver noise, not shipments. */
export const SHIPMENT_EPSILON = 1e-9;

/**
 * The fair floor of party j for product p: `floor · need · min(1, S / N)`
 * where S is all supply and N all need of the product. When stock is short
 * every party's floor is the same share of its need, as in the first,
 * proportional phase of the COVAX allocation framework; when stock is
 * ample the floor is that share of the whole need.
 */
export const fairFloor = (floor: number, need: number, totalSupply: number, totalNeed: number): number =>
  totalNeed === 0 ? 0 : floor * need * Math.min(1, totalSupply / totalNeed);

interface Route {
  from: string;
  to: string;
  product: string;
  margin: number;
  partyRow: number;
  sourceRow: number;
}

interface AllocationModel {
  routes: Route[];
  rowLower: number[];
  rowUpper: number[];
}

const infeasible = (message: string, params: Record<string, unknown> = {}) =>
  new AppError('STOCK_ALLOCATION_INFEASIBLE', message, { status: 422, params });

/**
 * One row per (party, product) with need, bounded below by the fair floor
 * and above by the need; one row per (source, product) with supply, bounded
 * by the supply; one column per route in `cost` and product that both ends
 * hold. A pair absent from `cost` has no column and cannot ship.
 */
const buildModel = (input: CheckedAllocationInput): AllocationModel => {
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const partyRows = new Map<string, number>();
  const sourceRows = new Map<string, number>();
  const key = (a: string, p: string) => JSON.stringify([a, p]);
  for (const p of input.products) {
    const totalSupply = input.sources.reduce((sum, s) => sum + (s.supply[p] ?? 0), 0);
    const totalNeed = input.parties.reduce((sum, j) => sum + (j.need[p] ?? 0), 0);
    for (const party of input.parties) {
      const need = party.need[p] ?? 0;
      if (need <= 0) continue;
      partyRows.set(key(party.id, p), rowLower.length);
      rowLower.push(fairFloor(input.floor, need, totalSupply, totalNeed));
      rowUpper.push(need);
    }
    for (const source of input.sources) {
      const supply = source.supply[p] ?? 0;
      if (supply <= 0) continue;
      sourceRows.set(key(source.id, p), rowLower.length);
      rowLower.push(0);
      rowUpper.push(supply);
    }
  }
  const weight = new Map(input.parties.map((j) => [j.id, j.weight]));
  const routes = input.cost.flatMap((c) =>
    input.products.flatMap((product): Route[] => {
      const partyRow = partyRows.get(key(c.to, product));
      const sourceRow = sourceRows.get(key(c.from, product));
      if (partyRow === undefined || sourceRow === undefined) return [];
      return [{ from: c.from, to: c.to, product, margin: weight.get(c.to)! - c.perUnit, partyRow, sourceRow }];
    }),
  );
  return { routes, rowLower, rowUpper };
};

/** A floor no route can feed is infeasible before any solving; name it. */
const checkReachable = (input: CheckedAllocationInput, model: AllocationModel): void => {
  const fed = new Set(model.routes.map((r) => JSON.stringify([r.to, r.product])));
  for (const party of input.parties) {
    for (const product of input.products) {
      const need = party.need[product] ?? 0;
      if (need <= 0 || fed.has(JSON.stringify([party.id, product]))) continue;
      const totalSupply = input.sources.reduce((sum, s) => sum + (s.supply[product] ?? 0), 0);
      const totalNeed = input.parties.reduce((sum, j) => sum + (j.need[product] ?? 0), 0);
      if (fairFloor(input.floor, need, totalSupply, totalNeed) > 0) {
        throw infeasible(`party ${party.id} is owed a floor of ${product} but no source holding it has a route to it`, {
          party: party.id,
          product,
        });
      }
    }
  }
};

const modelData = (model: AllocationModel, highs: Highs): ModelData => {
  const n = model.routes.length;
  return {
    numCols: n,
    numRows: model.rowLower.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: model.routes.map((r) => r.margin),
    colLower: new Array<number>(n).fill(0),
    colUpper: new Array<number>(n).fill(highs.infinity),
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: {
      format: 'csc',
      numRows: model.rowLower.length,
      numCols: n,
      starts: model.routes.map((_, c) => 2 * c).concat(2 * n),
      indices: model.routes.flatMap((r) => [r.partyRow, r.sourceRow]),
      values: new Array<number>(2 * n).fill(1),
    },
  };
};

const byRoute = (a: Shipment, b: Shipment): number =>
  a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.to !== b.to ? (a.to < b.to ? -1 : 1) : a.product < b.product ? -1 : a.product > b.product ? 1 : 0;

/**
 * Divides scarce stock among parties with the HiGHS LP solver: maximise
 * Σ weight_j · a_jp − Σ perUnit_sj · y_sjp over shipments y ≥ 0, where
 * a_jp = Σ_s y_sjp, subject to a_jp ≤ need_jp, Σ_j y_sjp ≤ supply_sp and
 * a_jp ≥ the fair floor. Refuses malformed input (STOCK_ALLOCATION_INVALID)
 * and floors that cannot all be met (STOCK_ALLOCATION_INFEASIBLE).
 */
export const allocateStock = async (raw: unknown): Promise<AllocationResult> => {
  const input = checkAllocationInput(raw);
  const model = buildModel(input);
  checkReachable(input, model);
  if (model.routes.length === 0) return { status: 'optimal', objective: 0, shipments: [] };
  const highs = await loadSolver();
  const solved = highs.withModel(modelData(model, highs), (lp) => {
    lp.options.set(QUIET);
    const status = lp.run().modelStatus;
    return { status, objective: lp.getObjectiveValue(), values: lp.getSolution().colValue };
  });
  if (solved.status === MODEL_STATUS.infeasible || solved.status === MODEL_STATUS.unboundedOrInfeasible) {
    throw infeasible('the fair floors cannot all be met with the supply and the routes given');
  }
  if (solved.status !== MODEL_STATUS.optimal) {
    throw new AppError('STOCK_ALLOCATION_SOLVER_FAILED', `the LP solver ended with status ${solved.status}`, {
      status: 500,
      params: { modelStatus: solved.status },
    });
  }
  const shipments = model.routes
    .map((r, c) => ({ from: r.from, to: r.to, product: r.product, quantity: solved.values[c]! }))
    .filter((s) => s.quantity > SHIPMENT_EPSILON)
    .sort(byRoute);
  return { status: 'optimal', objective: solved.objective, shipments };
};
