import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, pendingMigrations, type Db } from '@concord/server';
import { openTestDb } from '../support/database.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('migrations', () => {
  it('are numbered, unique and all applied to the template', async () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(new Set(migrations.map((m) => m.version)).size).toBe(migrations.length);
    expect(await pendingMigrations(db)).toEqual([]);
  });

  it('apply nothing the second time', async () => {
    const report = await migrate(db);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBe(loadMigrations().length);
  });

  it('refuse a migration edited after it was applied', async () => {
    const [first, ...rest] = loadMigrations();
    const edited = { ...first!, sql: `${first!.sql}\n-- edited`, checksum: 'not-the-applied-checksum' };
    await expect(migrate(db, [edited, ...rest])).rejects.toMatchObject({ code: 'DB_MIGRATION_CHANGED' });
  });
});
