import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './database.ts';
import { PG_TYPES } from './database.ts';

const parsers = {
  [PG_TYPES.INT8]: (value: string) => Number(value),
  [PG_TYPES.DATE]: (value: string) => value,
};

const copyInto = (target: PGlite | Transaction) => async (table: string, columns: readonly string[], csv: string) => {
  const blob = new Blob([csv], { type: 'text/csv' });
  const result = await target.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
  return result.affectedRows ?? 0;
};

const queryable = (target: PGlite | Transaction): Queryable => ({
  async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
    const result = await target.query<T>(sql, params as unknown[]);
    return result.rows;
  },
  async exec(sql: string) {
    await target.exec(sql);
  },
});

/**
 * Opens PGlite on `dataDir` (created on first use; `undefined` keeps the
 * database in memory). PGlite serialises queries itself: one transaction runs
 * at a time and other callers wait, which is what makes one process safe.
 */
export interface PgliteDb extends Db {
  /** The whole database as a tarball (restorable with `loadDataDir`). */
  dumpDataDir(): Promise<Blob>;
}

export const openPglite = async (dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<PgliteDb> => {
  const pg = await PGlite.create({ dataDir, parsers, loadDataDir: options.loadDataDir });
  return pgliteDb(pg);
};

const pgliteDb = (pg: PGlite): PgliteDb => {
  const base = queryable(pg);
  const db: PgliteDb = {
    kind: 'pglite',
    ...base,
    transaction: (work) =>
      pg.transaction(async (tx) => {
        const inner: Db = { ...db, ...queryable(tx), copyFrom: copyInto(tx), transaction: (nested) => nested(inner) };
        return work(inner);
      }),
    copyFrom: copyInto(pg),
    dumpDataDir: () => pg.dumpDataDir('none'),
    close: () => pg.close(),
  };
  return db;
};
