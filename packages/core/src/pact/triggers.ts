/**
 * Parametric funding triggers: on every indicator update, which
 * funding-trigger clauses fire, for which recipient, how much, and by when
 * the money must be disbursed. Modelled on parametric instruments such as
 * the WHO Contingency Fund for Emergencies and the World Bank pandemic
 * facility, where a published indicator crossing a published threshold
 * releases money without a fresh negotiation.
 */
import { celContext, evaluateCondition, evaluateNumber } from './cel.ts';
import type { FundingTriggerClause } from './clauses.ts';
import type { DecisionContext } from './decision.ts';
import type { Pact } from './model.ts';
import { expandParties } from './parties.ts';
import { outsideTerm, plusDays } from './term.ts';
import { compare, type Comparison } from './vocabulary.ts';

export interface TriggerEvaluation {
  clauseId: string;
  recipient: string;
  fired: boolean;
  /** The indicator's value, when the clause has an indicator and it could be computed. */
  value?: number;
  threshold?: number;
  comparison?: Comparison;
  envelopeId: string;
  currency: string;
  amount: number;
  /** Date by which the disbursement is due, when the trigger fired. */
  disburseBy?: string;
  reason: string;
}

const contextFor = (pact: Pact, context: DecisionContext, recipient: string) =>
  celContext(pact, {
    now: context.now,
    ...(context.alert ? { alert: context.alert } : {}),
    ...(context.indicators ? { indicators: context.indicators } : {}),
    party: recipient,
  });

/** Evaluates one funding-trigger clause for one recipient. The term is not checked here; see evaluateTriggers. */
export const evaluateTrigger = (
  pact: Pact,
  clause: FundingTriggerClause,
  recipient: string,
  context: DecisionContext,
): TriggerEvaluation => {
  const amount = clause.amount ?? (clause.share ?? 0) * clause.envelope.amount;
  const base: TriggerEvaluation = {
    clauseId: clause.id,
    recipient,
    fired: false,
    envelopeId: clause.envelope.id,
    currency: clause.envelope.currency,
    amount,
    reason: '',
  };
  const variables = contextFor(pact, context, recipient);
  const parts: string[] = [];
  if (clause.indicator !== undefined && clause.threshold !== undefined) {
    const comparison = clause.comparison ?? '>=';
    const value = evaluateNumber(clause.indicator, variables);
    Object.assign(base, { threshold: clause.threshold, comparison });
    if (!value.ok) return { ...base, reason: `PACT_CONDITION_ERROR: indicator \`${clause.indicator}\` could not be evaluated (${value.error})` };
    base.value = value.value;
    if (!compare(value.value, comparison, clause.threshold)) {
      return { ...base, reason: `PACT_THRESHOLD_NOT_MET: indicator is ${value.value}, the trigger needs ${comparison} ${clause.threshold}` };
    }
    parts.push(`indicator ${value.value} ${comparison} ${clause.threshold}`);
  }
  if (clause.condition !== undefined) {
    const holds = evaluateCondition(clause.condition, variables);
    if (!holds.ok) return { ...base, reason: `PACT_CONDITION_ERROR: condition \`${clause.condition}\` could not be evaluated (${holds.error})` };
    if (!holds.value) return { ...base, reason: `PACT_CONDITION_FALSE: condition \`${clause.condition}\` is false` };
    parts.push(`condition \`${clause.condition}\` holds`);
  }
  const disburseBy = plusDays(context.now, clause.disbursementDeadlineDays);
  return {
    ...base,
    fired: true,
    disburseBy,
    reason: `PACT_TRIGGER_FIRED: ${parts.join(' and ')}; disburse ${amount} ${clause.envelope.currency} to ${recipient} by ${disburseBy}`,
  };
};

/** Every funding-trigger clause for every recipient; nothing fires outside the pact's term. */
export const evaluateTriggers = (pact: Pact, context: DecisionContext): TriggerEvaluation[] => {
  const notInForce = outsideTerm(pact, context.now, context.sunset);
  return pact.clauses.flatMap((clause) => {
    if (clause.kind !== 'funding-trigger') return [];
    return expandParties(pact, clause.recipients).map((recipient) => {
      if (notInForce === undefined) return evaluateTrigger(pact, clause, recipient, context);
      const amount = clause.amount ?? (clause.share ?? 0) * clause.envelope.amount;
      return {
        clauseId: clause.id,
        recipient,
        fired: false,
        envelopeId: clause.envelope.id,
        currency: clause.envelope.currency,
        amount,
        reason: notInForce,
      };
    });
  });
};
