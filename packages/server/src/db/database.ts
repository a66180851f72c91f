/**
 * The one database interface every repository uses. Two implementations:
 * PGlite (PostgreSQL in WebAssembly, embedded, the default) and node-postgres
 * (a PostgreSQL server via DATABASE_URL). Both speak the same SQL, take `$1`
 * parameters and return rows with the same JavaScript types:
 * int8 → number, numeric → string, date → 'YYYY-MM-DD', timestamptz → Date,
 * json/jsonb → parsed values, arrays → arrays.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements separated by semicolons (no parameters). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back
   * when it throws. Calling `transaction` on a transaction reuses it, so a
   * service can compose repositories without caring who opened it.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /** Bulk load rows with COPY FROM STDIN (CSV); used by imports and benchmarks. */
  copyFrom(table: string, columns: readonly string[], csv: string): Promise<number>;
  close(): Promise<void>;
}

export const one = async <T extends Row>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<T> => {
  const rows = await q.query<T>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql.slice(0, 80)}`);
  return rows[0]!;
};

export const maybeOne = async <T extends Row>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<T | undefined> => {
  const rows = await q.query<T>(sql, params);
  return rows[0];
};

/** PostgreSQL type OIDs whose parsing both drivers must agree on. */
export const PG_TYPES = { INT8: 20, DATE: 1082, NUMERIC: 1700 } as const;
