import pino from 'pino';
import { loadConfig, openDatabase, type Config, type Db } from '@concord/server';
import type { CliIo } from './io.ts';

/**
 * Commands that work on a node's database (migrate, seed, users, audit) open
 * it exactly as the server does: same configuration, same lock on the
 * embedded data directory, so a command never runs beside a live server on
 * the same embedded database.
 */
export const withNodeDatabase = async <T>(io: CliIo, work: (db: Db, config: Config) => Promise<T>): Promise<T> => {
  const config = loadConfig(io.env, io.cwd);
  const db = await openDatabase(config.database);
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
};

/** A logger for commands: warnings and errors only, on stderr. */
export const commandLogger = (io: CliIo) => pino({ level: io.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));

export const describeDatabase = (config: Config): string =>
  config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
