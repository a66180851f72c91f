import type { Queryable } from '../../db/database.ts';

type R<T> = T & Record<string, unknown>;

export type RequestStatus = 'pending' | 'approved' | 'partially-approved' | 'refused' | 'shipped' | 'received' | 'repaid';

export interface RequestRow {
  id: string;
  product: string;
  quantity: number;
  lender: string;
  borrower: string;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
  decisionId: string;
  pactId: string;
  pactVersion: number;
  clauseId: string;
  decideBy: Date;
  deciders: string[];
  repayWithinDays: number;
  repayInKind: boolean;
  status: RequestStatus;
  approvedQuantity: number | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionReason: string | null;
  shippedAt: Date | null;
  shippedFrom: string | null;
  receivedAt: Date | null;
  receivedInto: string | null;
  repayDue: string | null;
  repaidQuantity: number;
  decisionOverdueAt: Date | null;
  repaymentOverdueAt: Date | null;
  allocationId: string | null;
  /** The jurisdiction whose message created this copy; null for a request opened on this node. */
  origin: string | null;
  /** The alert level the asking party stated when the request crossed nodes. */
  askerAlert: { disease: string; level: number } | null;
}

export type NewRequest = Pick<
  RequestRow,
  | 'id'
  | 'product'
  | 'quantity'
  | 'lender'
  | 'borrower'
  | 'reason'
  | 'requestedAt'
  | 'requestedBy'
  | 'decisionId'
  | 'pactId'
  | 'pactVersion'
  | 'clauseId'
  | 'decideBy'
  | 'deciders'
  | 'repayWithinDays'
  | 'repayInKind'
  | 'allocationId'
> & Partial<Pick<RequestRow, 'origin' | 'askerAlert'>>;

const COLUMNS = `id, product, quantity, lender, borrower, reason, requested_at AS "requestedAt", requested_by AS "requestedBy",
  decision_id AS "decisionId", pact_id AS "pactId", pact_version AS "pactVersion", clause_id AS "clauseId", decide_by AS "decideBy",
  deciders, repay_within_days AS "repayWithinDays", repay_in_kind AS "repayInKind", status, approved_quantity AS "approvedQuantity",
  decided_at AS "decidedAt", decided_by AS "decidedBy", decision_reason AS "decisionReason", shipped_at AS "shippedAt",
  shipped_from AS "shippedFrom", received_at AS "receivedAt", received_into AS "receivedInto", repay_due AS "repayDue",
  repaid_quantity AS "repaidQuantity", decision_overdue_at AS "decisionOverdueAt", repayment_overdue_at AS "repaymentOverdueAt",
  allocation_id AS "allocationId", origin, asker_alert AS "askerAlert"`;

/** Inserts a request; false when one with this id is already here (a copy that arrived before, by another message). */
export const insertRequest = async (q: Queryable, r: NewRequest) =>
  (
    await q.query(
      `INSERT INTO stock_requests (id, product, quantity, lender, borrower, reason, requested_at, requested_by, decision_id, pact_id, pact_version,
         clause_id, decide_by, deciders, repay_within_days, repay_in_kind, status, allocation_id, origin, asker_alert)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'pending', $17, $18, $19)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [r.id, r.product, r.quantity, r.lender, r.borrower, r.reason, r.requestedAt, r.requestedBy, r.decisionId, r.pactId, r.pactVersion, r.clauseId,
        r.decideBy, r.deciders, r.repayWithinDays, r.repayInKind, r.allocationId, r.origin ?? null, r.askerAlert ? JSON.stringify(r.askerAlert) : null],
    )
  ).length === 1;

export const findRequest = async (q: Queryable, id: string, lock = false) =>
  (await q.query<R<RequestRow>>(`SELECT ${COLUMNS} FROM stock_requests WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]))[0];

