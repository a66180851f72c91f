import type { Queryable } from '../../db/database.ts';

export const getMapping = async (q: Queryable, jurisdiction: string): Promise<unknown> =>
  (await q.query<{ mapping: unknown }>('SELECT mapping FROM dhis2_mappings WHERE jurisdiction = $1', [jurisdiction]))[0]?.mapping;

export const putMapping = (q: Queryable, row: { jurisdiction: string; mapping: unknown; at: Date; by: string }) =>
  q.query(
    `INSERT INTO dhis2_mappings (jurisdiction, mapping, updated_at, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (jurisdiction) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [row.jurisdiction, JSON.stringify(row.mapping), row.at, row.by],
  );
