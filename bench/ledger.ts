/**
 * `npm run bench -- ledger [--operations=N] [--database-url=postgres://…]`:
 * stock ledger entries per second written through the stock service (each
 * movement authorised, FEFO-picked, checked by core's ledger rule, written
 * with its balances and an audit row in one transaction), beside a raw COPY
 * of exactly the same entries into an empty ledger, measured in the same
 * run. Runs on embedded PGlite, and also on PostgreSQL when a server URL is
 * given (flag or CONCORD_BENCH_DATABASE_URL; a scratch database is created
 * and dropped). The ratio says what the ledger's guarantees cost per entry.
 */
import pg from 'pg';
import pino from 'pino';
import { seededRandom } from '@concord/core';
import { systemActor } from '../packages/server/src/actor.ts';
import { fixedClock } from '../packages/server/src/clock.ts';
import type { Db } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { openPglite } from '../packages/server/src/db/pglite.ts';
import { openPostgres } from '../packages/server/src/db/postgres.ts';
import { createAuditLog } from '../packages/server/src/modules/audit/audit.service.ts';
import * as bulk from '../packages/server/src/modules/stock/bulk.repo.ts';
import type { NewEntry } from '../packages/server/src/modules/stock/ledger.repo.ts';
import { createLedger } from '../packages/server/src/modules/stock/ledger.service.ts';
import { regionSeed } from '../packages/server/src/seed/region.seed.ts';
import type { Benchmark } from './registry.ts';

const NOW = '2026-01-05T08:00:00.000Z';
const STORES = ['KE-cms', 'KE-nrh', 'KE-rh'] as const;
const PRODUCTS = ['ors', 'ringer-lactate', 'ceftriaxone-1g', 'malaria-rdt'] as const;

const flag = (flags: string[], name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);

/** A region with its stores, migrated, on a fresh database. */
const prepare = async (db: Db) => {
  await migrate(db);
  // The region step reads only the clock: no accounts, no keys are needed to hold stock.
  await db.transaction((tx) => regionSeed.run(tx, { clock: fixedClock(NOW), log: pino({ level: 'silent' }), demoPassword: 'unused-here', keys: undefined as never }));
};

/**
 * Deterministic movements: receipts, FEFO issues and transfers between the
 * three stores. Receipts draw on eight lots per product, as a store's
 * shelves hold a handful of lots of a product at a time.
 */
const operations = (count: number) => {
  const random = seededRandom('ledger-bench');
  return Array.from({ length: count }, (_, i) => {
    const roll = random.next();
    const product = random.pick(PRODUCTS);
    if (roll < 0.4 || i < 30) {
      const n = random.int(0, 7);
      return { op: 'receive' as const, store: random.pick(STORES), product, lot: `B${product.slice(0, 3).toUpperCase()}${n}`, expiry: `202${6 + (n % 4)}-${String(n + 1).padStart(2, '0')}-28`, quantity: random.int(200, 2000) };
    }
    const [from, to] = [random.pick(STORES), random.pick(STORES)];
    if (roll < 0.8 || from === to) return { op: 'issue' as const, store: from, product, quantity: random.int(1, 150) };
    return { op: 'transfer' as const, from, to, product, quantity: random.int(10, 300) };
  });
};

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

const throughService = async (db: Db, count: number) => {
  const clock = fixedClock(NOW);
  const ledger = createLedger({ db, audit: createAuditLog(clock), clock });
  const actor = systemActor('bench');
  let entries = 0;
  let refused = 0;
  const start = process.hrtime.bigint();
  for (const o of operations(count)) {
    try {
      const result =
        o.op === 'receive'
          ? await ledger.receive(actor, o.store, { product: o.product, lot: o.lot, expiry: o.expiry, quantity: o.quantity })
          : o.op === 'issue'
            ? await ledger.issue(actor, o.store, { product: o.product, quantity: o.quantity })
            : await ledger.transfer(actor, { from: o.from, to: o.to, product: o.product, quantity: o.quantity });
      entries += result.entries.length;
    } catch (error) {
      // A short store refuses the issue (STOCK_INSUFFICIENT), as in life; it is part of the work measured.
      if ((error as { code?: string }).code !== 'STOCK_INSUFFICIENT') throw error;
      refused += 1;
    }
  }
  return { entries, refused, seconds: seconds(start) };
};

/** The same rows with COPY into an empty ledger (lots first), and the balances summed in one statement. */
const throughCopy = async (db: Db, source: Db) => {
  const rows = await source.query<NewEntry & Record<string, unknown>>('SELECT store, product, lot, kind, quantity, at, movement, counterpart, reference, reason, gs1 FROM stock_entries ORDER BY seq');
  const lots = await source.query<{ product: string; lot: string; gtin: string; expiry: string; productionDate: string | null; firstReceivedAt: Date }>(
    'SELECT product, lot, gtin, expiry, production_date AS "productionDate", first_received_at AS "firstReceivedAt" FROM stock_lots',
  );
  const start = process.hrtime.bigint();
  await db.transaction(async (tx) => {
    await bulk.copyLots(tx, lots, false);
    await bulk.copyEntries(tx, rows, { recordedAt: new Date(NOW), actor: 'system:bench', synthetic: false });
    await bulk.rebuildBalances(tx);
  });
  return { entries: rows.length, seconds: seconds(start) };
};

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');

const measure = async (label: string, open: () => Promise<Db>, count: number) => {
  const service = await open();
  const yardstick = await open();
  try {
    await prepare(service);
    await prepare(yardstick);
    const measured = await throughService(service, count);
    const copied = await throughCopy(yardstick, service);
    if (copied.entries !== measured.entries) throw new Error(`copied ${copied.entries} entries, wrote ${measured.entries}`);
    console.log(`${label}: ${count} movements → ${measured.entries} entries (${measured.refused} issues refused as short)`);
    console.log(`  through the stock service: ${rate(measured.entries, measured.seconds)} entries/s (${measured.seconds.toFixed(2)} s)`);
    console.log(`  raw COPY of the same entries (yardstick): ${rate(copied.entries, copied.seconds)} entries/s (${copied.seconds.toFixed(3)} s)`);
    console.log(`  ratio: the service takes ${(measured.seconds / copied.seconds).toFixed(1)}× the COPY's time per entry`);
  } finally {
    await service.close();
    await yardstick.close();
  }
};

const scratchPostgres = (url: string) => {
  const names: string[] = [];
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    open: async (): Promise<Db> => {
      const name = `concord_bench_${process.pid}_${names.length}`;
      names.push(name);
      await admin(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      return openPostgres(target.toString(), { max: 2 });
    },
    drop: async () => {
      for (const name of names) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
};

export const ledgerBenchmark: Benchmark = async (flags) => {
  const count = Number(flag(flags, 'operations') ?? 3000);
  await measure('PGlite (embedded)', () => openPglite(undefined), count);
  const url = flag(flags, 'database-url') ?? process.env.CONCORD_BENCH_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: left out (give --database-url=postgres://… or CONCORD_BENCH_DATABASE_URL)');
    return;
  }
  const scratch = scratchPostgres(url);
  try {
    await measure('PostgreSQL', scratch.open, count);
  } finally {
    await scratch.drop();
  }
};
