import type { ResponseActionRecord, TimelinessFactor } from '@concord/core';
import type { Queryable } from '../../db/database.ts';

export type EventStatus = 'verification' | 'confirmed' | 'discarded' | 'closed';

export interface EventRecord {
  id: string;
  party: string;
  area: string | null;
  disease: string | null;
  title: string;
  summary: string | null;
  status: EventStatus;
  signalId: string | null;
  alertLevel: number | null;
  riskLevel: string | null;
  ihrOutcome: string | null;
  emergenceDate: string | null;
  detectionDate: string | null;
  notificationDate: string | null;
  responseActions: ResponseActionRecord[];
  bottlenecks: TimelinessFactor[];
  enablers: TimelinessFactor[];
  cases: number | null;
  deaths: number | null;
  openedAt: Date;
  openedBy: string;
  updatedAt: Date;
  closedAt: Date | null;
  synthetic: boolean;
}

type R<T> = T & Record<string, unknown>;

const SELECT = `SELECT id, party, area, disease, title, summary, status, signal_id AS "signalId", alert_level AS "alertLevel",
  risk_level AS "riskLevel", ihr_outcome AS "ihrOutcome", emergence_date AS "emergenceDate", detection_date AS "detectionDate",
  notification_date AS "notificationDate", response_actions AS "responseActions", bottlenecks, enablers, cases, deaths,
  opened_at AS "openedAt", opened_by AS "openedBy", updated_at AS "updatedAt", closed_at AS "closedAt", synthetic FROM events`;

export const insertEvent = (q: Queryable, e: EventRecord) =>
  q.query(
    `INSERT INTO events (id, party, area, disease, title, summary, status, signal_id, alert_level, risk_level, ihr_outcome,
       emergence_date, detection_date, notification_date, response_actions, bottlenecks, enablers, cases, deaths,
       opened_at, opened_by, updated_at, closed_at, synthetic)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
    [
      e.id, e.party, e.area, e.disease, e.title, e.summary, e.status, e.signalId, e.alertLevel, e.riskLevel, e.ihrOutcome,
      e.emergenceDate, e.detectionDate, e.notificationDate, JSON.stringify(e.responseActions), JSON.stringify(e.bottlenecks),
      JSON.stringify(e.enablers), e.cases, e.deaths, e.openedAt, e.openedBy, e.updatedAt, e.closedAt, e.synthetic,
    ],
  );

/** Writes the changeable fields of an event back. */
export const updateEvent = (q: Queryable, e: EventRecord) =>
  q.query(
    `UPDATE events SET area = $2, title = $3, summary = $4, status = $5, alert_level = $6, risk_level = $7, ihr_outcome = $8,
       emergence_date = $9, detection_date = $10, notification_date = $11, response_actions = $12, bottlenecks = $13,
       enablers = $14, cases = $15, deaths = $16, updated_at = $17, closed_at = $18
     WHERE id = $1`,
    [
      e.id, e.area, e.title, e.summary, e.status, e.alertLevel, e.riskLevel, e.ihrOutcome, e.emergenceDate, e.detectionDate,
      e.notificationDate, JSON.stringify(e.responseActions), JSON.stringify(e.bottlenecks), JSON.stringify(e.enablers),
      e.cases, e.deaths, e.updatedAt, e.closedAt,
    ],
  );

export const getEvent = async (q: Queryable, id: string, lock = false) =>
  (await q.query<R<EventRecord>>(`${SELECT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]))[0];

export interface EventFilter {
  /** Events of these parties, or told to this jurisdiction; all when absent (region-wide readers). */
  visibleTo?: string;
  party?: string;
  disease?: string;
  status?: EventStatus;
  open?: boolean;
  from?: string;
  to?: string;
  limit: number;
}

