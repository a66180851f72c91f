import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '@concord/server';
import { openPglite } from '@concord/server/db/pglite';
import { openPostgres } from '@concord/server/db/postgres';
import { databaseUrl } from './template.ts';

/**
 * A fresh database for one test file, already migrated and seeded with the
 * base demo region (parties, areas, facilities, demo accounts). On PGlite it
 * lives in memory; on PostgreSQL it is a new database cloned from the run's
 * template and dropped on close.
 */
export const testDbKind = (): 'pglite' | 'postgres' => (process.env.CONCORD_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export const openTestDb = async (): Promise<Db> => {
  if (testDbKind() === 'pglite') {
    const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openPglite(undefined, { loadDataDir: dump });
  }
  const base = process.env.CONCORD_TEST_DATABASE_URL!;
  const name = await createDatabaseFromTemplate(base);
  const db = await openPostgres(databaseUrl(base, name), { max: 5 });
  return {
    ...db,
    close: async () => {
      await db.close();
      await dropDatabase(base, name);
    },
  };
};

/** A new PostgreSQL database cloned from the run's template (for tests that start server processes). */
export const createDatabaseFromTemplate = async (base: string): Promise<string> => {
  const name = `concord_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  } finally {
    await admin.end();
  }
  return name;
};

export const dropDatabase = async (base: string, name: string) => {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
};
