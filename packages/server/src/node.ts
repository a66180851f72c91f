import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Db } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { buildApp } from './http/app.ts';
import { healthRoutes } from './http/health.ts';
import { openKeyStore, type KeyStore } from './keys/key-store.ts';
import { accountsContext } from './modules/accounts/index.ts';
import { auditContext } from './modules/audit/index.ts';
import { governanceContext } from './modules/governance/index.ts';
import { pactContext } from './modules/pact/index.ts';
import { regionContext } from './modules/region/index.ts';
import { DEMO_SEED_STEPS, runSeed } from './seed/index.ts';

/**
 * The composition root: every context is built here from explicit
 * dependencies, and nowhere else. `createNode` wires a node around an open
 * database (tests call it directly); `startNode` also opens the database,
 * migrates, seeds and listens.
 */
export interface NodeDeps {
  config: Config;
  db: Db;
  clock?: Clock;
  logger?: Logger;
  keys?: KeyStore;
}

export const keyStoreFor = (config: Config): KeyStore =>
  openKeyStore({ keyDir: config.keyDir, fieldKeysEnv: config.fieldKeys, signingKeysEnv: config.signingKeys });

export const createNode = async ({ config, db, clock = systemClock, logger = pino({ level: config.logLevel }), keys = keyStoreFor(config) }: NodeDeps) => {
  const audit = auditContext({ db, clock });
  const accounts = accountsContext({
    db,
    audit: audit.service,
    clock,
    policy: config.auth,
    http: { secureCookies: config.publicUrl.startsWith('https:'), signInsPerMinute: config.limits.signInsPerMinute },
  });
  const region = regionContext({ db });
  const pact = pactContext({ db, audit: audit.service, clock });
  const governance = governanceContext({ db, clock, pact: pact.service });

  const app = await buildApp({
    logger,
    accounts: accounts.service,
    api: [accounts.routes, audit.routes, region.routes, pact.routes],
    root: [healthRoutes(db, config.node), pact.rootRoutes],
    limits: config.limits,
    publicUrl: config.publicUrl,
  });
  return { app, db, clock, logger, keys, services: { audit: audit.service, accounts: accounts.service, pact: pact.service, access: governance.access } };
};

export type ConcordNode = Awaited<ReturnType<typeof createNode>>;

export interface RunningNode extends ConcordNode {
  url: string;
  close(): Promise<void>;
}

export const prepareDatabase = async (node: ConcordNode, config: Config) => {
  const { db, clock, logger, keys } = node;
  const migrations = await migrate(db);
  if (migrations.applied.length > 0) logger.info({ applied: migrations.applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied');
  if (config.demo.enabled) {
    await runSeed(db, node.services.audit, DEMO_SEED_STEPS, { clock, log: logger, demoPassword: config.demo.password, keys });
  }
};

export const startNode = async (config: Config, options: { clock?: Clock; logger?: Logger } = {}): Promise<RunningNode> => {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(config.database);
  let app: FastifyInstance | undefined;
  try {
    const node = await createNode({ config, db, clock, logger });
    app = node.app;
    await prepareDatabase(node, config);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
    return {
      ...node,
      url,
      close: async () => {
        await app?.close();
        await db.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await db.close();
    throw error;
  }
};