export const listEvents = (q: Queryable, filter: EventFilter) => {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  add('(party = ? OR id IN (SELECT event_id FROM notifications WHERE jurisdiction = ?))', filter.visibleTo);
  add('party = ?', filter.party);
  add('disease = ?', filter.disease);
  add('status = ?', filter.status);
  if (filter.open === true) where.push("status IN ('verification', 'confirmed')");
  if (filter.open === false) where.push("status IN ('discarded', 'closed')");
  add('coalesce(detection_date, opened_at::date) >= ?::date', filter.from);
  add('coalesce(detection_date, opened_at::date) <= ?::date', filter.to);
  params.push(filter.limit);
  return q.query<R<EventRecord>>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at DESC LIMIT $${params.length}`,
    params,
  );
};

/** Every event that counts for 7-1-7: not discarded. */
export const timelinessEvents = (q: Queryable, filter: { party?: string; from?: string; to?: string }) => {
  const params: unknown[] = [];
  const where = ["status <> 'discarded'"];
  for (const [sql, value] of [
    ['party = ?', filter.party],
    ['coalesce(detection_date, opened_at::date) >= ?::date', filter.from],
    ['coalesce(detection_date, opened_at::date) <= ?::date', filter.to],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  }
  return q.query<R<EventRecord>>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY opened_at`, params);
};

/** The highest alert level per party and disease among open events. */
export const openAlertLevels = (q: Queryable) =>
  q.query<{ party: string; disease: string; level: number }>(
    `SELECT party, disease, max(alert_level)::int4 AS level FROM events
     WHERE status IN ('verification', 'confirmed') AND alert_level IS NOT NULL AND disease IS NOT NULL
     GROUP BY party, disease ORDER BY party, disease`,
  );

export interface TimelineEntry {
  id: string;
  eventId: string;
  at: Date;
  kind: string;
  actor: string;
  summary: string;
  details: Record<string, unknown>;
}

export const addTimeline = (q: Queryable, entries: readonly TimelineEntry[]) =>
  entries.length === 0
    ? Promise.resolve([])
    : q.query(
        `INSERT INTO event_timeline (id, event_id, at, kind, actor, summary, details)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`,
        [
          entries.map((e) => e.id),
          entries.map((e) => e.eventId),
          entries.map((e) => e.at.toISOString()),
          entries.map((e) => e.kind),
          entries.map((e) => e.actor),
          entries.map((e) => e.summary),
          entries.map((e) => JSON.stringify(e.details)),
        ],
      );

export const timelineOf = (q: Queryable, eventId: string) =>
  q.query<R<TimelineEntry>>(
    'SELECT id, event_id AS "eventId", at, kind, actor, summary, details FROM event_timeline WHERE event_id = $1 ORDER BY at, kind',
    [eventId],
  );

export interface RiskAssessmentRow {
  id: string;
  eventId: string;
  at: Date;
  likelihood: string;
  consequences: string;
  risk: string;
  alertLevel: number;
  rationale: string | null;
  assessedBy: string;
}

export const insertRiskAssessment = (q: Queryable, r: RiskAssessmentRow) =>
  q.query(
    `INSERT INTO risk_assessments (id, event_id, at, likelihood, consequences, risk, alert_level, rationale, assessed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [r.id, r.eventId, r.at, r.likelihood, r.consequences, r.risk, r.alertLevel, r.rationale, r.assessedBy],
  );

export const riskAssessmentsOf = (q: Queryable, eventId: string) =>
  q.query<R<RiskAssessmentRow>>(
    `SELECT id, event_id AS "eventId", at, likelihood, consequences, risk, alert_level AS "alertLevel", rationale, assessed_by AS "assessedBy"
     FROM risk_assessments WHERE event_id = $1 ORDER BY at`,
    [eventId],
  );

export interface IhrAssessmentRow {
  id: string;
  eventId: string;
  at: Date;
  answers: Record<string, boolean>;
  potentialInternationalConcern: boolean;
  outcome: string;
  criteriaMet: string[];
  path: string[];
  reason: string;
  notifyBy: Date | null;
  assessedBy: string;
}

export const insertIhrAssessment = (q: Queryable, r: IhrAssessmentRow) =>
  q.query(
    `INSERT INTO ihr_assessments (id, event_id, at, answers, potential_international_concern, outcome, criteria_met, path, reason, notify_by, assessed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [r.id, r.eventId, r.at, JSON.stringify(r.answers), r.potentialInternationalConcern, r.outcome, r.criteriaMet, r.path, r.reason, r.notifyBy, r.assessedBy],
  );

export const ihrAssessmentsOf = (q: Queryable, eventId: string) =>
  q.query<R<IhrAssessmentRow>>(
    `SELECT id, event_id AS "eventId", at, answers, potential_international_concern AS "potentialInternationalConcern", outcome,
       criteria_met AS "criteriaMet", path, reason, notify_by AS "notifyBy", assessed_by AS "assessedBy"
     FROM ihr_assessments WHERE event_id = $1 ORDER BY at`,
    [eventId],
  );
