/**
 * The shape every clause rule shares. A rule looks at one clause and one
 * request and says whether the clause is silent (not about this request),
 * refuses it (about it, but it does not permit it, with the reason), or
 * permits it with obligations.
 */
import { celContext, evaluateCondition, type CelScope } from '../cel.ts';
import type { ClauseKind, ClauseOf } from '../clauses.ts';
import type { DecisionContext, Obligation, PactRequest, RequestKind, RequestOf } from '../decision.ts';
import type { Pact } from '../model.ts';

export type Verdict =
  | { outcome: 'silent' }
  | { outcome: 'refuse'; reason: string }
  | { outcome: 'permit'; obligations: Obligation[]; note?: string };

export const SILENT: Verdict = { outcome: 'silent' };

export const refuse = (code: string, clauseId: string, text: string): Verdict => ({
  outcome: 'refuse',
  reason: `${code}: clause \`${clauseId}\`: ${text}`,
});

export const permit = (obligations: Obligation[], note?: string): Verdict =>
  note === undefined ? { outcome: 'permit', obligations } : { outcome: 'permit', obligations, note };

export interface RuleInput<K extends ClauseKind, R extends RequestKind> {
  pact: Pact;
  clause: ClauseOf<K>;
  request: RequestOf<R>;
  context: DecisionContext;
}

export type Rule<K extends ClauseKind, R extends RequestKind> = (input: RuleInput<K, R>) => Verdict;

/** The CEL variables for a request, with `party` bound when the rule evaluates for one party. */
export const celFor = (pact: Pact, context: DecisionContext, request: PactRequest, party?: string): Record<string, unknown> => {
  const scope: CelScope = { now: context.now, request: { ...request } };
  if (context.alert) scope.alert = context.alert;
  if (context.indicators) scope.indicators = context.indicators;
  if (party !== undefined) scope.party = party;
  return celContext(pact, scope);
};

/** Refusal when a condition is false or cannot be evaluated; undefined when it holds. */
export const conditionRefusal = (
  clauseId: string,
  label: string,
  expression: string | undefined,
  variables: () => Record<string, unknown>,
): Verdict | undefined => {
  if (expression === undefined) return undefined;
  const outcome = evaluateCondition(expression, variables());
  if (!outcome.ok) return refuse('PACT_CONDITION_ERROR', clauseId, `${label} \`${expression}\` could not be evaluated (${outcome.error})`);
  if (!outcome.value) return refuse('PACT_CONDITION_FALSE', clauseId, `${label} \`${expression}\` is false`);
  return undefined;
};
