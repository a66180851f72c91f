import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { allocateStock, fairFloor } from './allocate.ts';
import type { AllocationInput } from './input.ts';

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  return isAppError(error) ? error.code : error;
};

/**
 * Hand-checked: one product, S1 holds 100, S2 holds 50; A (weight 10)
 * needs 80, B (weight 6) needs 100. Routes and margins (weight − cost):
 * S1→A 10−1 = 9, S1→B 6−2 = 4, S2→B 6−1 = 5; S2→A cannot ship.
 */
const twoByTwo = (floor: number, cost = [
  { from: 'S1', to: 'A', perUnit: 1 },
  { from: 'S1', to: 'B', perUnit: 2 },
  { from: 'S2', to: 'B', perUnit: 1 },
]): AllocationInput => ({
  products: ['ocv'],
  sources: [{ id: 'S1', supply: { ocv: 100 } }, { id: 'S2', supply: { ocv: 50 } }],
  parties: [{ id: 'A', weight: 10, need: { ocv: 80 } }, { id: 'B', weight: 6, need: { ocv: 100 } }],
  cost,
  floor,
});

describe('allocateStock', () => {
  it('finds the hand-checked optimum when the floors do not bind', async () => {
    // Floor 0.5: supply 150 of need 180, so floors are A 0.5·80·5/6 ≈ 33.3,
    // B 0.5·100·5/6 ≈ 41.7. Every margin is positive, so all 150 ship. S2
    // can only serve B (50 at 5). S1's best use is A up to its need (80 at
    // 9), the rest to B (20 at 4). Objective 720 + 80 + 250 = 1050; A 80 and
    // B 70 are above their floors.
    const result = await allocateStock(twoByTwo(0.5));
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(1050, 6);
    expect(result.shipments).toEqual([
      { from: 'S1', to: 'A', product: 'ocv', quantity: 80 },
      { from: 'S1', to: 'B', product: 'ocv', quantity: 20 },
      { from: 'S2', to: 'B', product: 'ocv', quantity: 50 },
    ]);
  });

  it('finds the hand-checked optimum when the floors bind', async () => {
    // Floor 1: A is owed 80·5/6 = 66.67 and B 100·5/6 = 83.33, which adds up
    // to all 150 in stock. B takes S2's 50 and 33.33 from S1; A the other
    // 66.67. Objective 66.67·9 + 33.33·4 + 50·5 = 600 + 133.33 + 250.
    const result = await allocateStock(twoByTwo(1));
    expect(result.objective).toBeCloseTo(600 + 400 / 3 + 250, 6);
    const quantity = (from: string, to: string) => result.shipments.find((s) => s.from === from && s.to === to)?.quantity;
    expect(quantity('S1', 'A')).toBeCloseTo(200 / 3, 6);
    expect(quantity('S1', 'B')).toBeCloseTo(100 / 3, 6);
    expect(quantity('S2', 'B')).toBeCloseTo(50, 6);
  });

  it('never ships on a pair missing from the cost list, even when it would pay', async () => {
    const result = await allocateStock(twoByTwo(0, [{ from: 'S2', to: 'A', perUnit: 0 }]));
    expect(result.shipments).toEqual([{ from: 'S2', to: 'A', product: 'ocv', quantity: 50 }]);
  });

  it('reports floors that the routes cannot meet as infeasible', async () => {
    // Without S1→B, B can get at most S2's 50 but is owed 83.33.
    const noRoute = twoByTwo(1, [{ from: 'S1', to: 'A', perUnit: 1 }, { from: 'S2', to: 'B', perUnit: 1 }]);
    expect(await codeOf(allocateStock(noRoute))).toBe('STOCK_ALLOCATION_INFEASIBLE');
    // B has no route at all.
    expect(await codeOf(allocateStock(twoByTwo(0.1, [{ from: 'S1', to: 'A', perUnit: 1 }])))).toBe('STOCK_ALLOCATION_INFEASIBLE');
  });

  it('refuses malformed input and lists every problem', async () => {
    const bad = {
      products: ['ocv', 'ocv'],
      sources: [{ id: 'S1', supply: { ocv: -1, yf: 3 } }],
      parties: [{ id: 'A', weight: 1, need: { ocv: 1 } }],
      cost: [{ from: 'S9', to: 'A', perUnit: 1 }],
      floor: 0,
    };
    const error = await allocateStock(bad).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('STOCK_ALLOCATION_INVALID');
    expect(isAppError(error) && error.message).toContain('sources[0].supply.ocv');
    const fixedSupply = { ...bad, sources: [{ id: 'S1', supply: { ocv: 1, yf: 3 } }] };
    const problems = await allocateStock(fixedSupply).catch((e: unknown) => (isAppError(e) ? e.params.problems : e));
    expect(problems).toEqual([
      'products: ocv is listed twice',
      'sources[0].supply.yf: not in products',
      'cost[0].from: S9 is not a source',
    ]);
    expect(await codeOf(allocateStock({ ...twoByTwo(0), floor: 1.5 }))).toBe('STOCK_ALLOCATION_INVALID');
    expect(await codeOf(allocateStock({ ...twoByTwo(0), extra: true }))).toBe('STOCK_ALLOCATION_INVALID');
  });
});

