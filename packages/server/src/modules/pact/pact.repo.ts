import type { LifecycleEvent, Pact } from '@concord/core';
import type { Queryable } from '../../db/database.ts';

export interface VersionRow {
  pactId: string;
  version: number;
  document: Pact;
  source: string;
  sourceFormat: 'yaml' | 'json';
  canonicalSha256: string;
  createdAt: Date;
  createdBy: string;
}

export interface EventRow {
  id: number;
  pactId: string;
  type: 'signed' | 'suspended' | 'resumed' | 'renewed';
  version: number | null;
  party: string | null;
  signature: string | null;
  sunset: string | null;
  reason: string | null;
  at: Date;
  actor: string;
}

type R<T> = T & Record<string, unknown>;

export const insertPact = async (q: Queryable, pact: { id: string; title: string; createdAt: Date }) =>
  (await q.query('INSERT INTO pacts (id, title, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id', [pact.id, pact.title, pact.createdAt]))
    .length === 1;

export const insertVersion = (q: Queryable, row: Omit<VersionRow, 'createdAt'> & { createdAt: Date }) =>
  q.query(
    `INSERT INTO pact_versions (pact_id, version, document, source, source_format, canonical_sha256, effective, sunset, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [row.pactId, row.version, JSON.stringify(row.document), row.source, row.sourceFormat, row.canonicalSha256, row.document.effective, row.document.sunset, row.createdAt, row.createdBy],
  );

export const updateTitle = (q: Queryable, id: string, title: string) => q.query('UPDATE pacts SET title = $2 WHERE id = $1', [id, title]);

export const listPacts = (q: Queryable) =>
  q.query<R<{ id: string; title: string; createdAt: Date; versions: number }>>(
    `SELECT p.id, p.title, p.created_at AS "createdAt", count(v.version)::int8 AS versions
     FROM pacts p LEFT JOIN pact_versions v ON v.pact_id = p.id GROUP BY p.id ORDER BY p.id`,
  );

export const listVersions = (q: Queryable, pactId: string) =>
  q.query<R<VersionRow>>(
    `SELECT pact_id AS "pactId", version, document, source, source_format AS "sourceFormat", canonical_sha256 AS "canonicalSha256",
       created_at AS "createdAt", created_by AS "createdBy"
     FROM pact_versions WHERE pact_id = $1 ORDER BY version`,
    [pactId],
  );

export const listEvents = (q: Queryable, pactId: string) =>
  q.query<R<EventRow>>(
    `SELECT id, pact_id AS "pactId", type, version, party, signature, sunset, reason, at, actor
     FROM pact_events WHERE pact_id = $1 ORDER BY at, id`,
    [pactId],
  );

export const insertEvent = (q: Queryable, event: Omit<EventRow, 'id'>) =>
  q.query(
    `INSERT INTO pact_events (pact_id, type, version, party, signature, sunset, reason, at, actor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [event.pactId, event.type, event.version, event.party, event.signature, event.sunset, event.reason, event.at, event.actor],
  );

/** The lifecycle events in the shape core/pact/lifecycle.ts reads. */
export const toLifecycle = (rows: readonly EventRow[]): LifecycleEvent[] =>
  rows.map((row): LifecycleEvent => {
    const at = row.at.toISOString();
    switch (row.type) {
      case 'signed':
        return { type: 'signed', version: row.version!, party: row.party!, at };
      case 'suspended':
        return { type: 'suspended', at, ...(row.reason ? { reason: row.reason } : {}) };
      case 'resumed':
        return { type: 'resumed', at };
      case 'renewed':
        return { type: 'renewed', version: row.version!, at, sunset: row.sunset! };
    }
  });

export interface DecisionRow {
  id: string;
  at: Date;
  pactId: string | null;
  pactVersion: number | null;
  clauseId: string | null;
  effect: 'permit' | 'deny';
  kind: string;
  request: unknown;
  obligations: unknown;
  reasons: string[];
  parties: string[];
  actor: string;
  purpose: string | null;
}

export const insertDecision = (q: Queryable, d: DecisionRow) =>
  q.query(
    `INSERT INTO pact_decisions (id, at, pact_id, pact_version, clause_id, effect, kind, request, obligations, reasons, parties, actor, purpose)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [d.id, d.at, d.pactId, d.pactVersion, d.clauseId, d.effect, d.kind, JSON.stringify(d.request), JSON.stringify(d.obligations), JSON.stringify(d.reasons), d.parties, d.actor, d.purpose],
  );

export const listDecisions = (
  q: Queryable,
  filter: { parties?: readonly string[]; effect?: 'permit' | 'deny'; kind?: string; clauseId?: string; before?: Date; limit: number },
) => {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.parties) add('parties && ?::text[]', filter.parties);
  if (filter.effect) add('effect = ?', filter.effect);
  if (filter.kind) add('kind = ?', filter.kind);
  if (filter.clauseId) add('clause_id = ?', filter.clauseId);
  if (filter.before) add('at < ?', filter.before);
  params.push(filter.limit);
  return q.query<R<DecisionRow>>(
    `SELECT id, at, pact_id AS "pactId", pact_version AS "pactVersion", clause_id AS "clauseId", effect, kind, request, obligations, reasons,
       parties, actor, purpose
     FROM pact_decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id LIMIT $${params.length}`,
    params,
  );
};
