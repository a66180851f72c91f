/**
 * `npm run bench -- allocation`: the stock-allocation LP (HiGHS) on 50
 * parties × 20 products × 5 sources beside a greedy proportional heuristic
 * measured in the same run. Prints the LP's time per solve, the heuristic's,
 * their ratio, and how much of the LP optimum the heuristic reaches.
 */
import { seededRandom } from '@concord/core';
import { allocateStock, fairFloor, type AllocationInput } from '@concord/core/allocation/index';
import type { Benchmark } from './registry.ts';

interface Instance {
  products: string[];
  sources: { id: string; supply: Record<string, number> }[];
  parties: { id: string; weight: number; need: Record<string, number> }[];
  cost: { from: string; to: string; perUnit: number }[];
  floor: number;
}

/** Deterministic data: stock short of need (about 40 %), 80 % of routes open. */
const makeInstance = (): Instance => {
  const random = seededRandom('allocation-bench');
  const products = Array.from({ length: 20 }, (_, p) => `product-${p}`);
  const sources = Array.from({ length: 5 }, (_, s) => ({
    id: `source-${s}`,
    supply: Object.fromEntries(products.map((p) => [p, random.int(0, 2000)])),
  }));
  const parties = Array.from({ length: 50 }, (_, j) => ({
    id: `party-${String(j).padStart(2, '0')}`,
    weight: random.int(1, 10),
    need: Object.fromEntries(products.map((p) => [p, random.int(0, 500)])),
  }));
  const cost = sources.flatMap((s) =>
    parties.filter(() => random.next() < 0.8).map((j) => ({ from: s.id, to: j.id, perUnit: Math.round(random.next() * 300) / 100 })),
  );
  return { products, sources, parties, cost, floor: 0.5 };
};

/**
 * The yardstick: per product, first give every party its fair floor from
 * its cheapest routes, then hand what is left to the best margins
 * (weight − cost) first. Returns the objective and whether every floor was met.
 */
const greedy = (input: Instance): { objective: number; floorsMet: boolean } => {
  const weight = new Map(input.parties.map((j) => [j.id, j.weight]));
  const routes = [...input.cost].sort((a, b) => weight.get(b.to)! - b.perUnit - (weight.get(a.to)! - a.perUnit));
  let objective = 0;
  let floorsMet = true;
  for (const p of input.products) {
    const left = new Map(input.sources.map((s) => [s.id, s.supply[p] ?? 0]));
    const got = new Map(input.parties.map((j) => [j.id, 0]));
    const totalSupply = [...left.values()].reduce((a, b) => a + b, 0);
    const totalNeed = input.parties.reduce((sum, j) => sum + (j.need[p] ?? 0), 0);
    const ship = (from: string, to: string, perUnit: number, upTo: number) => {
      const quantity = Math.max(0, Math.min(left.get(from)!, upTo - got.get(to)!));
      left.set(from, left.get(from)! - quantity);
      got.set(to, got.get(to)! + quantity);
      objective += (weight.get(to)! - perUnit) * quantity;
    };
    for (const party of input.parties) {
      const floor = fairFloor(input.floor, party.need[p] ?? 0, totalSupply, totalNeed);
      for (const r of input.cost.filter((c) => c.to === party.id).sort((a, b) => a.perUnit - b.perUnit)) ship(r.from, r.to, r.perUnit, floor);
      if (got.get(party.id)! < floor - 1e-9) floorsMet = false;
    }
    for (const r of routes) if (weight.get(r.to)! > r.perUnit) ship(r.from, r.to, r.perUnit, input.parties.find((j) => j.id === r.to)!.need[p] ?? 0);
  }
  return { objective, floorsMet };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const timeRuns = async <T>(runs: number, run: () => T | Promise<T>): Promise<{ ms: number; last: T }> => {
  const times: number[] = [];
  let last: T | undefined;
  for (let n = 0; n < runs; n++) {
    const start = performance.now();
    last = await run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), last: last as T };
};

export const allocationBenchmark: Benchmark = async () => {
  const input = makeInstance();
  const request: AllocationInput = input;
  await allocateStock(request); // loads the WebAssembly solver once, outside the timing
  const lp = await timeRuns(7, () => allocateStock(request));
  const heuristic = await timeRuns(51, () => greedy(input));
  const share = (100 * heuristic.last.objective) / lp.last.objective;
  console.log(`instance: 50 parties × 20 products × 5 sources, ${input.cost.length} routes, floor ${input.floor}`);
  console.log(`HiGHS LP (allocateStock, validation + model + solve): ${lp.ms.toFixed(2)} ms per solve (median of 7), objective ${lp.last.objective.toFixed(1)}, ${lp.last.shipments.length} shipments`);
  console.log(`greedy proportional yardstick: ${heuristic.ms.toFixed(2)} ms per run (median of 51), objective ${heuristic.last.objective.toFixed(1)}, floors met: ${heuristic.last.floorsMet ? 'yes' : 'no'}`);
  console.log(`ratio: LP time / greedy time = ${(lp.ms / heuristic.ms).toFixed(1)}×; greedy objective = ${share.toFixed(2)} % of the LP optimum`);
};
