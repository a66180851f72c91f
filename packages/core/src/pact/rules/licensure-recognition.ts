/**
 * Licensure recognition: whether a licence issued by one party lets the
 * holder practise in another. Automatic recognition permits outright;
 * conditional recognition permits with the conditions as an obligation; a
 * temporary emergency licence needs its condition to hold and expires.
 */
import { clauseParties } from '../parties.ts';
import { plusDays } from '../term.ts';
import { celFor, conditionRefusal, permit, refuse, SILENT, type Rule } from './rule.ts';

export const licensureRecognitionRule: Rule<'licensure-recognition', 'licence'> = ({ pact, clause, request, context }) => {
  if (!(clause.professions as readonly string[]).includes(request.profession) || request.from === request.to) return SILENT;
  const bound = clauseParties(pact, clause);
  const outside = [request.from, request.to].filter((code) => !bound.includes(code));
  if (outside.length > 0) {
    return refuse('PACT_PARTY_NOT_COVERED', clause.id, `${outside.join(', ')} not among the parties of this clause (${bound.join(', ')})`);
  }
  if (!request.temporary) {
    if (clause.mode === 'automatic') return permit([]);
    return permit([{ type: 'meet-conditions', conditions: [...(clause.conditions ?? [])] }]);
  }
  const temporary = clause.emergencyTemporaryLicence;
  if (!temporary) return refuse('PACT_NO_TEMPORARY_LICENCE', clause.id, 'the clause provides no emergency temporary licence');
  if (request.days !== undefined && request.days > temporary.maxDays) {
    return refuse('PACT_DURATION_TOO_LONG', clause.id, `a temporary licence lasts at most ${temporary.maxDays} days; ${request.days} asked`);
  }
  const failed = conditionRefusal(clause.id, 'temporary licence condition', temporary.condition, () =>
    celFor(pact, context, request, request.to),
  );
  if (failed) return failed;
  return permit([{ type: 'expire-at', date: plusDays(context.now, request.days ?? temporary.maxDays) }]);
};
