/**
 * Milestones: an indicator, a target and a due date, owed by one party,
 * by each party (`all-parties`), or by the region as a whole. A milestone is
 * met when the indicator reaches the target, open while it has not and the
 * due date (inclusive) has not passed, and missed once it has passed unmet.
 */
import { celContext, evaluateNumber } from './cel.ts';
import type { MilestoneClause } from './clauses.ts';
import type { DecisionContext } from './decision.ts';
import type { Pact } from './model.ts';
import { expandParties } from './parties.ts';
import { dateOf } from './term.ts';
import { compare, type Comparison } from './vocabulary.ts';
import { daysBetween } from '../surveillance/calendar-date.ts';

export type MilestoneState = 'met' | 'open' | 'missed';

export interface MilestoneStatus {
  clauseId: string;
  /** The party that owes it; null for a region-wide milestone. */
  party: string | null;
  target: number;
  comparison: Comparison;
  due: string;
  state: MilestoneState;
  /** Days until the due date (negative once past). */
  daysLeft: number;
  value?: number;
  /** Why the indicator could not be computed, when it could not. */
  error?: string;
}

/** Who owes the milestone: each named party, or null for the region. */
export const milestoneOwers = (pact: Pact, clause: MilestoneClause): (string | null)[] =>
  clause.party === undefined ? [null] : expandParties(pact, [clause.party]);

export const milestoneStatus = (
  pact: Pact,
  clause: MilestoneClause,
  party: string | null,
  context: DecisionContext,
): MilestoneStatus => {
  const comparison = clause.comparison ?? '>=';
  const daysLeft = daysBetween(dateOf(context.now), clause.due);
  const variables = celContext(pact, {
    now: context.now,
    ...(context.alert ? { alert: context.alert } : {}),
    ...(context.indicators ? { indicators: context.indicators } : {}),
    ...(party === null ? {} : { party }),
  });
  const value = evaluateNumber(clause.indicator, variables);
  const base = { clauseId: clause.id, party, target: clause.target, comparison, due: clause.due, daysLeft };
  const pending: MilestoneState = daysLeft >= 0 ? 'open' : 'missed';
  if (!value.ok) return { ...base, state: pending, error: value.error };
  return { ...base, value: value.value, state: compare(value.value, comparison, clause.target) ? 'met' : pending };
};

export const describeMilestone = (status: MilestoneStatus): string => {
  const owner = status.party === null ? 'the region' : status.party;
  const value = status.value === undefined ? `no value (${status.error ?? 'unknown'})` : `value ${status.value}`;
  const when = status.daysLeft >= 0 ? `due ${status.due}, ${status.daysLeft} day(s) left` : `was due ${status.due}`;
  return `milestone \`${status.clauseId}\` for ${owner}: ${value}, target ${status.comparison} ${status.target}, ${when}`;
};
