import type { Queryable } from '../../db/database.ts';
import { maybeOne } from '../../db/database.ts';

export interface Remedy {
  action: string;
  owner: string;
  due: string;
  doneAt: string | null;
}

export interface BreachRow {
  id: string;
  party: string;
  title: string;
  nature: string;
  awareAt: Date;
  reportedAt: Date;
  reportedBy: string;
  status: 'reported' | 'assessed' | 'contained' | 'notified' | 'closed';
  risk: 'unlikely' | 'risk' | 'high' | null;
  notificationRequired: boolean | null;
  dataSubjects: string | null;
  subjectsApprox: number | null;
  records: string | null;
  recordsApprox: number | null;
  likelyConsequences: string | null;
  measures: string | null;
  contactPoint: string | null;
  authority: string | null;
  reasonsForDelay: string | null;
  containedAt: Date | null;
  notifiedAt: Date | null;
  subjectsNotifiedAt: Date | null;
  closedAt: Date | null;
  overdueAlertedAt: Date | null;
  remedies: Remedy[];
}

const COLUMNS = `id, party, title, nature, aware_at AS "awareAt", reported_at AS "reportedAt", reported_by AS "reportedBy", status, risk,
  notification_required AS "notificationRequired", data_subjects AS "dataSubjects", subjects_approx AS "subjectsApprox", records,
  records_approx AS "recordsApprox", likely_consequences AS "likelyConsequences", measures, contact_point AS "contactPoint", authority,
  reasons_for_delay AS "reasonsForDelay", contained_at AS "containedAt", notified_at AS "notifiedAt",
  subjects_notified_at AS "subjectsNotifiedAt", closed_at AS "closedAt", overdue_alerted_at AS "overdueAlertedAt", remedies`;

type R = BreachRow & Record<string, unknown>;

const COLUMN_OF: Record<string, string> = {
  status: 'status',
  risk: 'risk',
  notificationRequired: 'notification_required',
  dataSubjects: 'data_subjects',
  subjectsApprox: 'subjects_approx',
  records: 'records',
  recordsApprox: 'records_approx',
  likelyConsequences: 'likely_consequences',
  measures: 'measures',
  contactPoint: 'contact_point',
  authority: 'authority',
  reasonsForDelay: 'reasons_for_delay',
  containedAt: 'contained_at',
  notifiedAt: 'notified_at',
  subjectsNotifiedAt: 'subjects_notified_at',
  closedAt: 'closed_at',
  overdueAlertedAt: 'overdue_alerted_at',
  remedies: 'remedies',
};

export const insertBreach = (q: Queryable, b: Pick<BreachRow, 'id' | 'party' | 'title' | 'nature' | 'awareAt' | 'reportedAt' | 'reportedBy'>) =>
  q.query(
    `INSERT INTO breaches (id, party, title, nature, aware_at, reported_at, reported_by, status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'reported')`,
    [b.id, b.party, b.title, b.nature, b.awareAt, b.reportedAt, b.reportedBy],
  );

export const updateBreach = async (q: Queryable, id: string, changes: Partial<BreachRow>) => {
  const entries = Object.entries(changes).filter(([key]) => key in COLUMN_OF);
  const sets = entries.map(([key], i) => `${COLUMN_OF[key]} = $${i + 2}`);
  const values = entries.map(([key, value]) => (key === 'remedies' ? JSON.stringify(value) : value));
  await q.query(`UPDATE breaches SET ${sets.join(', ')} WHERE id = $1`, [id, ...values]);
};

