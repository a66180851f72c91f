import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Db, Queryable, Row } from './database.ts';
import { PG_TYPES } from './database.ts';

const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === PG_TYPES.INT8) return (value: string) => Number(value);
    if (oid === PG_TYPES.DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

const queryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
  async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
    const result = await client.query<T>({ text: sql, values: params as unknown[], types });
    return result.rows;
  },
  async exec(sql: string) {
    await client.query(sql);
  },
});

/** Connects to a PostgreSQL server. `max` bounds the pool. */
export const openPostgres = async (url: string, options: { max?: number; schema?: string } = {}): Promise<Db> => {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // Each connection works in the given schema (tests isolate files this way).
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // Fail at startup, with the server's own message, rather than at first request.
  const probe = await pool.connect();
  probe.release();

  const db: Db = {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const inner: Db = {
          ...db,
          ...queryable(client),
          transaction: (nested) => nested(inner),
          copyFrom: (table, columns, csv) => copyWith(client, table, columns, csv),
        };
        const result = await work(inner);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async copyFrom(table, columns, csv) {
      const client = await pool.connect();
      try {
        return await copyWith(client, table, columns, csv);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return db;
};

const copyWith = async (client: pg.PoolClient, table: string, columns: readonly string[], csv: string): Promise<number> => {
  const stream = client.query(copyFromStream(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  await pipeline(Readable.from([csv]), stream);
  return Number(stream.rowCount ?? 0);
};
