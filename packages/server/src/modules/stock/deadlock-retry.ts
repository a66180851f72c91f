import type { Db } from '../../db/database.ts';

/** PostgreSQL's SQLSTATE for a deadlock it broke by aborting one transaction. */
const DEADLOCK_DETECTED = '40P01';
const ATTEMPTS = 3;

/**
 * Runs `work` in a transaction, again if PostgreSQL aborted it to break a
 * deadlock (two movements locking the same stores' lots in opposite order,
 * such as transfers both ways between two stores). Nothing of an aborted
 * attempt was written, so running it again is safe. PGlite runs one
 * transaction at a time and never deadlocks.
 */
export const transactionWithRetry = async <T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if ((error as { code?: unknown }).code !== DEADLOCK_DETECTED || attempt >= ATTEMPTS) throw error;
    }
  }
};
