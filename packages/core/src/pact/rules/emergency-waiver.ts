/**
 * Emergency waiver: a party activates a scoped, time-boxed waiver of its
 * licensing, import or intellectual-property rules while the activation
 * condition holds. The permit carries the date the waiver lapses.
 */
import { clauseParties } from '../parties.ts';
import { plusDays } from '../term.ts';
import { celFor, conditionRefusal, permit, refuse, SILENT, type Rule } from './rule.ts';

export const emergencyWaiverRule: Rule<'emergency-waiver', 'waiver'> = ({ pact, clause, request, context }) => {
  if (clause.scope !== request.scope) return SILENT;
  const bound = clauseParties(pact, clause);
  if (!bound.includes(request.party)) {
    return refuse('PACT_PARTY_NOT_COVERED', clause.id, `\`${request.party}\` is not among the parties of this waiver (${bound.join(', ')})`);
  }
  if (clause.products && (request.product === undefined || !clause.products.includes(request.product))) {
    return refuse('PACT_PRODUCT_NOT_COVERED', clause.id, `the waiver covers ${clause.products.join(', ')} only; the request names ${request.product ?? 'no product'}`);
  }
  if (request.days !== undefined && request.days > clause.maxDurationDays) {
    return refuse('PACT_DURATION_TOO_LONG', clause.id, `a waiver lasts at most ${clause.maxDurationDays} days; ${request.days} asked`);
  }
  const failed = conditionRefusal(clause.id, 'activation', clause.activation, () => celFor(pact, context, request, request.party));
  if (failed) return failed;
  return permit([{ type: 'expire-at', date: plusDays(context.now, request.days ?? clause.maxDurationDays) }]);
};
