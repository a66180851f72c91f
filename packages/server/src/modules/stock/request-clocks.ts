import type { RequestRow } from './sharing.repo.ts';

const HOUR = 3_600_000;

export interface SharingRequest extends Omit<RequestRow, 'decisionOverdueAt' | 'repaymentOverdueAt'> {
  /** The clause's decision clock (decide-within): deadline, hours left (negative once late), and whether it ran out. */
  decisionClock: {
    deadline: string;
    hoursLeft: number | null;
    overdue: boolean;
    flaggedAt: string | null;
    decidedLate: boolean | null;
  };
  /** Shipped lots, as they left the lender's store. */
  shipment: { lot: string; quantity: number; store: string; at: string }[];
  /** The repayment schedule from the clause's repay obligation; null until shipped. */
  repayment: {
    inKind: boolean;
    due: string;
    owed: number;
    repaid: number;
    outstanding: number;
    overdue: boolean;
    flaggedAt: string | null;
    schedule: { due: string; quantity: number }[];
    repayments: { id: string; quantity: number; at: Date; fromStore: string; toStore: string; recordedBy: string }[];
  } | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A request as the dashboard shows it, with its clocks worked out at `now`.
 * The decision clock runs from the request to the clause's deadline and
 * stops at the decision; repayment is owed in full by the due date (the
 * clause gives one period, so the schedule has one line).
 */
export const describeRequest = (
  row: RequestRow,
  now: Date,
  extra: { repayments: NonNullable<SharingRequest['repayment']>['repayments']; shipped: { lot: string; quantity: number; store: string; at: Date }[] },
): SharingRequest => {
  const { decisionOverdueAt, repaymentOverdueAt, ...rest } = row;
  const pending = row.status === 'pending';
  const owed = row.approvedQuantity ?? 0;
  const today = now.toISOString().slice(0, 10);
  return {
    ...rest,
    decisionClock: {
      deadline: row.decideBy.toISOString(),
      hoursLeft: pending ? round1((row.decideBy.getTime() - now.getTime()) / HOUR) : null,
      overdue: pending && now > row.decideBy,
      flaggedAt: decisionOverdueAt?.toISOString() ?? null,
      decidedLate: row.decidedAt ? row.decidedAt > row.decideBy : null,
    },
    shipment: extra.shipped.map((e) => ({ lot: e.lot, quantity: e.quantity, store: e.store, at: e.at.toISOString() })),
    repayment: row.repayDue
      ? {
          inKind: row.repayInKind,
          due: row.repayDue,
          owed,
          repaid: row.repaidQuantity,
          outstanding: owed - row.repaidQuantity,
          overdue: row.status !== 'repaid' && row.repayDue < today,
          flaggedAt: repaymentOverdueAt?.toISOString() ?? null,
          schedule: [{ due: row.repayDue, quantity: owed }],
          repayments: extra.repayments,
        }
      : null,
  };
};
