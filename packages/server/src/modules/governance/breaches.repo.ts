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
