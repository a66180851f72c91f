import type { Config } from '../config.ts';
import type { Db } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** Opens the configured database; the embedded one under its directory lock. */
export const openDatabase = async (database: Config['database']): Promise<Db> => {
  if (database.kind === 'postgres') return openPostgres(database.url, { max: database.pool });
  const lock = lockDataDir(database.dataDir);
  try {
    const db = await openPglite(database.dataDir);
    return {
      ...db,
      close: async () => {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
};
