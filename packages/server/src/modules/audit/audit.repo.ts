import type { Queryable } from '../../db/database.ts';
import { one } from '../../db/database.ts';
import type { AuditContent } from './audit.chain.ts';

export interface AuditRow extends AuditContent {
  prevHash: string;
  hash: string;
}

interface DbRow extends Record<string, unknown> {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  jurisdiction: string | null;
  details: unknown;
  prev_hash: string;
  hash: string;
}

const toRow = (row: DbRow): AuditRow => ({
  seq: row.seq,
  at: row.at.toISOString(),
  actorId: row.actor_id,
  actor: row.actor,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  jurisdiction: row.jurisdiction,
  details: row.details,
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** Locks the chain head until the caller's transaction ends. */
export const lockHead = (tx: Queryable) =>
  one<{ seq: number; hash: string }>(tx, 'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE');

export const insertRow = async (tx: Queryable, row: AuditRow): Promise<void> => {
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_id, actor, action, entity_type, entity_id, jurisdiction, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [row.seq, row.at, row.actorId, row.actor, row.action, row.entityType, row.entityId, row.jurisdiction, JSON.stringify(row.details), row.prevHash, row.hash],
  );
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [row.seq, row.hash]);
};

export const readHead = (q: Queryable) => one<{ seq: number; hash: string }>(q, 'SELECT seq, hash FROM audit_head WHERE id = 1');

export const readPage = async (q: Queryable, afterSeq: number, limit: number): Promise<AuditRow[]> =>
  (await q.query<DbRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit])).map(toRow);

export interface AuditFilter {
  jurisdictions?: readonly string[];
  entityType?: string;
  entityId?: string;
  action?: string;
  beforeSeq?: number;
  limit: number;
}

export const search = async (q: Queryable, filter: AuditFilter): Promise<AuditRow[]> => {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.jurisdictions) add('jurisdiction = ANY(?)', filter.jurisdictions);
  if (filter.entityType) add('entity_type = ?', filter.entityType);
  if (filter.entityId) add('entity_id = ?', filter.entityId);
  if (filter.action) add('action = ?', filter.action);
  if (filter.beforeSeq) add('seq < ?', filter.beforeSeq);
  params.push(filter.limit);
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`;
  return (await q.query<DbRow>(sql, params)).map(toRow);
};

export const count = async (q: Queryable): Promise<number> =>
  (await one<{ n: number }>(q, 'SELECT count(*)::int8 AS n FROM audit_log')).n;
