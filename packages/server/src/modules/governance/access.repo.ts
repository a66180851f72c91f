import type { Queryable } from '../../db/database.ts';

export interface AccessRow {
  id: string;
  at: Date;
  actor: string;
  actorJurisdiction: string | null;
  role: string | null;
  dataset: string;
  owner: string;
  purpose: string;
  action: 'read' | 'send';
  recipient: string | null;
  basis: 'own-jurisdiction' | 'pact';
  decisionId: string | null;
  pactId: string | null;
  pactVersion: number | null;
  clauseId: string | null;
  records: number;
  fields: string[];
  subjects: string[];
}

export const insertAccess = (q: Queryable, row: AccessRow) =>
  q.query(
    `INSERT INTO access_log (id, at, actor, actor_jurisdiction, role, dataset, owner, purpose, action, recipient, basis, decision_id, pact_id,
       pact_version, clause_id, records, fields, subjects)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [row.id, row.at, row.actor, row.actorJurisdiction, row.role, row.dataset, row.owner, row.purpose, row.action, row.recipient, row.basis,
      row.decisionId, row.pactId, row.pactVersion, row.clauseId, row.records, row.fields, row.subjects],
  );

export const listAccess = (q: Queryable, filter: { owner: string; from?: Date; to?: Date; limit: number }) =>
  q.query<AccessRow & Record<string, unknown>>(
    `SELECT id, at, actor, actor_jurisdiction AS "actorJurisdiction", role, dataset, owner, purpose, action, recipient, basis,
       decision_id AS "decisionId", pact_id AS "pactId", pact_version AS "pactVersion", clause_id AS "clauseId", records, fields, subjects
     FROM access_log WHERE owner = $1 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
     ORDER BY at DESC LIMIT $4`,
    [filter.owner, filter.from ?? null, filter.to ?? null, filter.limit],
  );
