import { allocationBenchmark } from './allocation.ts';

/** One line per benchmark: `name: (flags) => Promise<void>`, in bench/<name>.ts. */
export type Benchmark = (flags: string[]) => Promise<void>;

export const BENCHMARKS: Record<string, Benchmark> = {
  allocation: allocationBenchmark,
};
