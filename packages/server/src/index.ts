export { loadConfig, type Config } from './config.ts';
export { createNode, startNode, applyMigrations, seedDemo, keyStoreFor, type ConcordNode, type RunningNode } from './node.ts';
export { openDatabase } from './db/open.ts';
export { migrate, loadMigrations, pendingMigrations } from './db/migrate.ts';
export type { Db } from './db/database.ts';
export { systemClock, fixedClock, type Clock } from './clock.ts';
export { systemActor, type Actor } from './actor.ts';
export type { Transport } from './modules/federation/index.ts';
export { BASE_SEED_STEPS, DEMO_SEED_STEPS, runSeed, demoUsers, DEMO_DOMAIN } from './seed/index.ts';
