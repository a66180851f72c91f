import type { Db } from '@concord/server';

/**
 * What "nothing changed" means for the fuzz: for every table of the public
 * schema, its row count and an MD5 digest of its rows (each row as text,
 * sorted). Two snapshots differ in exactly the tables something wrote to;
 * the audit chain's head is one of them (`audit_head`, its sequence number
 * and hash), so an appended audit row always shows.
 */
export interface DbSnapshot {
  tables: Map<string, { rows: number; digest: string }>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export const publicTables = async (db: Db): Promise<string[]> =>
  (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).map((row) => row.name);

export const snapshot = async (db: Db, tables: readonly string[]): Promise<DbSnapshot> => {
  // One statement, so a snapshot is one round trip and one consistent view.
  const sql = tables
    .map((t) => `SELECT '${t.replaceAll("'", "''")}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM ${quoteIdent(t)} x`)
    .join(' UNION ALL ');
  const rows = await db.query<{ name: string; rows: number; digest: string }>(sql);
  return { tables: new Map(rows.map((r) => [r.name, { rows: r.rows, digest: r.digest }])) };
};

/** The tables whose rows differ between two snapshots, with their row counts before → after. */
export const changedTables = (before: DbSnapshot, after: DbSnapshot): { table: string; rows: string }[] =>
  [...after.tables].flatMap(([table, now]) => {
    const then = before.tables.get(table);
    return then && then.digest === now.digest ? [] : [{ table, rows: `${then?.rows ?? 'absent'} → ${now.rows}` }];
  });
