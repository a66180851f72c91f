import type { Queryable } from '../../db/database.ts';

type R<T> = T & Record<string, unknown>;

export type OutboxStatus = 'pending' | 'delivered' | 'refused' | 'rejected';

export interface OutboxRow {
  seq: number;
  id: string;
  type: string;
  sender: string;
  recipient: string;
  status: OutboxStatus;
  pactId: string | null;
  pactVersion: number | null;
  clauseId: string | null;
  decisionIds: string[];
  reasons: string[];
  withheld: number;
  envelope: Record<string, unknown> | null;
  actor: string;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  deliveredAt: Date | null;
  remoteCode: string | null;
}

const OUTBOX_COLUMNS = `seq, id, type, sender, recipient, status, pact_id AS "pactId", pact_version AS "pactVersion", clause_id AS "clauseId",
  decision_ids AS "decisionIds", reasons, withheld, envelope, actor, created_at AS "createdAt", attempts, next_attempt_at AS "nextAttemptAt",
  last_attempt_at AS "lastAttemptAt", last_error AS "lastError", delivered_at AS "deliveredAt", remote_code AS "remoteCode"`;

export const insertOutbox = (
  q: Queryable,
  row: Omit<OutboxRow, 'seq' | 'attempts' | 'lastAttemptAt' | 'lastError' | 'deliveredAt' | 'remoteCode'> & { jws: string | null },
) =>
  q.query(
    `INSERT INTO federation_outbox (id, type, sender, recipient, status, pact_id, pact_version, clause_id, decision_ids, reasons, withheld,
       envelope, jws, actor, created_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      row.id, row.type, row.sender, row.recipient, row.status, row.pactId, row.pactVersion, row.clauseId, row.decisionIds,
      JSON.stringify(row.reasons), row.withheld, row.envelope === null ? null : JSON.stringify(row.envelope), row.jws, row.actor,
      row.createdAt, row.nextAttemptAt,
    ],
  );

/**
 * Claims up to `limit` due messages for one delivery pass, oldest first,
 * with a lease so that another process on the same server database skips
 * them (SKIP LOCKED) and a crashed pass lets them go when the lease ends.
 * A peer in backoff has nothing due.
 */
export const claimDue = (q: Queryable, now: Date, leaseUntil: Date, limit: number) =>
  q.query<R<{ id: string; seq: number; recipient: string; jws: string; attempts: number }>>(
    `UPDATE federation_outbox o SET lease_until = $2
     WHERE o.id IN (
       SELECT id FROM federation_outbox m
       WHERE m.status = 'pending' AND m.next_attempt_at <= $1 AND (m.lease_until IS NULL OR m.lease_until <= $1)
         AND NOT EXISTS (SELECT 1 FROM federation_peers p WHERE p.code = m.recipient AND p.next_attempt_at > $1)
       ORDER BY m.seq LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING o.id, o.seq, o.recipient, o.jws, o.attempts`,
    [now, leaseUntil, limit],
  );

export const markDelivered = (q: Queryable, id: string, at: Date) =>
  q.query(
    `UPDATE federation_outbox SET status = 'delivered', delivered_at = $2, last_attempt_at = $2, attempts = attempts + 1, lease_until = NULL,
       last_error = NULL WHERE id = $1 AND status = 'pending'`,
    [id, at],
  );

export const markRejected = (q: Queryable, id: string, at: Date, code: string, message: string) =>
  q.query(
    `UPDATE federation_outbox SET status = 'rejected', remote_code = $3, last_error = $4, last_attempt_at = $2, attempts = attempts + 1,
       lease_until = NULL WHERE id = $1 AND status = 'pending'`,
    [id, at, code, message],
  );

/** A failed attempt: counted on the message tried; every leased message goes back to wait until `next`. */
export const markRetry = (q: Queryable, input: { tried: string | null; released: readonly string[]; at: Date; next: Date; error: string }) =>
  q.query(
    `UPDATE federation_outbox SET
       attempts = attempts + CASE WHEN id = $1 THEN 1 ELSE 0 END,
       last_attempt_at = CASE WHEN id = $1 THEN $3 ELSE last_attempt_at END,
       last_error = CASE WHEN id = $1 THEN $5 ELSE last_error END,
       next_attempt_at = GREATEST(next_attempt_at, $4), lease_until = NULL
     WHERE id = ANY($2::uuid[]) AND status = 'pending'`,
    [input.tried, [...input.released], input.at, input.next, input.error],
  );

export interface OutboxFilter {
  /** Messages from or to these jurisdictions only; all when absent. */
  jurisdictions?: readonly string[];
  status?: OutboxStatus;
  recipient?: string;
  type?: string;
  limit: number;
}

export const listOutbox = (q: Queryable, filter: OutboxFilter) => {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.jurisdictions) where.push(`(sender = ANY($${params.push(filter.jurisdictions)}::text[]) OR recipient = ANY($${params.length}::text[]))`);
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  if (filter.recipient) where.push(`recipient = $${params.push(filter.recipient)}`);
  if (filter.type) where.push(`type = $${params.push(filter.type)}`);
  return q.query<R<OutboxRow>>(
    `SELECT ${OUTBOX_COLUMNS} FROM federation_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.push(filter.limit)}`,
    params,
  );
};

export const findOutbox = async (q: Queryable, id: string) =>
  (await q.query<R<OutboxRow & { jws: string | null }>>(`SELECT ${OUTBOX_COLUMNS}, jws FROM federation_outbox WHERE id = $1`, [id]))[0];

/**
 * The recipients of an alert this jurisdiction sent (messages queued or
 * delivered, not refused or rejected), with the level and revision of the
 * last alert or update that went out for it.
 */
export const alertFollowers = async (q: Queryable, sender: string, alertId: string) => {
  const rows = await q.query<R<{ recipient: string; type: string; level: number; revision: number }>>(
    `SELECT recipient, type, (envelope->'payload'->>'level')::int AS level, coalesce((envelope->'payload'->>'revision')::int, 0) AS revision
     FROM federation_outbox
     WHERE sender = $1 AND type IN ('alert', 'alert-update') AND status IN ('pending', 'delivered') AND envelope->'payload'->>'alertId' = $2
     ORDER BY seq`,
    [sender, alertId],
  );
  const last = rows[rows.length - 1];
  return {
    recipients: [...new Set(rows.filter((r) => r.type === 'alert').map((r) => r.recipient))],
    level: last?.level ?? null,
    revision: Math.max(0, ...rows.map((r) => r.revision)),
  };
};

export interface InboxRow {
  id: string;
  type: string;
  sender: string;
  recipient: string;
  pactId: string;
  pactVersion: number;
  clauseId: string;
  senderDecisionId: string;
  decisionIds: string[];
  jwsSha256: string;
  envelope: Record<string, unknown>;
  createdAt: Date;
  receivedAt: Date;
  retainUntil: string | null;
}

/** Stores a received message once; false when its id was already there (a redelivery). */
export const insertInbox = async (q: Queryable, row: InboxRow & { jws: string }) =>
  (
    await q.query(
      `INSERT INTO federation_inbox (id, type, sender, recipient, pact_id, pact_version, clause_id, sender_decision_id, decision_ids, jws_sha256,
         jws, envelope, created_at, received_at, retain_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        row.id, row.type, row.sender, row.recipient, row.pactId, row.pactVersion, row.clauseId, row.senderDecisionId, row.decisionIds,
        row.jwsSha256, row.jws, JSON.stringify(row.envelope), row.createdAt, row.receivedAt, row.retainUntil,
      ],
    )
  ).length === 1;

