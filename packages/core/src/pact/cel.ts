/**
 * Pact conditions in CEL (Common Expression Language, https://cel.dev),
 * evaluated with @marcbachmann/cel-js: a non-Turing-complete language with
 * no side effects, so a pact can never run code it was not meant to. Every
 * expression is type-checked against the one documented context below, and
 * evaluation failures come back as values, never as exceptions.
 */
import { Environment, ParseError } from '@marcbachmann/cel-js';
import type { Pact } from './model.ts';
import { DISEASE_CODES } from '../catalogue/index.ts';

/** Variables a pact expression may name (docs/pact.md, "The CEL context"). */
export const CEL_VARIABLES = {
  now: 'google.protobuf.Timestamp',
  alert: 'map<string, map<string, int>>',
  indicators: 'map<string, double>',
  request: 'map<string, dyn>',
  party: 'string',
} as const;

export type CelVariable = keyof typeof CEL_VARIABLES;

/** Party code → disease code → alert level 0–4. */
export type AlertLevels = Record<string, Record<string, number>>;
/** Indicator name → value; a party's own value is keyed `<name>.<PARTY>`. */
export type Indicators = Record<string, number>;

const environment = (() => {
  let env = new Environment({ limits: { maxAstNodes: 2000, maxDepth: 64 } });
  for (const [name, type] of Object.entries(CEL_VARIABLES)) env = env.registerVariable(name, type);
  return env;
})();

type Compiled = ReturnType<typeof environment.parse>;

/**
 * Parsed expressions, keyed by source. Pacts hold a few dozen expressions;
 * the bound keeps a server that validates many drafts from growing without end.
 */
const compiled = new Map<string, Compiled | ParseError>();
const CACHE_LIMIT = 2000;

const compile = (expression: string): Compiled | ParseError => {
  const hit = compiled.get(expression);
  if (hit) return hit;
  let result: Compiled | ParseError;
  try {
    result = environment.parse(expression);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    result = error;
  }
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(expression, result);
  return result;
};

export type ExpectedType = 'bool' | 'number';

export interface CelProblem {
  code: 'PACT_CEL_SYNTAX' | 'PACT_CEL_UNKNOWN_VARIABLE' | 'PACT_CEL_TYPE';
  message: string;
  /** Offset of the problem inside the expression text. */
  offset: number;
}

const NUMBER_TYPES = new Set(['int', 'uint', 'double', 'dyn']);

/** Checks syntax, variable names and result type; undefined when the expression is sound. */
export const checkExpression = (expression: string, expected: ExpectedType): CelProblem | undefined => {
  const parsed = compile(expression);
  if (parsed instanceof ParseError) {
    return { code: 'PACT_CEL_SYNTAX', message: parsed.summary || parsed.message, offset: parsed.range?.start ?? 0 };
  }
  const result = parsed.check();
  if (!result.valid) {
    const error = result.error;
    const unknown = error?.code === 'unknown_variable';
    const summary = (error as { summary?: string } | undefined)?.summary ?? error?.message ?? 'invalid expression';
    return {
      code: unknown ? 'PACT_CEL_UNKNOWN_VARIABLE' : 'PACT_CEL_TYPE',
      message: unknown ? `${summary}; known variables: ${Object.keys(CEL_VARIABLES).join(', ')}` : summary,
      offset: error?.range?.start ?? 0,
    };
  }
  const type = result.type ?? 'dyn';
  const fits = expected === 'bool' ? type === 'bool' || type === 'dyn' : NUMBER_TYPES.has(type);
  if (!fits) {
    return { code: 'PACT_CEL_TYPE', message: `expected a ${expected === 'bool' ? 'boolean' : 'number'}, the expression gives ${type}`, offset: 0 };
  }
  return undefined;
};

export type CelOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface CelScope {
  now: Date;
  alert?: AlertLevels;
  indicators?: Indicators;
  request?: Record<string, unknown>;
  party?: string;
}

/**
 * Builds the evaluation context. Every party and the hub get every
 * catalogue disease at level 0 unless told otherwise, so a condition such as
 * `alert["KE"]["cholera"] >= 3` reads "no alert" as 0 instead of failing.
 */
export const celContext = (pact: Pact, scope: CelScope): Record<string, unknown> => {
  const codes = new Set([...pact.parties.map((p) => p.code), pact.hub.code, ...Object.keys(scope.alert ?? {})]);
  const alert: Record<string, Record<string, bigint>> = {};
  for (const code of codes) {
    const levels: Record<string, bigint> = {};
    for (const disease of DISEASE_CODES) levels[disease] = 0n;
    for (const [disease, level] of Object.entries(scope.alert?.[code] ?? {})) levels[disease] = BigInt(Math.trunc(level));
    alert[code] = levels;
  }
  return {
    now: scope.now,
    alert,
    indicators: { ...(scope.indicators ?? {}) },
    request: { ...(scope.request ?? {}) },
    party: scope.party ?? '',
  };
};

const run = (expression: string, context: Record<string, unknown>): CelOutcome<unknown> => {
  const parsed = compile(expression);
  if (parsed instanceof ParseError) return { ok: false, error: `syntax error: ${parsed.summary || parsed.message}` };
  try {
    return { ok: true, value: parsed(context) };
  } catch (error) {
    const summary = (error as { summary?: string }).summary;
    return { ok: false, error: summary ?? (error instanceof Error ? error.message : String(error)) };
  }
};

export const evaluateCondition = (expression: string, context: Record<string, unknown>): CelOutcome<boolean> => {
  const outcome = run(expression, context);
  if (!outcome.ok) return outcome;
  if (typeof outcome.value !== 'boolean') return { ok: false, error: `expected a boolean, got ${typeof outcome.value}` };
  return { ok: true, value: outcome.value };
};

export const evaluateNumber = (expression: string, context: Record<string, unknown>): CelOutcome<number> => {
  const outcome = run(expression, context);
  if (!outcome.ok) return outcome;
  const { value } = outcome;
  if (typeof value === 'bigint') return { ok: true, value: Number(value) };
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  return { ok: false, error: `expected a number, got ${typeof value === 'number' ? String(value) : typeof value}` };
};
