/**
 * The decision point. Deny by default: a request is permitted only when a
 * clause of the matching kind, in a pact in force at `context.now`, permits
 * it — the first such clause in document order. Every refusal on the way
 * is kept as a reason, and nothing in here throws: a malformed request or a
 * failing expression is a deny with its reason.
 */
import type { ClauseKind } from './clauses.ts';
import type { Decision, DecisionContext, PactRequest, RequestKind } from './decision.ts';
import type { Pact } from './model.ts';
import { dataSharingRule } from './rules/data-sharing.ts';
import { emergencyWaiverRule } from './rules/emergency-waiver.ts';
import { escalationRule } from './rules/escalation.ts';
import { fundingTriggerRule } from './rules/funding-trigger.ts';
import { licensureRecognitionRule } from './rules/licensure-recognition.ts';
import { milestoneRule } from './rules/milestone.ts';
import { referralCorridorRule } from './rules/referral-corridor.ts';
import type { RuleInput, Verdict } from './rules/rule.ts';
import { stockpileSharingRule } from './rules/stockpile-sharing.ts';
import { outsideTerm } from './term.ts';

/** The clause kind that answers each request kind. */
export const CLAUSE_KIND_FOR: Record<RequestKind, ClauseKind> = {
  data: 'data-sharing',
  'stock-release': 'stockpile-sharing',
  funding: 'funding-trigger',
  referral: 'referral-corridor',
  licence: 'licensure-recognition',
  waiver: 'emergency-waiver',
  escalation: 'escalation',
  milestone: 'milestone',
};

type AnyRule = (input: RuleInput<ClauseKind, RequestKind>) => Verdict;

const RULES: Record<RequestKind, AnyRule> = {
  data: dataSharingRule as AnyRule,
  'stock-release': stockpileSharingRule as AnyRule,
  funding: fundingTriggerRule as AnyRule,
  referral: referralCorridorRule as AnyRule,
  licence: licensureRecognitionRule as AnyRule,
  waiver: emergencyWaiverRule as AnyRule,
  escalation: escalationRule as AnyRule,
  milestone: milestoneRule as AnyRule,
};

export const decide = (pact: Pact, request: PactRequest, context: DecisionContext): Decision => {
  const deny = (reasons: string[]): Decision => ({
    effect: 'deny',
    pactId: pact.id,
    pactVersion: pact.version,
    clauseId: null,
    obligations: [],
    reasons,
  });
  try {
    if (!(context.now instanceof Date) || Number.isNaN(context.now.getTime())) {
      return deny(['PACT_CONTEXT_INVALID: the decision context has no valid `now`']);
    }
    const notInForce = outsideTerm(pact, context.now, context.sunset);
    if (notInForce) return deny([notInForce]);
    const rule = RULES[request.kind];
    const clauseKind = CLAUSE_KIND_FOR[request.kind];
    if (!rule || !clauseKind) return deny([`PACT_REQUEST_INVALID: unknown request kind \`${String(request.kind)}\``]);
    const candidates = pact.clauses.filter((clause) => clause.kind === clauseKind && (request.clauseId === undefined || clause.id === request.clauseId));
    if (request.clauseId !== undefined && candidates.length === 0) {
      const named = pact.clauses.find((clause) => clause.id === request.clauseId);
      return deny([
        named
          ? `PACT_CLAUSE_KIND_MISMATCH: clause \`${named.id}\` is a ${named.kind} clause; a ${request.kind} request needs a ${clauseKind} clause`
          : `PACT_UNKNOWN_CLAUSE: pact \`${pact.id}\` version ${pact.version} has no clause \`${request.clauseId}\``,
      ]);
    }
    const refusals: string[] = [];
    for (const clause of candidates) {
      const verdict = rule({ pact, clause, request, context });
      if (verdict.outcome === 'permit') {
        const reasons = [`PACT_PERMIT: clause \`${clause.id}\` (${clause.title}) permits this ${request.kind} request`];
        if (verdict.note) reasons.push(verdict.note);
        return {
          effect: 'permit',
          pactId: pact.id,
          pactVersion: pact.version,
          clauseId: clause.id,
          obligations: verdict.obligations,
          reasons,
        };
      }
      if (verdict.outcome === 'refuse') refusals.push(verdict.reason);
    }
    if (refusals.length === 0) refusals.push(`PACT_NO_CLAUSE: no ${clauseKind} clause covers this request`);
    return deny([...refusals, `PACT_DENY_BY_DEFAULT: no clause of pact \`${pact.id}\` version ${pact.version} permits this request`]);
  } catch (error) {
    return deny([`PACT_DECISION_ERROR: ${error instanceof Error ? error.message : String(error)}`]);
  }
};
