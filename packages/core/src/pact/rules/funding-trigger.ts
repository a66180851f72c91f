/**
 * Funding trigger as a decision: a recipient asks whether a disbursement is
 * due. It is when the trigger fires for that recipient; the permit carries
 * the disbursement (amount, currency, deadline) as an obligation.
 */
import { expandParties } from '../parties.ts';
import { evaluateTrigger } from '../triggers.ts';
import { permit, SILENT, type Rule, type Verdict } from './rule.ts';

export const fundingTriggerRule: Rule<'funding-trigger', 'funding'> = ({ pact, clause, request, context }) => {
  if (!expandParties(pact, clause.recipients).includes(request.party)) return SILENT;
  const evaluation = evaluateTrigger(pact, clause, request.party, context);
  if (!evaluation.fired || evaluation.disburseBy === undefined) {
    const refusal: Verdict = { outcome: 'refuse', reason: evaluation.reason.replace(': ', `: clause \`${clause.id}\`: `) };
    return refusal;
  }
  return permit(
    [
      {
        type: 'disburse',
        envelope: evaluation.envelopeId,
        amount: evaluation.amount,
        currency: evaluation.currency,
        to: request.party,
        by: evaluation.disburseBy,
      },
    ],
    evaluation.reason,
  );
};
