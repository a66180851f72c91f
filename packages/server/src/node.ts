import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Db } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { buildApp } from './http/app.ts';
import { healthRoutes } from './http/health.ts';
import { webRoutes } from './http/web.ts';
import { createScheduler } from './jobs/scheduler.ts';
import { createReadiness } from './readiness.ts';
import { openKeyStore, type KeyStore } from './keys/key-store.ts';
import { accountsContext } from './modules/accounts/index.ts';
import { auditContext } from './modules/audit/index.ts';
import { governanceContext } from './modules/governance/index.ts';
import { pactContext } from './modules/pact/index.ts';
import { regionContext } from './modules/region/index.ts';
import { stockContext } from './modules/stock/index.ts';
import { eventsContext } from './modules/events/index.ts';
import { federationContext, type Transport } from './modules/federation/index.ts';
import { surveillanceContext } from './modules/surveillance/index.ts';
import { DEMO_SEED_STEPS, runSeed } from './seed/index.ts';
import { federatedSeedSteps } from './seed/pact-bundle.seed.ts';

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
  /** How messages reach peer nodes; HTTP unless given (tests join in-process nodes). */
  transport?: Transport;
}

export const keyStoreFor = (config: Config): KeyStore =>
  openKeyStore({ keyDir: config.keyDir, fieldKeysEnv: config.fieldKeys, signingKeysEnv: config.signingKeys });

export const createNode = async ({ config, db, clock = systemClock, logger = pino({ level: config.logLevel }), keys = keyStoreFor(config), transport }: NodeDeps) => {
  const readiness = createReadiness();
  const scheduler = createScheduler(logger);
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
  const governance = governanceContext({ db, clock, pact: pact.service, audit: audit.service, keys, log: logger });
  for (const job of governance.jobs) scheduler.add(job);
  const federation = federationContext({ db, clock, pact: pact.service, access: governance.access, audit: audit.service, keys, scheduler, readiness, log: logger, ...(transport ? { transport } : {}) });
  for (const job of federation.jobs) scheduler.add(job);
  for (const target of federation.retentionTargets) governance.retention.register(target);
  const surveillance = surveillanceContext({ db, audit: audit.service, clock, keys, access: governance.access, log: logger, csvMaxBytes: config.limits.bodyBytes });
  const events = eventsContext({ db, audit: audit.service, clock, pact: pact.service, access: governance.access, signals: surveillance.service.signals, federation: federation.service });
  for (const job of [...surveillance.jobs, ...events.jobs]) scheduler.add(job);
  governance.rotation.register(surveillance.encryptedColumns);
  // The live facts the pact's conditions read: alert levels from open events, indicators from surveillance and events.
  pact.service.useFacts({
    alert: (q) => events.alertLevels(q),
    indicators: async (q) => ({ ...(await surveillance.indicators(q)), ...(await events.indicators(q)) }),
  });
  const stock = stockContext({ db, audit: audit.service, clock, pact: pact.service, access: governance.access, federation: federation.service });
  for (const job of stock.jobs) scheduler.add(job);

  const app = await buildApp({
    logger,
    accounts: accounts.service,
    api: [accounts.routes, audit.routes, region.routes, pact.routes, governance.routes, surveillance.routes, events.routes, stock.routes, federation.routes],
    root: [healthRoutes(db, config.node, readiness), pact.rootRoutes, federation.rootRoutes, webRoutes()],
    limits: config.limits,
    publicUrl: config.publicUrl,
  });
  return { app, db, clock, logger, keys, readiness, scheduler, services: {
      audit: audit.service,
      accounts: accounts.service,
      pact: pact.service,
      access: governance.access,
      governance,
      surveillance: surveillance.service,
      events: events.service,
      stock: stock.service,
      federation: federation.service,
    },
  };
};

export type ConcordNode = Awaited<ReturnType<typeof createNode>>;

export interface RunningNode extends ConcordNode {
  url: string;
  /** Settles when the first-start seed is done and background jobs run. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export const applyMigrations = async (node: ConcordNode) => {
  const migrations = await migrate(node.db);
  if (migrations.applied.length > 0) node.logger.info({ applied: migrations.applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied');
};

export const seedDemo = (node: ConcordNode, config: Config) =>
  runSeed(node.db, node.services.audit, config.pactBundle ? federatedSeedSteps(config.pactBundle) : DEMO_SEED_STEPS, {
    clock: node.clock,
    log: node.logger,
    demoPassword: config.demo.password,
    keys: node.keys,
  });

export const startNode = async (config: Config, options: { clock?: Clock; logger?: Logger } = {}): Promise<RunningNode> => {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(config.database);
  let app: FastifyInstance | undefined;
  try {
    const node = await createNode({ config, db, clock, logger });
    app = node.app;
    await applyMigrations(node);
    // Listen before seeding: /healthz answers at once, /readyz once seeded.
    node.readiness.set(config.demo.enabled ? 'seeding' : 'ready');
    await app.listen({ port: config.port, host: config.host });
    const ready = (config.demo.enabled ? seedDemo(node, config).then(() => undefined) : Promise.resolve()).then(
      () => {
        node.readiness.set('ready');
        node.scheduler.start();
      },
      (error: unknown) => {
        node.readiness.set('failed', error instanceof Error ? error.message : String(error));
        logger.fatal({ err: error }, 'seeding the demo region failed; the node serves but is not ready');
      },
    );
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
    return {
      ...node,
      url,
      ready,
      close: async () => {
        await node.scheduler.stop();
        await app?.close();
        await ready;
        await db.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await db.close();
    throw error;
  }
};