export const inboxDigest = async (q: Queryable, id: string) =>
  (await q.query<R<{ jwsSha256: string }>>('SELECT jws_sha256 AS "jwsSha256" FROM federation_inbox WHERE id = $1', [id]))[0]?.jwsSha256;

export const listInbox = (q: Queryable, filter: { jurisdictions?: readonly string[]; type?: string; sender?: string; limit: number }) => {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.jurisdictions) where.push(`(recipient = ANY($${params.push(filter.jurisdictions)}::text[]) OR sender = ANY($${params.length}::text[]))`);
  if (filter.type) where.push(`type = $${params.push(filter.type)}`);
  if (filter.sender) where.push(`sender = $${params.push(filter.sender)}`);
  return q.query<R<InboxRow>>(
    `SELECT id, type, sender, recipient, pact_id AS "pactId", pact_version AS "pactVersion", clause_id AS "clauseId",
       sender_decision_id AS "senderDecisionId", decision_ids AS "decisionIds", jws_sha256 AS "jwsSha256", envelope,
       created_at AS "createdAt", received_at AS "receivedAt", retain_until::text AS "retainUntil"
     FROM federation_inbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id LIMIT $${params.push(filter.limit)}`,
    params,
  );
};

/** Past its retention date, a message keeps only its id and digest (which still deduplicate). */
export const expireInbox = (q: Queryable, today: string, at: Date) =>
  q.query<{ id: string }>(
    `UPDATE federation_inbox SET jws = NULL, envelope = envelope - 'payload' || '{"payload":{"expired":true}}'::jsonb, expired_at = $2
     WHERE retain_until < $1::date AND expired_at IS NULL RETURNING id::text AS id`,
    [today, at],
  );