export const findBreach = (q: Queryable, id: string, forUpdate = false) =>
  maybeOne<R>(q, `SELECT ${COLUMNS} FROM breaches WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);

export const listBreaches = (q: Queryable, filter: { parties?: readonly string[]; open?: boolean }) =>
  q.query<R>(
    `SELECT ${COLUMNS} FROM breaches WHERE ($1::text[] IS NULL OR party = ANY($1)) AND ($2::boolean IS NULL OR ($2 = (status <> 'closed')))
     ORDER BY reported_at DESC`,
    [filter.parties ?? null, filter.open ?? null],
  );

/** Breaches whose authority notification is still owed: not notified, not exempted, not closed. */
export const listAwaitingNotification = (q: Queryable) =>
  q.query<R>(`SELECT ${COLUMNS} FROM breaches WHERE notified_at IS NULL AND notification_required IS DISTINCT FROM false AND status <> 'closed'`);

export const insertBreachEvent = (q: Queryable, e: { breachId: string; at: Date; actor: string; type: string; details: Record<string, unknown> }) =>
  q.query('INSERT INTO breach_events (breach_id, at, actor, type, details) VALUES ($1, $2, $3, $4, $5)', [e.breachId, e.at, e.actor, e.type, JSON.stringify(e.details)]);

export const listBreachEvents = (q: Queryable, breachId: string) =>
  q.query<{ at: Date; actor: string; type: string; details: Record<string, unknown> } & Record<string, unknown>>(
    'SELECT at, actor, type, details FROM breach_events WHERE breach_id = $1 ORDER BY at, id',
    [breachId],
  );

export interface BreachAlertRow {
  id: string;
  breachId: string;
  kind: 'overdue';
  jurisdiction: string;
  role: string;
  raisedAt: Date;
  deadline: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

const ALERT_COLUMNS = `a.id, a.breach_id AS "breachId", a.kind, a.jurisdiction, a.role, a.raised_at AS "raisedAt", a.deadline,
  a.acknowledged_at AS "acknowledgedAt", a.acknowledged_by AS "acknowledgedBy"`;

/** The hub jurisdictions, whose coordinators hear of every overdue breach in the region. */
export const hubJurisdictions = async (q: Queryable) =>
  (await q.query<{ code: string }>(`SELECT code FROM jurisdictions WHERE kind = 'hub' ORDER BY code`)).map((row) => row.code);

/** Inserts alerts, skipping any already raised for the same breach, kind and addressee; returns those inserted. */
export const insertAlerts = (q: Queryable, rows: readonly Omit<BreachAlertRow, 'acknowledgedAt' | 'acknowledgedBy'>[]) =>
  rows.length === 0
    ? Promise.resolve([])
    : q.query<{ id: string }>(
        `INSERT INTO breach_alerts (id, breach_id, kind, jurisdiction, role, raised_at, deadline)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
         ON CONFLICT (breach_id, kind, jurisdiction, role) DO NOTHING RETURNING id`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.breachId),
          rows.map((r) => r.kind),
          rows.map((r) => r.jurisdiction),
          rows.map((r) => r.role),
          rows.map((r) => r.raisedAt.toISOString()),
          rows.map((r) => r.deadline.toISOString()),
        ],
      );

/** Alerts addressed to a jurisdiction and any of the given roles, open ones first, with their breach's title and party. */
export const alertsFor = (q: Queryable, filter: { jurisdiction: string; roles: readonly string[]; open?: boolean; limit: number }) =>
  q.query<BreachAlertRow & { title: string; party: string; status: string } & Record<string, unknown>>(
    `SELECT ${ALERT_COLUMNS}, b.title, b.party, b.status FROM breach_alerts a JOIN breaches b ON b.id = a.breach_id
     WHERE a.jurisdiction = $1 AND a.role = ANY($2::text[]) AND ($3::boolean IS NOT TRUE OR a.acknowledged_at IS NULL)
     ORDER BY (a.acknowledged_at IS NULL) DESC, a.raised_at DESC LIMIT $4`,
    [filter.jurisdiction, filter.roles, filter.open ?? null, filter.limit],
  );

export const findAlert = (q: Queryable, id: string) =>
  maybeOne<BreachAlertRow & { party: string } & Record<string, unknown>>(
    q,
    `SELECT ${ALERT_COLUMNS}, b.party FROM breach_alerts a JOIN breaches b ON b.id = a.breach_id WHERE a.id = $1 FOR UPDATE OF a`,
    [id],
  );

export const acknowledgeAlert = (q: Queryable, id: string, at: Date, by: string) =>
  q.query('UPDATE breach_alerts SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1', [id, at, by]);
