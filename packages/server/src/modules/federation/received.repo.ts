import type { Queryable } from '../../db/database.ts';

type R<T> = T & Record<string, unknown>;

export interface ReceivedAlert {
  recipient: string;
  sender: string;
  alertId: string;
  party: string;
  disease: string;
  level: number;
  status: string;
  revision: number;
  title: string | null;
  summary: string | null;
  area: string | null;
  cases: number | null;
  deaths: number | null;
  caseReports: Record<string, unknown>[] | null;
  caseReportsWithheld: number;
  detectedAt: Date | null;
  firstMessageId: string;
  lastMessageId: string;
  messages: number;
  receivedAt: Date;
  updatedAt: Date;
  retainUntil: string | null;
}

/**
 * An alert or one of its updates. The first message creates the row; each
 * later one moves level, status and counts on (an update with an older
 * revision than the row's changes nothing but the message count).
 */
export const upsertAlert = (
  q: Queryable,
  row: Omit<ReceivedAlert, 'firstMessageId' | 'lastMessageId' | 'messages' | 'updatedAt'> & { messageId: string },
) =>
  q.query(
    `INSERT INTO federation_received_alerts (sender, alert_id, party, disease, level, status, revision, title, summary, area, cases, deaths,
       case_reports, case_reports_withheld, detected_at, first_message_id, last_message_id, messages, received_at, updated_at, retain_until, recipient)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, 1, $17, $17, $18, $19)
     ON CONFLICT (recipient, sender, alert_id) DO UPDATE SET
       messages = federation_received_alerts.messages + 1,
       level = CASE WHEN EXCLUDED.revision >= federation_received_alerts.revision THEN EXCLUDED.level ELSE federation_received_alerts.level END,
       status = CASE WHEN EXCLUDED.revision >= federation_received_alerts.revision THEN EXCLUDED.status ELSE federation_received_alerts.status END,
       cases = CASE WHEN EXCLUDED.revision >= federation_received_alerts.revision THEN coalesce(EXCLUDED.cases, federation_received_alerts.cases)
               ELSE federation_received_alerts.cases END,
       deaths = CASE WHEN EXCLUDED.revision >= federation_received_alerts.revision THEN coalesce(EXCLUDED.deaths, federation_received_alerts.deaths)
                ELSE federation_received_alerts.deaths END,
       title = coalesce(federation_received_alerts.title, EXCLUDED.title),
       summary = coalesce(EXCLUDED.summary, federation_received_alerts.summary),
       area = coalesce(federation_received_alerts.area, EXCLUDED.area),
       detected_at = coalesce(federation_received_alerts.detected_at, EXCLUDED.detected_at),
       case_reports = CASE WHEN EXCLUDED.case_reports IS NULL THEN federation_received_alerts.case_reports
                      ELSE coalesce(federation_received_alerts.case_reports, '[]'::jsonb) || EXCLUDED.case_reports END,
       case_reports_withheld = federation_received_alerts.case_reports_withheld + EXCLUDED.case_reports_withheld,
       revision = greatest(federation_received_alerts.revision, EXCLUDED.revision),
       last_message_id = EXCLUDED.last_message_id,
       updated_at = EXCLUDED.updated_at,
       retain_until = greatest(federation_received_alerts.retain_until, EXCLUDED.retain_until)`,
    [
      row.sender, row.alertId, row.party, row.disease, row.level, row.status, row.revision, row.title, row.summary, row.area, row.cases,
      row.deaths, row.caseReports === null ? null : JSON.stringify(row.caseReports), row.caseReportsWithheld, row.detectedAt, row.messageId,
      row.receivedAt, row.retainUntil, row.recipient,
    ],
  );

export const listAlerts = (q: Queryable, filter: { recipients?: readonly string[]; disease?: string; limit: number }) => {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.recipients) where.push(`recipient = ANY($${params.push(filter.recipients)}::text[])`);
  if (filter.disease) where.push(`disease = $${params.push(filter.disease)}`);
  return q.query<R<ReceivedAlert>>(
    `SELECT recipient, sender, alert_id AS "alertId", party, disease, level, status, revision, title, summary, area, cases, deaths,
       case_reports AS "caseReports", case_reports_withheld AS "caseReportsWithheld", detected_at AS "detectedAt",
       first_message_id AS "firstMessageId", last_message_id AS "lastMessageId", messages, received_at AS "receivedAt",
       updated_at AS "updatedAt", retain_until::text AS "retainUntil"
     FROM federation_received_alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY updated_at DESC, recipient, sender, alert_id LIMIT $${params.push(filter.limit)}`,
    params,
  );
};

