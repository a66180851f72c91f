/**
 * Milestone check as a decision: permit when the milestone is met, deny
 * with the value, the target and the days left (or late) otherwise.
 */
import { describeMilestone, milestoneOwers, milestoneStatus } from '../milestones.ts';
import { permit, refuse, SILENT, type Rule } from './rule.ts';

export const milestoneRule: Rule<'milestone', 'milestone'> = ({ pact, clause, request, context }) => {
  const owers = milestoneOwers(pact, clause);
  const party = request.party ?? null;
  if (!owers.includes(party)) return SILENT;
  const status = milestoneStatus(pact, clause, party, context);
  if (status.state === 'met') return permit([], `PACT_MILESTONE_MET: ${describeMilestone(status)}`);
  const code = status.state === 'missed' ? 'PACT_MILESTONE_MISSED' : 'PACT_MILESTONE_OPEN';
  return refuse(code, clause.id, describeMilestone(status));
};
