import pg from 'pg';
import pino from 'pino';
import { BASE_SEED_STEPS, migrate, runSeed, fixedClock, type Db } from '@concord/server';
import { openKeyStore } from '@concord/server/keys/key-store';
import { createAuditLog } from '@concord/server/modules/audit/audit.service';
import { openPostgres } from '@concord/server/db/postgres';
import { openPglite } from '@concord/server/db/pglite';

export const TEST_PASSWORD = 'concord-demo';
/** The instant the template was seeded at; tests that need "now" set their own clock. */
export const TEMPLATE_TIME = '2026-01-05T08:00:00.000Z';

export const databaseUrl = (base: string, database: string): string => {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
};

const seedBase = async (db: Db, keyDir: string) => {
  const clock = fixedClock(TEMPLATE_TIME);
  await migrate(db);
  await runSeed(db, createAuditLog(clock), BASE_SEED_STEPS, {
    clock,
    log: pino({ level: 'silent' }),
    demoPassword: TEST_PASSWORD,
    keys: openKeyStore({ keyDir }),
  });
};

/** Builds the migrated, base-seeded template: a PGlite dump, or a PostgreSQL template database's name. */
export const buildTemplate = async (kind: 'pglite' | 'postgres', keyDir: string, url?: string): Promise<Blob | string> => {
  if (kind === 'pglite') {
    const db = await openPglite(undefined);
    await seedBase(db, keyDir);
    const dump = await db.dumpDataDir();
    await db.close();
    return dump;
  }
  const name = `concord_template_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openPostgres(databaseUrl(url!, name), { max: 2 });
  await seedBase(db, keyDir);
  await db.close();
  return name;
};

export const dropPostgresTemplate = async (url: string, template: string) => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await admin.end();
};