export interface ReceivedAggregate {
  messageId: string;
  recipient: string;
  sender: string;
  submissionId: string;
  party: string;
  disease: string;
  purpose: string;
  place: string;
  time: string;
  periodStart: string;
  periodEnd: string;
  cells: Record<string, unknown>[];
  suppressedCells: number;
  visibleTotal: number;
  receivedAt: Date;
  retainUntil: string | null;
}

export const insertAggregate = (q: Queryable, row: ReceivedAggregate) =>
  q.query(
    `INSERT INTO federation_received_aggregates (message_id, recipient, sender, submission_id, party, disease, purpose, place, time, period_start,
       period_end, cells, suppressed_cells, visible_total, received_at, retain_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      row.messageId, row.recipient, row.sender, row.submissionId, row.party, row.disease, row.purpose, row.place, row.time, row.periodStart, row.periodEnd,
      JSON.stringify(row.cells), row.suppressedCells, row.visibleTotal, row.receivedAt, row.retainUntil,
    ],
  );

export const listAggregates = (q: Queryable, filter: { recipients?: readonly string[]; disease?: string; party?: string; limit: number }) => {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.recipients) where.push(`recipient = ANY($${params.push(filter.recipients)}::text[])`);
  if (filter.party) where.push(`party = $${params.push(filter.party)}`);
  if (filter.disease) where.push(`disease = $${params.push(filter.disease)}`);
  return q.query<R<ReceivedAggregate>>(
    `SELECT message_id AS "messageId", recipient, sender, submission_id AS "submissionId", party, disease, purpose, place, time,
       period_start AS "periodStart", period_end AS "periodEnd", cells, suppressed_cells AS "suppressedCells", visible_total AS "visibleTotal",
       received_at AS "receivedAt", retain_until::text AS "retainUntil"
     FROM federation_received_aggregates ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY received_at DESC, message_id LIMIT $${params.push(filter.limit)}`,
    params,
  );
};

export interface ReceivedRecord {
  messageId: string;
  type: string;
  sender: string;
  recipient: string;
  subject: string;
  payload: Record<string, unknown>;
  receivedAt: Date;
  retainUntil: string | null;
}

export const insertRecord = (q: Queryable, row: ReceivedRecord) =>
  q.query(
    `INSERT INTO federation_received_records (message_id, type, sender, recipient, subject, payload, received_at, retain_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.messageId, row.type, row.sender, row.recipient, row.subject, JSON.stringify(row.payload), row.receivedAt, row.retainUntil],
  );

export const listRecords = (q: Queryable, filter: { recipients?: readonly string[]; type?: string; subject?: string; limit: number }) => {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.recipients) where.push(`recipient = ANY($${params.push(filter.recipients)}::text[])`);
  if (filter.type) where.push(`type = $${params.push(filter.type)}`);
  if (filter.subject) where.push(`subject = $${params.push(filter.subject)}`);
  return q.query<R<ReceivedRecord>>(
    `SELECT message_id AS "messageId", type, sender, recipient, subject, payload, received_at AS "receivedAt", retain_until::text AS "retainUntil"
     FROM federation_received_records ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY received_at DESC, message_id LIMIT $${params.push(filter.limit)}`,
    params,
  );
};

/*
 * Retention (retention-targets.ts): what the pact said to keep no longer.
 * Each returns the identifiers of what went, for the retention record.
 */

/** Line lists in received alerts past their date: the alert stays, its case reports go. */
export const expireAlertLineLists = (q: Queryable, today: string) =>
  q.query<{ id: string }>(
    `UPDATE federation_received_alerts SET case_reports = NULL WHERE retain_until < $1::date AND case_reports IS NOT NULL
     RETURNING recipient || '/' || sender || '/' || alert_id AS id`,
    [today],
  );

export const deleteExpiredAggregates = (q: Queryable, today: string) =>
  q.query<{ id: string }>('DELETE FROM federation_received_aggregates WHERE retain_until < $1::date RETURNING message_id::text AS id', [today]);

export const deleteExpiredRecords = (q: Queryable, today: string) =>
  q.query<{ id: string }>('DELETE FROM federation_received_records WHERE retain_until < $1::date RETURNING message_id::text AS id', [today]);
