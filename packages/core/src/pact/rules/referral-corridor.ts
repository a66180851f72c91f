/**
 * Referral corridor: admits a patient referral between two parties of the
 * corridor for a listed service. Prior authorisation is required when the
 * clause says so, unless it is an emergency and the clause allows the
 * emergency override — then authorisation follows the transfer.
 */
import type { Obligation } from '../decision.ts';
import { clauseParties } from '../parties.ts';
import { celFor, conditionRefusal, permit, refuse, SILENT, type Rule } from './rule.ts';

export const referralCorridorRule: Rule<'referral-corridor', 'referral'> = ({ pact, clause, request, context }) => {
  const bound = clauseParties(pact, clause);
  if (request.from === request.to || !bound.includes(request.from) || !bound.includes(request.to)) return SILENT;
  if (!(clause.services as readonly string[]).includes(request.service)) {
    return refuse('PACT_SERVICE_NOT_COVERED', clause.id, `service \`${request.service}\` is not one of ${clause.services.join(', ')}`);
  }
  const failed = conditionRefusal(clause.id, 'condition', clause.condition, () => celFor(pact, context, request, request.from));
  if (failed) return failed;
  const obligations: Obligation[] = [];
  if (clause.priorAuthorisation && !request.authorised) {
    if (!(request.emergency && clause.emergencyOverride)) {
      const why = request.emergency ? 'and the clause allows no emergency override' : 'and the request is not an emergency';
      return refuse('PACT_PRIOR_AUTHORISATION_REQUIRED', clause.id, `prior authorisation from \`${request.to}\` is required ${why}`);
    }
    obligations.push({ type: 'authorise-after', by: request.to });
  }
  const settle: Obligation = {
    type: 'settle',
    via: clause.settlement.via,
    currency: clause.tariff.currency,
    periodDays: clause.settlement.periodDays,
  };
  if (clause.tariff.perDay !== undefined) settle.perDay = clause.tariff.perDay;
  if (clause.tariff.perCase !== undefined) settle.perCase = clause.tariff.perCase;
  obligations.push(settle);
  return permit(obligations);
};
