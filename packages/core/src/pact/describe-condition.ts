/**
 * A gloss in words for the simple CEL conditions negotiators write most:
 * alert levels of a party (for one disease, the disease asked about, or any
 * disease), a party's or the region's indicator against a number, dates,
 * and `has(request.x)`, joined by `&&`. Anything else has no gloss (null)
 * and the reader sees the CEL text alone; a wrong gloss would be worse than
 * none, so each pattern matches the whole conjunct or nothing.
 */
import type { Pact } from './model.ts';
import {
  codeText,
  comparisonText,
  dateText,
  diseaseWord,
  frenchOf,
  listOf,
  partyText,
  type DescribeLocale,
} from './describe-words.ts';
import { COMPARISONS, type Comparison } from './vocabulary.ts';

/** What `party`, `request.from` and `request.to` stand for in this clause, in words. */
export type Subjects = Readonly<Partial<Record<'party' | 'request.from' | 'request.to', { en: string; fr: string }>>>;

const REF = String.raw`(party|request\.from|request\.to|"[A-Z][A-Z0-9]{1,15}")`;
const DISEASE = String.raw`("[a-z0-9-]+"|request\.disease)`;
const OP = String.raw`(>=|<=|==|>|<)`;
const NUM = String.raw`(-?\d+(?:\.\d+)?)`;

const ALERT = new RegExp(String.raw`^alert\[${REF}\]\[${DISEASE}\]\s*${OP}\s*${NUM}$`);
const ANY_DISEASE = new RegExp(String.raw`^alert\[${REF}\]\.exists\((\w+),\s*alert\[${REF}\]\[(\w+)\]\s*${OP}\s*${NUM}\)$`);
const PARTY_INDICATOR = /^indicators\["([^"]+)"\s*\+\s*party\]$/;
const REGION_INDICATOR = /^indicators\["([^"]+)"\]$/;
const COMPARED = new RegExp(String.raw`^(.+?)\s*${OP}\s*${NUM}$`);
const NOW = new RegExp(String.raw`^now\s*${OP}\s*timestamp\("(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0+)?(?:Z|\+00:00)"\)$`);
const HAS = /^has\(request\.([a-zA-Z]+)\)$/;

const isComparison = (value: string): value is Comparison => (COMPARISONS as readonly string[]).includes(value);

/** Splits on `&&` outside brackets and quotes; null when a top-level `||` makes the gloss unsafe. */
const conjuncts = (expression: string): string[] | null => {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < expression.length; i += 1) {
    const c = expression[i]!;
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth += 1;
    else if (')]}'.includes(c)) depth -= 1;
    else if (depth === 0 && (expression.startsWith('&&', i) || expression.startsWith('||', i))) {
      if (c === '|') return null;
      parts.push(expression.slice(start, i));
      start = i + 2;
      i += 1;
    }
  }
  parts.push(expression.slice(start));
  return parts.map((part) => unwrap(part.trim()));
};

/** Removes parentheses around the whole conjunct. */
const unwrap = (text: string): string => {
  if (!text.startsWith('(') || !text.endsWith(')')) return text;
  let depth = 0;
  for (let i = 0; i < text.length - 1; i += 1) {
    if (text[i] === '(') depth += 1;
    if (text[i] === ')') depth -= 1;
    if (depth === 0) return text;
  }
  return unwrap(text.slice(1, -1).trim());
};

const subjectText = (pact: Pact, ref: string, subjects: Subjects, locale: DescribeLocale): string | null => {
  if (ref.startsWith('"')) return partyText(pact, ref.slice(1, -1), locale);
  return subjects[ref as keyof Subjects]?.[locale] ?? null;
};

/** `indicators["x." + party]` or `indicators["x"]` in words, or null. */
export const glossIndicator = (expression: string, owner: { en: string; fr: string }, locale: DescribeLocale): string | null => {
  const text = unwrap(expression.trim());
  const own = PARTY_INDICATOR.exec(text);
  if (own) {
    const name = codeText(own[1]!.replace(/\.$/, ''));
    return locale === 'fr' ? `l’indicateur ${name} ${frenchOf(owner.fr)}` : `the indicator ${name} of ${owner.en}`;
  }
  const regional = REGION_INDICATOR.exec(text);
  if (regional) return locale === 'fr' ? `l’indicateur régional ${codeText(regional[1]!)}` : `the regional indicator ${codeText(regional[1]!)}`;
  return null;
};

