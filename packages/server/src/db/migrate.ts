import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '@concord/core';
import type { Db } from './database.ts';

/**
 * Forward-only numbered SQL migrations (`migrations/0001_name.sql`), the same
 * files on PGlite and PostgreSQL. Each runs in its own transaction and is
 * recorded with its checksum; an applied file that later changes is refused,
 * because the database would no longer match the code's idea of it.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export const loadMigrations = (dir = MIGRATIONS_DIR): Migration[] =>
  readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });

export interface MigrationReport {
  applied: Migration[];
  alreadyApplied: number;
}

// An arbitrary constant: concurrent migrators on one server queue on it.
const MIGRATION_LOCK = 7_170_717;

export const migrate = async (db: Db, migrations = loadMigrations()): Promise<MigrationReport> => {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = new Map(
      (await tx.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map((row) => [
        row.version,
        row.checksum,
      ]),
    );
    const applied: Migration[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new AppError(
            'DB_MIGRATION_CHANGED',
            `Migration ${migration.version} (${migration.name}) was changed after it was applied; add a new migration instead.`,
            { status: 500, params: { version: migration.version } },
          );
        }
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      applied.push(migration);
    }
    return { applied, alreadyApplied: done.size };
  });
};

export const pendingMigrations = async (db: Db, migrations = loadMigrations()): Promise<Migration[]> => {
  const rows = await db
    .query<{ version: number }>('SELECT version FROM schema_migrations')
    .catch(() => [] as { version: number }[]);
  const done = new Set(rows.map((row) => row.version));
  return migrations.filter((migration) => !done.has(migration.version));
};
