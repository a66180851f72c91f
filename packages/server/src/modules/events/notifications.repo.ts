import type { Queryable } from '../../db/database.ts';

export interface EscalationRow {
  id: string;
  eventId: string;
  at: Date;
  alertLevel: number;
  effect: 'permit' | 'deny';
  decisionId: string | null;
  pactId: string | null;
  pactVersion: number | null;
  clauseId: string | null;
  lead: string[];
  decides: string[];
  decideBy: Date | null;
  reasons: string[];
}

type R<T> = T & Record<string, unknown>;

export const insertEscalation = (q: Queryable, e: EscalationRow) =>
  q.query(
    `INSERT INTO escalations (id, event_id, at, alert_level, effect, decision_id, pact_id, pact_version, clause_id, lead, decides, decide_by, reasons)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [e.id, e.eventId, e.at, e.alertLevel, e.effect, e.decisionId, e.pactId, e.pactVersion, e.clauseId, e.lead, e.decides, e.decideBy, e.reasons],
  );

export const escalationsOf = (q: Queryable, eventId: string) =>
  q.query<R<EscalationRow>>(
    `SELECT id, event_id AS "eventId", at, alert_level AS "alertLevel", effect, decision_id AS "decisionId", pact_id AS "pactId",
       pact_version AS "pactVersion", clause_id AS "clauseId", lead, decides, decide_by AS "decideBy", reasons
     FROM escalations WHERE event_id = $1 ORDER BY at`,
    [eventId],
  );

export interface NotificationRow {
  id: string;
  eventId: string;
  escalationId: string | null;
  channel: 'pact' | 'ihr';
  recipient: string;
  jurisdiction: string;
  role: string | null;
  alertLevel: number | null;
  sentAt: Date;
  dueAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  overdueAt: Date | null;
  synthetic: boolean;
}

const SELECT = `SELECT id, event_id AS "eventId", escalation_id AS "escalationId", channel, recipient, jurisdiction, role,
  alert_level AS "alertLevel", sent_at AS "sentAt", due_at AS "dueAt", acknowledged_at AS "acknowledgedAt",
  acknowledged_by AS "acknowledgedBy", overdue_at AS "overdueAt", synthetic FROM notifications`;

export const insertNotifications = (q: Queryable, rows: readonly NotificationRow[]) =>
  rows.length === 0
    ? Promise.resolve([])
    : q.query(
        `INSERT INTO notifications (id, event_id, escalation_id, channel, recipient, jurisdiction, role, alert_level, sent_at, due_at,
           acknowledged_at, acknowledged_by, overdue_at, synthetic)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int4[],
           $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::text[], $13::timestamptz[], $14::bool[])`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.eventId),
          rows.map((r) => r.escalationId),
          rows.map((r) => r.channel),
          rows.map((r) => r.recipient),
          rows.map((r) => r.jurisdiction),
          rows.map((r) => r.role),
          rows.map((r) => r.alertLevel),
          rows.map((r) => r.sentAt.toISOString()),
          rows.map((r) => r.dueAt.toISOString()),
          rows.map((r) => r.acknowledgedAt?.toISOString() ?? null),
          rows.map((r) => r.acknowledgedBy),
          rows.map((r) => r.overdueAt?.toISOString() ?? null),
          rows.map((r) => r.synthetic),
        ],
      );

export const notificationsOf = (q: Queryable, eventId: string) => q.query<R<NotificationRow>>(`${SELECT} WHERE event_id = $1 ORDER BY sent_at, recipient`, [eventId]);

export const getNotification = async (q: Queryable, id: string, lock = false) =>
  (await q.query<R<NotificationRow>>(`${SELECT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]))[0];

/** A jurisdiction's inbox (pact channel addressed to it), open ones first. */
export const inbox = (q: Queryable, filter: { jurisdiction?: string; open?: boolean; limit: number }) => {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.jurisdiction) {
    params.push(filter.jurisdiction);
    where.push(`jurisdiction = $${params.length}`);
  }
  if (filter.open) where.push('acknowledged_at IS NULL');
  params.push(filter.limit);
  return q.query<R<NotificationRow>>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY (acknowledged_at IS NULL) DESC, due_at LIMIT $${params.length}`,
    params,
  );
};

export const acknowledge = (q: Queryable, id: string, at: Date, by: string) =>
  q.query('UPDATE notifications SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1', [id, at, by]);

/** Marks every open notification past its due time as overdue, once; returns the ones marked. */
export const markOverdue = (q: Queryable, now: Date) =>
  q.query<{ id: string; eventId: string; recipient: string; dueAt: Date }>(
    `UPDATE notifications SET overdue_at = $1
     WHERE acknowledged_at IS NULL AND overdue_at IS NULL AND due_at < $1
     RETURNING id, event_id AS "eventId", recipient, due_at AS "dueAt"`,
    [now],
  );

/** Open IHR notifications of an event (to WHO), so an event is not put to WHO twice. */
export const openIhrNotification = async (q: Queryable, eventId: string) =>
  (await q.query<{ id: string }>("SELECT id FROM notifications WHERE event_id = $1 AND channel = 'ihr' AND acknowledged_at IS NULL", [eventId]))[0];
