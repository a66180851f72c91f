import { allocationBenchmark } from './allocation.ts';
import { detectionBenchmark } from './detection.ts';
import { federationBenchmark } from './federation.ts';
import { ingestBenchmark } from './ingest.ts';
import { ledgerBenchmark } from './ledger.ts';
import { pactDecideBenchmark } from './pact-decide.ts';
import { surveillanceIngest } from './surveillance-ingest.ts';

/** One line per benchmark: `name: (flags) => Promise<void>`, in bench/<name>.ts. */
export type Benchmark = (flags: string[]) => Promise<void>;

export const BENCHMARKS: Record<string, Benchmark> = {
  'surveillance-ingest': surveillanceIngest,
  allocation: allocationBenchmark,
  'pact-decide': pactDecideBenchmark,
  detection: detectionBenchmark,
  federation: federationBenchmark,
  ledger: ledgerBenchmark,
  ingest: ingestBenchmark,
};
