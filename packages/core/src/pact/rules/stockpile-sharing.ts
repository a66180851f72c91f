/**
 * Stockpile sharing: a party asks another (or the hub) to release reserve
 * stock. The clause decides whether the request is admissible; the release
 * itself is then decided by the named actor within the deadline, and the
 * stock is repaid as the clause says.
 */
import { clauseParties, resolveActors } from '../parties.ts';
import { plusHours } from '../term.ts';
import { celFor, conditionRefusal, permit, refuse, SILENT, type Rule } from './rule.ts';

export const stockpileSharingRule: Rule<'stockpile-sharing', 'stock-release'> = ({ pact, clause, request, context }) => {
  if (!clause.products.includes(request.product)) return SILENT;
  const bound = clauseParties(pact, clause);
  if (!bound.includes(request.to)) {
    return refuse('PACT_PARTY_NOT_COVERED', clause.id, `\`${request.to}\` is not among the parties of this stockpile (${bound.join(', ')})`);
  }
  if (request.from !== pact.hub.code && !bound.includes(request.from)) {
    return refuse('PACT_PARTY_NOT_COVERED', clause.id, `\`${request.from}\` holds no reserve under this clause`);
  }
  if (request.from === request.to) {
    return refuse('PACT_PARTY_NOT_COVERED', clause.id, 'a party cannot ask itself for a release');
  }
  const failed = conditionRefusal(clause.id, 'release condition', clause.releaseCondition, () =>
    celFor(pact, context, request, request.to),
  );
  if (failed) return failed;
  const deciders = resolveActors(pact, clause.decidedBy, { affected: request.to, requesting: request.to });
  return permit([
    {
      type: 'decide-within',
      hours: clause.decisionDeadlineHours,
      by: deciders,
      deadline: plusHours(context.now, clause.decisionDeadlineHours),
    },
    { type: 'repay', to: request.from, withinDays: clause.repayment.withinDays, inKind: clause.repayment.inKind },
  ]);
};
