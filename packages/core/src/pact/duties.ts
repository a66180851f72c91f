/**
 * "What does this party owe now?" — the standing duties a pact in force
 * puts on one party (or the hub) at a moment: reserves to hold, reports due
 * with their next deadline, milestones not yet met, the renewal notice date,
 * and its part in the escalation playbook at the current alert levels.
 */
import type { Pact } from './model.ts';
import type { DecisionContext } from './decision.ts';
import type { EscalationClause } from './clauses.ts';
import { describeMilestone, milestoneOwers, milestoneStatus, type MilestoneStatus } from './milestones.ts';
import { actorParty, clauseParties, expandParties, resolveActors } from './parties.ts';
import { dateOf, outsideTerm } from './term.ts';
import type { ReportingFrequency } from './vocabulary.ts';
import { addDays, daysInMonth, isoWeekday } from '../surveillance/calendar-date.ts';

export type PartyDuty =
  | { type: 'hold-reserve'; clauseId: string; products: string[]; share: number; text: string }
  | {
      type: 'report';
      clauseId: string;
      dataset: string;
      to: string[];
      frequency: ReportingFrequency;
      period: { start: string; end: string };
      deadline: string;
      text: string;
    }
  | { type: 'meet-milestone'; clauseId: string; milestone: MilestoneStatus; text: string }
  | { type: 'renewal-notice'; by: string; sunset: string; text: string }
  | {
      type: 'escalation';
      clauseId: string;
      affectedParty: string;
      disease: string;
      level: number;
      levelName: string;
      roles: ('lead' | 'decide' | 'notify')[];
      deadlineHours: number;
      text: string;
    };

export const obligationsOf = (pact: Pact, party: string, context: DecisionContext): PartyDuty[] => {
  if (outsideTerm(pact, context.now, context.sunset)) return [];
  const today = dateOf(context.now);
  const duties: PartyDuty[] = [];
  for (const clause of pact.clauses) {
    if (clause.kind === 'stockpile-sharing' && clauseParties(pact, clause).includes(party)) {
      const share = typeof clause.reserveShare === 'number' ? clause.reserveShare : clause.reserveShare[party];
      if (share !== undefined) {
        const text = `hold ${formatShare(share)} of national stock of ${clause.products.join(', ')} in reserve (clause \`${clause.id}\`)`;
        duties.push({ type: 'hold-reserve', clauseId: clause.id, products: [...clause.products], share, text });
      }
    }
    if (clause.kind === 'data-sharing' && clause.reporting && expandParties(pact, clause.from).includes(party)) {
      const { period, deadline } = nextReport(today, clause.reporting.frequency, clause.reporting.deadlineDays);
      const to = expandParties(pact, clause.to).filter((code) => code !== party);
      const text = `send ${clause.dataset} for ${period.start} to ${period.end} to ${to.join(', ')} by ${deadline} (clause \`${clause.id}\`)`;
      duties.push({ type: 'report', clauseId: clause.id, dataset: clause.dataset, to, frequency: clause.reporting.frequency, period, deadline, text });
    }
    if (clause.kind === 'milestone' && milestoneOwers(pact, clause).includes(party)) {
      const milestone = milestoneStatus(pact, clause, party, context);
      if (milestone.state !== 'met') duties.push({ type: 'meet-milestone', clauseId: clause.id, milestone, text: describeMilestone(milestone) });
    }
    if (clause.kind === 'escalation') duties.push(...escalationDuties(pact, clause, party, context));
  }
  if (pact.parties.some((p) => p.code === party)) {
    const sunset = context.sunset ?? pact.sunset;
    const by = addDays(sunset, -pact.renewalNoticeDays);
    duties.push({ type: 'renewal-notice', by, sunset, text: `give notice to renew or withdraw by ${by}; the pact ends on ${sunset}` });
  }
  return duties;
};

const formatShare = (share: number): string => `${Math.round(share * 1000) / 10}%`;

const escalationDuties = (pact: Pact, clause: EscalationClause, party: string, context: DecisionContext): PartyDuty[] => {
  const duties: PartyDuty[] = [];
  const bound = clauseParties(pact, clause);
  for (const [affected, levels] of Object.entries(context.alert ?? {})) {
    if (!bound.includes(affected)) continue;
    for (const [disease, level] of Object.entries(levels)) {
      if (level < 1 || (clause.diseases && !clause.diseases.includes(disease))) continue;
      const step = clause.levels.find((entry) => entry.level === level);
      if (!step) continue;
      const mine = (refs: string | string[]) => resolveActors(pact, refs, { affected }).some((actor) => actorParty(actor) === party);
      const roles: ('lead' | 'decide' | 'notify')[] = [];
      if (mine(step.lead)) roles.push('lead');
      if (mine(step.decides)) roles.push('decide');
      if (mine(step.notify)) roles.push('notify');
      if (roles.length === 0) continue;
      const text = `${affected} is at ${disease} alert level ${level} (${step.name}): ${roles.join(', ')} within ${step.deadlineHours} h (clause \`${clause.id}\`)`;
      duties.push({ type: 'escalation', clauseId: clause.id, affectedParty: affected, disease, level, levelName: step.name, roles, deadlineHours: step.deadlineHours, text });
    }
  }
  return duties;
};

interface Period {
  start: string;
  end: string;
}

/** The reporting period `back` periods before the one containing `today` (ISO weeks, calendar months). */
const periodBack = (today: string, frequency: ReportingFrequency, back: number): Period => {
  if (frequency === 'weekly') {
    const start = addDays(today, -(isoWeekday(today) - 1) - 7 * back);
    return { start, end: addDays(start, 6) };
  }
  const [year, month] = today.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const mm = String(m).padStart(2, '0');
  const yyyy = String(y).padStart(4, '0');
  return { start: `${yyyy}-${mm}-01`, end: `${yyyy}-${mm}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
};

/** The earliest report still due: the oldest ended period whose deadline is today or later, else the current one. */
export const nextReport = (today: string, frequency: ReportingFrequency, deadlineDays: number): { period: Period; deadline: string } => {
  let due = { period: periodBack(today, frequency, 0), deadline: addDays(periodBack(today, frequency, 0).end, deadlineDays) };
  for (let back = 1; ; back += 1) {
    const period = periodBack(today, frequency, back);
    const deadline = addDays(period.end, deadlineDays);
    if (deadline < today) return due;
    due = { period, deadline };
  }
};