export const listRequests = (
  q: Queryable,
  filter: { parties?: readonly string[]; party?: string; status?: readonly RequestStatus[]; product?: string; limit: number },
) =>
  q.query<R<RequestRow>>(
    `SELECT ${COLUMNS} FROM stock_requests
     WHERE ($1::text[] IS NULL OR lender = ANY($1) OR borrower = ANY($1)) AND ($2::text IS NULL OR lender = $2 OR borrower = $2)
       AND ($3::text[] IS NULL OR status = ANY($3)) AND ($4::text IS NULL OR product = $4)
     ORDER BY requested_at DESC LIMIT $5`,
    [filter.parties ?? null, filter.party ?? null, filter.status ?? null, filter.product ?? null, filter.limit],
  );

/** Sets the given columns of one request (names are this file's own, never user input). */
export const updateRequest = (q: Queryable, id: string, changes: Partial<Record<keyof typeof SETTABLE, unknown>>) => {
  const entries = Object.entries(changes) as [keyof typeof SETTABLE, unknown][];
  const sets = entries.map(([key], i) => `${SETTABLE[key]} = $${i + 2}`);
  return q.query(`UPDATE stock_requests SET ${sets.join(', ')} WHERE id = $1`, [id, ...entries.map(([, value]) => value)]);
};

const SETTABLE = {
  status: 'status',
  approvedQuantity: 'approved_quantity',
  decidedAt: 'decided_at',
  decidedBy: 'decided_by',
  decisionReason: 'decision_reason',
  shippedAt: 'shipped_at',
  shippedFrom: 'shipped_from',
  receivedAt: 'received_at',
  receivedInto: 'received_into',
  repayDue: 'repay_due',
  repaidQuantity: 'repaid_quantity',
} as const;

export const insertRepayment = (
  q: Queryable,
  r: { id: string; requestId: string; quantity: number; at: Date; fromStore: string; toStore: string; recordedBy: string },
) =>
  q.query(
    `INSERT INTO stock_repayments (id, request_id, quantity, at, from_store, to_store, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.id, r.requestId, r.quantity, r.at, r.fromStore, r.toStore, r.recordedBy],
  );

export const listRepayments = (q: Queryable, requestId: string) =>
  q.query<R<{ id: string; quantity: number; at: Date; fromStore: string; toStore: string; recordedBy: string }>>(
    `SELECT id, quantity, at, from_store AS "fromStore", to_store AS "toStore", recorded_by AS "recordedBy"
     FROM stock_repayments WHERE request_id = $1 ORDER BY at`,
    [requestId],
  );

/** Pending requests whose decision clock ran out, flagged once. */
export const flagDecisionsOverdue = (q: Queryable, now: Date) =>
  q.query<R<{ id: string; borrower: string; lender: string; decideBy: Date }>>(
    `UPDATE stock_requests SET decision_overdue_at = $1
     WHERE status = 'pending' AND decide_by < $1 AND decision_overdue_at IS NULL
     RETURNING id, borrower, lender, decide_by AS "decideBy"`,
    [now],
  );

/** Shipped stock not repaid in full by its due date, flagged once. */
export const flagRepaymentsOverdue = (q: Queryable, now: Date) =>
  q.query<R<{ id: string; borrower: string; lender: string; repayDue: string; outstanding: number }>>(
    `UPDATE stock_requests SET repayment_overdue_at = $1
     WHERE status IN ('shipped', 'received') AND repay_due < ($1::timestamptz AT TIME ZONE 'UTC')::date AND repayment_overdue_at IS NULL
     RETURNING id, borrower, lender, repay_due AS "repayDue", approved_quantity - repaid_quantity AS outstanding`,
    [now],
  );

/** Open demand: what pending requests ask for, per borrower and product. */
export const pendingNeeds = (q: Queryable, products: readonly string[]) =>
  q.query<R<{ borrower: string; product: string; quantity: number }>>(
    `SELECT borrower, product, sum(quantity)::int8 AS quantity FROM stock_requests
     WHERE status = 'pending' AND product = ANY($1) GROUP BY borrower, product ORDER BY borrower, product`,
    [products],
  );