/** Random instances: up to 3 products, 3 sources, 4 parties; routes all or some. */
const instances = fc
  .record({
    products: fc.integer({ min: 1, max: 3 }),
    sources: fc.integer({ min: 1, max: 3 }),
    parties: fc.integer({ min: 1, max: 4 }),
    fullRoutes: fc.boolean(),
  })
  .chain(({ products, sources, parties, fullRoutes }) => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const productIds = ids('p', products);
    const stock = fc.tuple(...productIds.map(() => fc.integer({ min: 0, max: 100 })));
    const pairs = ids('s', sources).flatMap((from) => ids('j', parties).map((to) => ({ from, to })));
    return fc.record({
      products: fc.constant(productIds),
      sources: fc.tuple(...ids('s', sources).map((id) => stock.map((q) => ({ id, supply: Object.fromEntries(productIds.map((p, i) => [p, q[i]!])) })))),
      parties: fc.tuple(
        ...ids('j', parties).map((id) =>
          fc.tuple(fc.integer({ min: 0, max: 10 }), stock).map(([weight, q]) => ({ id, weight, need: Object.fromEntries(productIds.map((p, i) => [p, q[i]!])) })),
        ),
      ),
      cost: fc
        .tuple(...pairs.map((pair) => fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 12 })).map(([keep, perUnit]) => ({ ...pair, perUnit, keep: keep || fullRoutes }))))
        .map((routes) => routes.filter((r) => r.keep).map(({ from, to, perUnit }) => ({ from, to, perUnit }))),
      floor: fc.double({ min: 0, max: 1, noNaN: true }),
      fullRoutes: fc.constant(fullRoutes),
    });
  });

type Instance = { products: string[]; sources: { id: string; supply: Record<string, number> }[]; parties: { id: string; weight: number; need: Record<string, number> }[]; cost: { from: string; to: string; perUnit: number }[]; floor: number };

const totals = (input: Instance, p: string) => ({
  supply: input.sources.reduce((sum, s) => sum + s.supply[p]!, 0),
  need: input.parties.reduce((sum, j) => sum + j.need[p]!, 0),
});

const objectiveOf = (input: Instance, shipments: { from: string; to: string; quantity: number }[]) =>
  shipments.reduce((sum, s) => {
    const weight = input.parties.find((j) => j.id === s.to)!.weight;
    const perUnit = input.cost.find((c) => c.from === s.from && c.to === s.to)!.perUnit;
    return sum + (weight - perUnit) * s.quantity;
  }, 0);

/** The yardstick: every source splits its stock of p over parties in proportion to need. */
const proportional = (input: Instance) =>
  input.products.flatMap((p) => {
    const { supply, need } = totals(input, p);
    if (need === 0 || supply === 0) return [];
    return input.sources.flatMap((s) =>
      input.parties.map((j) => ({ from: s.id, to: j.id, quantity: ((s.supply[p]! * j.need[p]!) / need) * Math.min(1, need / supply) })),
    );
  });

describe('allocateStock properties', () => {
  it('meets every constraint, ships only on listed routes, and beats the proportional split', async () => {
    await fc.assert(
      fc.asyncProperty(instances, async ({ fullRoutes, ...input }) => {
        const outcome = await allocateStock(input).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          // With every route open the proportional split is feasible, so the LP must be too.
          expect(fullRoutes).toBe(false);
          expect(isAppError(outcome.error) && outcome.error.code).toBe('STOCK_ALLOCATION_INFEASIBLE');
          return;
        }
        const { result } = outcome;
        const routes = new Set(input.cost.map((c) => `${c.from}>${c.to}`));
        for (const s of result.shipments) {
          expect(routes.has(`${s.from}>${s.to}`)).toBe(true);
          expect(s.quantity).toBeGreaterThan(0);
        }
        for (const p of input.products) {
          const { supply, need } = totals(input, p);
          const of = result.shipments.filter((s) => s.product === p);
          for (const j of input.parties) {
            const received = of.filter((s) => s.to === j.id).reduce((sum, s) => sum + s.quantity, 0);
            expect(received).toBeLessThanOrEqual(j.need[p]! + 1e-6);
            expect(received).toBeGreaterThanOrEqual(fairFloor(input.floor, j.need[p]!, supply, need) - 1e-6);
          }
          for (const s of input.sources) {
            const sent = of.filter((x) => x.from === s.id).reduce((sum, x) => sum + x.quantity, 0);
            expect(sent).toBeLessThanOrEqual(s.supply[p]! + 1e-6);
          }
        }
        expect(result.objective).toBeCloseTo(objectiveOf(input, result.shipments), 5);
        if (fullRoutes) expect(result.objective).toBeGreaterThanOrEqual(objectiveOf(input, proportional(input)) - 1e-6);
      }),
      { numRuns: 200 },
    );
  });
});
