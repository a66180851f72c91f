/**
 * The "try a decision" form: which fields each request kind has
 * (pactRequestSchema in packages/core/src/pact/decision.ts, docs/pact.md
 * "Decisions"), and turning what was typed into a request and a context
 * for POST /decisions/dry-run. The node validates again; this only names
 * the missing fields before the trip and keeps empty ones out.
 */
import type { DecisionContextInput, DecisionRequest } from './pact.types.ts';

export type FieldType = 'text' | 'number' | 'boolean' | 'list';

/** Where a field's suggestions come from: fixed words, or values found in the pact. */
export type Suggestions = readonly string[] | 'parties' | 'recipients' | 'datasets' | 'products' | 'diseases' | 'roles';

export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  suggestions?: Suggestions;
}

export const PURPOSES = ['outbreak-response', 'surveillance', 'research', 'treatment', 'public-reporting', 'preparedness', 'audit'] as const;
export const PLACES = ['country', 'admin1', 'admin2', 'facility', 'person'] as const;
export const TIMES = ['month', 'week', 'day'] as const;
export const SERVICES = ['icu', 'dialysis', 'oncology', 'burns', 'neonatal', 'cardiac-surgery', 'neurosurgery', 'trauma', 'maternity', 'isolation', 'mental-health'] as const;
export const PROFESSIONS = ['doctor', 'nurse', 'midwife', 'pharmacist', 'lab-scientist', 'clinical-officer', 'public-health-officer', 'epidemiologist', 'paramedic', 'dentist'] as const;

const f = (name: string, type: FieldType, required: boolean, suggestions?: Suggestions): FieldSpec => ({ name, type, required, ...(suggestions ? { suggestions } : {}) });

export const REQUEST_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  data: [
    f('action', 'text', true, ['send', 'read']),
    f('dataset', 'text', true, 'datasets'),
    f('from', 'text', true, 'parties'),
    f('to', 'text', true, 'recipients'),
    f('purpose', 'text', true, PURPOSES),
    f('disease', 'text', false, 'diseases'),
    f('role', 'text', false, 'roles'),
    f('fields', 'list', false),
    f('granularity.place', 'text', false, PLACES),
    f('granularity.time', 'text', false, TIMES),
  ],
  'stock-release': [f('product', 'text', true, 'products'), f('from', 'text', true, 'parties'), f('to', 'text', true, 'parties'), f('quantity', 'number', false)],
  funding: [f('party', 'text', true, 'parties')],
  referral: [f('from', 'text', true, 'parties'), f('to', 'text', true, 'parties'), f('service', 'text', true, SERVICES), f('emergency', 'boolean', false), f('authorised', 'boolean', false)],
  licence: [f('profession', 'text', true, PROFESSIONS), f('from', 'text', true, 'parties'), f('to', 'text', true, 'parties'), f('temporary', 'boolean', false), f('days', 'number', false)],
  waiver: [f('scope', 'text', true, ['licensing', 'import', 'ip']), f('party', 'text', true, 'parties'), f('product', 'text', false, 'products'), f('days', 'number', false)],
  escalation: [f('party', 'text', true, 'parties'), f('disease', 'text', false, 'diseases'), f('level', 'number', false, ['1', '2', '3', '4'])],
  milestone: [f('party', 'text', false, 'parties')],
};

export const REQUEST_KINDS = Object.keys(REQUEST_FIELDS);

export type Built<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const setPath = (target: Record<string, unknown>, path: string, value: unknown) => {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) target[head] = value;
  else target[head] = { ...((target[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
};

/** The request from the typed values (by field name); problems name the fields that are missing or not numbers. */
export const buildRequest = (kind: string, values: Readonly<Record<string, string | boolean>>): Built<DecisionRequest> => {
  const fields = REQUEST_FIELDS[kind];
  if (!fields) return { ok: false, problems: ['kind'] };
  const request: Record<string, unknown> = { kind };
  const problems: string[] = [];
  for (const field of fields) {
    const raw = values[field.name];
    if (field.type === 'boolean') {
      if (raw === true) request[field.name] = true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (field.required) problems.push(field.name);
      continue;
    }
    if (field.type === 'number') {
      const number = Number(text);
      if (!Number.isFinite(number)) problems.push(field.name);
      else setPath(request, field.name, number);
    } else if (field.type === 'list') {
      setPath(request, field.name, text.split(',').map((item) => item.trim()).filter(Boolean));
    } else setPath(request, field.name, text);
  }
  // Any kind may be decided under one clause only.
  const clauseId = values.clauseId;
  if (typeof clauseId === 'string' && clauseId.trim() !== '') request.clauseId = clauseId.trim();
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: request as DecisionRequest };
};

/**
 * The facts to decide with: alert levels typed one per line as
 * "PARTY disease level" (e.g. "KE cholera 3"), indicators as "name value",
 * and an optional moment. Problems give the lines that could not be read.
 */
export const buildContext = (input: { at?: string; alerts: string; indicators: string }): Built<DecisionContextInput> => {
  const problems: string[] = [];
  const alert: Record<string, Record<string, number>> = {};
  const indicators: Record<string, number> = {};
  for (const line of lines(input.alerts)) {
    const [party, disease, level, extra] = line.split(/\s+/);
    const n = Number(level);
    if (!party || !disease || extra !== undefined || !Number.isInteger(n) || n < 0 || n > 4) problems.push(line);
    else alert[party] = { ...alert[party], [disease]: n };
  }
  for (const line of lines(input.indicators)) {
    const [name, value, extra] = line.split(/\s+/);
    const n = Number(value);
    if (!name || value === undefined || extra !== undefined || !Number.isFinite(n)) problems.push(line);
    else indicators[name] = n;
  }
  if (problems.length > 0) return { ok: false, problems };
  const context: DecisionContextInput = {};
  if (input.at) context.now = input.at;
  if (Object.keys(alert).length > 0) context.alert = alert;
  if (Object.keys(indicators).length > 0) context.indicators = indicators;
  return { ok: true, value: context };
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