const glossAlert = (pact: Pact, part: string, subjects: Subjects, locale: DescribeLocale): string | null => {
  const one = ALERT.exec(part);
  if (one) {
    const [, ref = '', disease = '', op = '', num = ''] = one;
    const who = subjectText(pact, ref, subjects, locale);
    if (!who || !isComparison(op)) return null;
    const level = comparisonText(op, Number(num), locale);
    if (disease === 'request.disease') {
      return locale === 'fr' ? `${who} est au niveau d’alerte ${level} pour la maladie concernée` : `${who} is at alert level ${level} for the disease concerned`;
    }
    const name = diseaseWord(disease.slice(1, -1), locale);
    return locale === 'fr' ? `${who} est au niveau d’alerte ${name} ${level}` : `${who} is at ${name} alert level ${level}`;
  }
  const any = ANY_DISEASE.exec(part);
  if (any) {
    const [, ref = '', variable, again, used, op = '', num = ''] = any;
    const who = subjectText(pact, ref, subjects, locale);
    if (!who || ref !== again || variable !== used || !isComparison(op)) return null;
    const level = comparisonText(op, Number(num), locale);
    return locale === 'fr' ? `${who} est au niveau d’alerte ${level} pour au moins une maladie` : `${who} is at alert level ${level} for at least one disease`;
  }
  return null;
};

const glossCompared = (part: string, subjects: Subjects, locale: DescribeLocale): string | null => {
  const compared = COMPARED.exec(part);
  if (!compared) return null;
  const [, left = '', op = '', num = ''] = compared;
  const owner = subjects.party;
  const indicator = owner ? glossIndicator(left, owner, locale) : glossIndicator(left, { en: 'the party', fr: 'la partie' }, locale);
  if (!indicator || !isComparison(op)) return null;
  return `${indicator} ${locale === 'fr' ? 'vaut' : 'is'} ${comparisonText(op, Number(num), locale)}`;
};

const DATE_WORDS: Readonly<Record<Comparison, { en: string; fr: string } | undefined>> = {
  '<': { en: 'before {d}', fr: 'avant le {d}' },
  '<=': { en: 'until {d}', fr: 'jusqu’au {d}' },
  '>=': { en: 'from {d} on', fr: 'à partir du {d}' },
  '>': { en: 'after {d}', fr: 'après le {d}' },
  '==': undefined,
};

const glossPart = (pact: Pact, part: string, subjects: Subjects, locale: DescribeLocale): string | null => {
  const has = HAS.exec(part);
  if (has) {
    const field = has[1]!;
    if (field === 'disease') return locale === 'fr' ? 'la demande précise la maladie' : 'the request names the disease';
    return locale === 'fr' ? `la demande précise le champ ${codeText(field)}` : `the request gives its ${codeText(field)}`;
  }
  const now = NOW.exec(part);
  if (now) {
    const words = isComparison(now[1]!) ? DATE_WORDS[now[1]] : undefined;
    return words ? words[locale].replace('{d}', dateText(now[2]!, locale)) : null;
  }
  return glossAlert(pact, part, subjects, locale) ?? glossCompared(part, subjects, locale);
};

/**
 * The condition in words, e.g. "the asking party is at cholera alert level
 * 2 or more", or null when it is not one of the simple forms.
 */
export const glossCondition = (pact: Pact, expression: string, subjects: Subjects, locale: DescribeLocale): string | null => {
  const parts = conjuncts(expression);
  if (!parts || parts.some((part) => part === '')) return null;
  // `has(request.disease)` only guards a later test on the disease asked about; saying it twice adds nothing.
  const guarded = parts.filter((part) => !(part === 'has(request.disease)' && parts.some((p) => p !== part && p.includes('request.disease'))));
  const glosses = guarded.map((part) => glossPart(pact, part, subjects, locale));
  if (glosses.some((gloss) => gloss === null)) return null;
  return listOf(glosses as string[], locale);
};
