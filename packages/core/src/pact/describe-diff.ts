/**
 * Diff entries in plain words for negotiators: one sentence per entry,
 * naming the clause by its id and the field by what it means, e.g.
 * "Clause `share-cholera-cases`: minimum cell size changed from 5 to 10".
 */
import type { DiffEntry, DiffPath } from './diff.ts';

const LABELS: Readonly<Record<string, string>> = {
  id: 'id',
  title: 'title',
  summary: 'summary',
  version: 'version',
  effective: 'effective date',
  sunset: 'sunset',
  renewalNoticeDays: 'renewal notice (days)',
  amends: 'amended version',
  name: 'name',
  'node.url': 'node URL',
  'node.publicKey': 'public key',
  kind: 'kind',
  parties: 'parties',
  dataset: 'dataset',
  from: 'sharing parties',
  to: 'recipients',
  purposes: 'purposes',
  roles: 'allowed roles',
  'granularity.place': 'place granularity',
  'granularity.time': 'time granularity',
  minCellSize: 'minimum cell size',
  fields: 'allowed fields',
  dropFields: 'dropped fields',
  retentionDays: 'retention (days)',
  consentRequired: 'consent required',
  condition: 'condition',
  'reporting.frequency': 'reporting frequency',
  'reporting.deadlineDays': 'reporting deadline (days)',
  reporting: 'reporting duty',
  products: 'products',
  reserveShare: 'reserve share',
  releaseCondition: 'release condition',
  decidedBy: 'decided by',
  decisionDeadlineHours: 'decision deadline (hours)',
  'repayment.withinDays': 'repayment period (days)',
  'repayment.inKind': 'repayment in kind',
  'envelope.id': 'envelope',
  'envelope.currency': 'envelope currency',
  'envelope.amount': 'envelope amount',
  indicator: 'indicator',
  threshold: 'threshold',
  comparison: 'comparison',
  amount: 'amount',
  share: 'share of the envelope',
  disbursementDeadlineDays: 'disbursement deadline (days)',
  recipients: 'recipients',
  services: 'services',
  priorAuthorisation: 'prior authorisation',
  emergencyOverride: 'emergency override',
  'tariff.currency': 'tariff currency',
  'tariff.perDay': 'tariff per day',
  'tariff.perCase': 'tariff per case',
  'settlement.periodDays': 'settlement period (days)',
  'settlement.via': 'settlement via',
  professions: 'professions',
  mode: 'recognition mode',
  conditions: 'conditions',
  emergencyTemporaryLicence: 'emergency temporary licence',
  'emergencyTemporaryLicence.maxDays': 'temporary licence maximum (days)',
  'emergencyTemporaryLicence.condition': 'temporary licence condition',
  scope: 'scope',
  activation: 'activation condition',
  maxDurationDays: 'maximum duration (days)',
  diseases: 'diseases',
  lead: 'lead',
  decides: 'decides',
  notify: 'notified',
  deadlineHours: 'deadline (hours)',
  target: 'target',
  due: 'due date',
  party: 'party',
};

const EXPRESSIONS = new Set(['condition', 'releaseCondition', 'indicator', 'activation', 'emergencyTemporaryLicence.condition']);

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Splits a path into who it is about ("Clause `x`, level 3") and the field inside it. */
const subjectAndField = (path: DiffPath): { subject: string; field: string[] } => {
  const parts: string[] = [];
  let rest = path;
  if (rest[0] === 'clauses' && rest[1] !== undefined) {
    parts.push(`Clause \`${rest[1]}\``);
    rest = rest.slice(2);
    if (rest[0] === 'levels' && rest[1] !== undefined) {
      parts.push(`level ${rest[1]}`);
      rest = rest.slice(2);
    }
  } else if (rest[0] === 'parties' && rest[1] !== undefined) {
    parts.push(`Party \`${rest[1]}\``);
    rest = rest.slice(2);
  } else if (rest[0] === 'hub') {
    parts.push('Hub');
    rest = rest.slice(1);
  }
  return { subject: parts.join(', '), field: rest };
};

const label = (field: string[]): string => {
  const key = field.join('.');
  if (LABELS[key]) return LABELS[key];
  if (field[0] === 'reserveShare' && field[1]) return `reserve share of ${field[1]}`;
  return key;
};

const show = (value: unknown, field: string[]): string => {
  if (EXPRESSIONS.has(field.join('.')) && typeof value === 'string') return `\`${value}\``;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return JSON.stringify(value);
};

const sentence = (subject: string, text: string): string => (subject === '' ? capitalise(text) : `${subject}: ${text}`);

const listChange = (before: unknown[], after: unknown[]): string | undefined => {
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  const parts = [...added.map((v) => `\`${String(v)}\` added`), ...removed.map((v) => `\`${String(v)}\` removed`)];
  return parts.length > 0 ? parts.join(', ') : undefined;
};

const describeWhole = (entry: DiffEntry & { op: 'add' | 'remove' }): string | undefined => {
  const verb = entry.op === 'add' ? 'added' : 'removed';
  const value = entry.value as Record<string, unknown>;
  const [list, key] = entry.path.slice(-2);
  if (entry.path.length === 2 && list === 'clauses') return `Clause \`${key}\` ${verb} (${String(value.kind)}: ${String(value.title)})`;
  if (entry.path.length === 2 && list === 'parties') return `Party \`${key}\` (${String(value.name)}) ${verb}`;
  if (list === 'levels') {
    const { subject } = subjectAndField(entry.path.slice(0, -2));
    return `${subject}: level ${key} (${String(value.name)}) ${verb}`;
  }
  return undefined;
};

export const describeEntry = (entry: DiffEntry): string => {
  if (entry.op === 'reorder') {
    const { subject, field } = subjectAndField(entry.path);
    const what = field[field.length - 1] === 'levels' ? 'level' : field[field.length - 1] === 'parties' ? 'party' : 'clause';
    return sentence(subject, `${what} order changed to ${entry.after.join(', ')}`);
  }
  if (entry.op !== 'change') {
    const whole = describeWhole(entry);
    if (whole) return whole;
  }
  const { subject, field } = subjectAndField(entry.path);
  const name = label(field);
  if (entry.op === 'add') return sentence(subject, `${name} set to ${show(entry.value, field)}`);
  if (entry.op === 'remove') return sentence(subject, `${name} removed (was ${show(entry.value, field)})`);
  if (subject === '' && (field[0] === 'sunset' || field[0] === 'effective')) {
    return sentence('', `${name} moved from ${show(entry.before, field)} to ${show(entry.after, field)}`);
  }
  if (Array.isArray(entry.before) && Array.isArray(entry.after)) {
    const change = listChange(entry.before, entry.after);
    if (change) return sentence(subject, `${name}: ${change}`);
  }
  return sentence(subject, `${name} changed from ${show(entry.before, field)} to ${show(entry.after, field)}`);
};

/** One plain-words line per entry, in the entries' order. */
export const describeDiff = (entries: readonly DiffEntry[]): string[] => entries.map(describeEntry);
