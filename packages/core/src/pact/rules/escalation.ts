/**
 * Escalation playbook: at an alert level, who leads, who decides, who is
 * told, and the deadline that runs for each. The level is the request's, or
 * the affected party's current alert level for the disease.
 */
import type { DecisionContext, RequestOf } from '../decision.ts';
import { clauseParties, resolveActors } from '../parties.ts';
import { plusHours } from '../term.ts';
import { permit, refuse, SILENT, type Rule } from './rule.ts';

/** The level the request is about: its own, or the current alert level (the highest over diseases when none is named). */
export const currentLevel = (request: RequestOf<'escalation'>, context: DecisionContext): number => {
  if (request.level !== undefined) return request.level;
  const levels = context.alert?.[request.party] ?? {};
  if (request.disease !== undefined) return levels[request.disease] ?? 0;
  return Math.max(0, ...Object.values(levels));
};

export const escalationRule: Rule<'escalation', 'escalation'> = ({ pact, clause, request, context }) => {
  if (clause.diseases && (request.disease === undefined || !clause.diseases.includes(request.disease))) return SILENT;
  const bound = clauseParties(pact, clause);
  if (!bound.includes(request.party)) {
    return refuse('PACT_PARTY_NOT_COVERED', clause.id, `\`${request.party}\` is not among the parties of this playbook`);
  }
  const level = currentLevel(request, context);
  if (level === 0) return refuse('PACT_NO_ALERT', clause.id, `\`${request.party}\` is at alert level 0: the playbook is not engaged`);
  const step = clause.levels.find((entry) => entry.level === level);
  if (!step) return refuse('PACT_LEVEL_NOT_DEFINED', clause.id, `the playbook defines no level ${level}`);
  const bindings = { affected: request.party, requesting: request.party };
  return permit(
    [
      { type: 'lead', by: resolveActors(pact, step.lead, bindings) },
      {
        type: 'decide-within',
        hours: step.deadlineHours,
        by: resolveActors(pact, step.decides, bindings),
        deadline: plusHours(context.now, step.deadlineHours),
      },
      { type: 'notify', parties: resolveActors(pact, step.notify, bindings), withinHours: step.deadlineHours },
    ],
    `PACT_ESCALATION_LEVEL: level ${level} (${step.name})`,
  );
};