export interface RefusalRow {
  id: string;
  at: Date;
  code: string;
  reason: string;
  messageId: string | null;
  type: string | null;
  sender: string | null;
  recipient: string | null;
  decisionId: string | null;
  jwsSha256: string;
  remote: string | null;
}

export const insertRefusal = (q: Queryable, row: RefusalRow) =>
  q.query(
    `INSERT INTO federation_refusals (id, at, code, reason, message_id, type, sender, recipient, decision_id, jws_sha256, remote)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [row.id, row.at, row.code, row.reason, row.messageId, row.type, row.sender, row.recipient, row.decisionId, row.jwsSha256, row.remote],
  );

export const listRefusals = (q: Queryable, filter: { jurisdictions?: readonly string[]; limit: number }) =>
  q.query<R<RefusalRow>>(
    `SELECT id, at, code, reason, message_id AS "messageId", type, sender, recipient, decision_id AS "decisionId", jws_sha256 AS "jwsSha256", remote
     FROM federation_refusals ${filter.jurisdictions ? 'WHERE recipient = ANY($2::text[]) OR sender = ANY($2::text[])' : ''}
     ORDER BY at DESC, id LIMIT $1`,
    filter.jurisdictions ? [filter.limit, filter.jurisdictions] : [filter.limit],
  );

export interface PeerRow {
  code: string;
  failures: number;
  nextAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastError: string | null;
}

export const peerSucceeded = (q: Queryable, code: string, at: Date) =>
  q.query(
    `INSERT INTO federation_peers (code, failures, next_attempt_at, last_success_at) VALUES ($1, 0, NULL, $2)
     ON CONFLICT (code) DO UPDATE SET failures = 0, next_attempt_at = NULL, last_success_at = $2`,
    [code, at],
  );

/** Counts a failure and returns how many in a row, so the caller can compute the backoff. */
export const peerFailed = async (q: Queryable, code: string, at: Date, error: string) =>
  (
    await q.query<R<{ failures: number }>>(
      `INSERT INTO federation_peers (code, failures, last_failure_at, last_error) VALUES ($1, 1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET failures = federation_peers.failures + 1, last_failure_at = $2, last_error = $3
       RETURNING failures`,
      [code, at, error],
    )
  )[0]!.failures;

export const setPeerBackoff = (q: Queryable, code: string, until: Date) =>
  q.query('UPDATE federation_peers SET next_attempt_at = $2 WHERE code = $1', [code, until]);

export const listPeerState = (q: Queryable) =>
  q.query<R<PeerRow>>(
    `SELECT code, failures, next_attempt_at AS "nextAttemptAt", last_success_at AS "lastSuccessAt", last_failure_at AS "lastFailureAt",
       last_error AS "lastError" FROM federation_peers`,
  );

export const backlog = (q: Queryable) =>
  q.query<R<{ recipient: string; pending: number; oldest: Date }>>(
    `SELECT recipient, count(*)::int8 AS pending, min(created_at) AS oldest FROM federation_outbox WHERE status = 'pending' GROUP BY recipient`,
  );
