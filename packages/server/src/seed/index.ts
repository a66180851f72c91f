import { eventsSeed } from './events.seed.ts';
import { pactSeed } from './pact.seed.ts';
import { regionSeed } from './region.seed.ts';
import { stockHistorySeed } from './stock-history.seed.ts';
import { surveillanceSeed } from './surveillance.seed.ts';
import type { SeedStep } from './runner.ts';
import { usersSeed } from './users.seed.ts';

export { runSeed, type SeedContext, type SeedReport, type SeedStep } from './runner.ts';
export { DEMO_DOMAIN, demoUsers } from './users.seed.ts';

/** The region, its accounts and its pact: what every demo and every test starts from. */
export const BASE_SEED_STEPS: readonly SeedStep[] = [regionSeed, usersSeed, pactSeed];

/** The demo region's seed steps, in order: the base, then each capability's history. */
export const DEMO_SEED_STEPS: readonly SeedStep[] = [...BASE_SEED_STEPS, stockHistorySeed, surveillanceSeed, eventsSeed];
