import { badRequest } from '../errors.ts';
import { isValidGtin14 } from './gtin.ts';

/**
 * GS1 element strings as printed in GS1 DataMatrix and GS1-128 barcodes on
 * medicines and vaccines (GS1 General Specifications, §3 and §7.8). Only
 * the Application Identifiers a stock ledger needs are read:
 * (01) GTIN, (11) production date, (17) expiry, (10) batch/lot, (21) serial.
 */
export interface Gs1Data {
  gtin?: string;
  /** ISO date; a printed day 00 means the last day of the month. */
  expiry?: string;
  productionDate?: string;
  lot?: string;
  serial?: string;
  /** Every element in the order read, as printed. */
  elements: { ai: string; value: string }[];
}

/** The group separator (ASCII 29) that ends a variable-length field, as FNC1 is transmitted. */
export const GS = '\u001d';

interface AiSpec {
  field: 'gtin' | 'expiry' | 'productionDate' | 'lot' | 'serial';
  /** Fixed length in digits, or the maximum length of a variable field. */
  length: number;
  fixed: boolean;
}

const AIS: Record<string, AiSpec> = {
  '01': { field: 'gtin', length: 14, fixed: true },
  '11': { field: 'productionDate', length: 6, fixed: true },
  '17': { field: 'expiry', length: 6, fixed: true },
  '10': { field: 'lot', length: 20, fixed: false },
  '21': { field: 'serial', length: 20, fixed: false },
};

/** Symbology identifiers (ISO/IEC 15424) of symbols that carry GS1 element strings. */
const GS1_SYMBOLOGIES = [']d2', ']C1', ']Q3', ']e0'];

/** GS1 AI encodable character set 82 (GS1 General Specifications, Figure 7.11-1). */
const CSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

const fail = (code: string, message: string, params: Record<string, unknown> = {}) => badRequest(`STOCK_GS1_${code}`, message, params);

export interface Gs1Options {
  /**
   * The year of reading, for the GS1 century rule (§7.12): a two-digit year
   * more than 50 years ahead belongs to the previous century, more than 49
   * years behind to the next one. Without it, years are 2000–2099.
   */
  referenceYear?: number;
}

const fullYear = (yy: number, referenceYear: number | undefined): number => {
  if (referenceYear === undefined) return 2000 + yy;
  const century = Math.floor(referenceYear / 100) * 100;
  const difference = yy - (referenceYear % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYMMDD to an ISO date; DD = 00 is the last day of the month (§7.12). */
const gs1Date = (ai: string, value: string, options: Gs1Options): string => {
  const [yy, mm, dd] = [value.slice(0, 2), value.slice(2, 4), value.slice(4, 6)].map(Number) as [number, number, number];
  const year = fullYear(yy, options.referenceYear);
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (mm < 1 || mm > 12 || dd > lastDay) throw fail('BAD_DATE', `(${ai}) ${value} is not a date YYMMDD`, { ai, value });
  return `${pad(year, 4)}-${pad(mm)}-${pad(dd === 0 ? lastDay : dd)}`;
};

const checkValue = (ai: string, spec: AiSpec, value: string): void => {
  if (spec.fixed ? value.length !== spec.length : value.length === 0 || value.length > spec.length) {
    const expected = spec.fixed ? `exactly ${spec.length}` : `1 to ${spec.length}`;
    throw fail('FIELD_LENGTH', `(${ai}) must have ${expected} characters, got ${value.length}`, { ai, length: value.length });
  }
  if (spec.fixed ? !/^\d+$/.test(value) : !CSET_82.test(value)) {
    throw fail('BAD_CHARACTER', `(${ai}) has a character GS1 does not allow there`, { ai, value });
  }
  if (ai === '01' && !isValidGtin14(value)) throw fail('GTIN_CHECK_DIGIT', `GTIN ${value} has a wrong check digit`, { gtin: value });
};

const collect = (elements: { ai: string; value: string }[], options: Gs1Options): Gs1Data => {
  const data: Gs1Data = { elements };
  const seen = new Set<string>();
  for (const { ai, value } of elements) {
    const spec = AIS[ai]!;
    if (seen.has(ai)) throw fail('DUPLICATE_AI', `(${ai}) appears twice`, { ai });
    seen.add(ai);
    checkValue(ai, spec, value);
    data[spec.field] = spec.field === 'expiry' || spec.field === 'productionDate' ? gs1Date(ai, value, options) : value;
  }
  return data;
};

const unsupported = (ai: string) =>
  fail('UNSUPPORTED_AI', `Application Identifier (${ai}) is not one this reader knows (01, 10, 11, 17, 21)`, { ai });

/** Raw form: AI and data run together, a variable field ends at GS or the end. */
const rawElements = (text: string): { ai: string; value: string }[] => {
  const elements: { ai: string; value: string }[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === GS) {
      at += 1;
      continue;
    }
    const ai = text.slice(at, at + 2);
    const spec = AIS[ai];
    if (spec === undefined) throw unsupported(ai);
    at += 2;
    if (spec.fixed) {
      elements.push({ ai, value: text.slice(at, at + spec.length) });
      at += spec.length;
    } else {
      const end = text.indexOf(GS, at);
      const stop = end === -1 ? text.length : end;
      elements.push({ ai, value: text.slice(at, stop) });
      at = stop;
    }
  }
  return elements;
};

/**
 * Bracketed human-readable form. Every "(NN)" of two to four digits is
 * read as an AI, so an unknown AI is refused instead of being swallowed
 * into the lot before it; a lot that itself contains such a bracket can
 * only be read in the raw form.
 */
const bracketedElements = (text: string): { ai: string; value: string }[] => {
  const marks = [...text.matchAll(/\((\d{2,4})\)/g)];
  if (marks[0]?.index !== 0) throw fail('BAD_SYNTAX', 'a bracketed element string starts with "(AI)"');
  return marks.map((m, n) => {
    if (!(m[1]! in AIS)) throw unsupported(m[1]!);
    const from = m.index + m[0].length;
    return { ai: m[1]!, value: text.slice(from, marks[n + 1]?.index ?? text.length) };
  });
};

/**
 * Reads a GS1 element string in either form: raw, as a scanner sends it
 * (optionally with a GS1 symbology identifier such as ]d2 or ]C1, with GS
 * after variable-length fields), or bracketed, as printed under the
 * barcode: "(01)02000001000014(17)261231(10)A123".
 */
export const parseGs1 = (input: string, options: Gs1Options = {}): Gs1Data => {
  let text = input.trim();
  if (text.startsWith(']')) {
    if (!GS1_SYMBOLOGIES.includes(text.slice(0, 3))) {
      throw fail('NOT_GS1', `symbology identifier ${text.slice(0, 3)} does not announce GS1 data`, { symbology: text.slice(0, 3) });
    }
    text = text.slice(3);
  }
  if (text.replaceAll(GS, '').length === 0) throw fail('EMPTY', 'the element string is empty');
  const elements = text.startsWith('(') ? bracketedElements(text) : rawElements(text);
  return collect(elements, options);
};

const encodeOrder: [string, keyof Omit<Gs1Data, 'elements'>][] = [
  ['01', 'gtin'],
  ['11', 'productionDate'],
  ['17', 'expiry'],
  ['10', 'lot'],
  ['21', 'serial'],
];

const yymmdd = (iso: string): string => `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;

/**
 * Writes an element string: fixed-length fields first so that only the
 * variable ones need a separator. `raw` puts GS between fields, as a
 * printer encodes FNC1; `bracketed` is the human-readable line.
 */
export const formatGs1 = (data: Omit<Gs1Data, 'elements'>, form: 'raw' | 'bracketed'): string => {
  const parts = encodeOrder.flatMap(([ai, field]) => {
    const value = data[field];
    if (value === undefined) return [];
    return [{ ai, value: field === 'expiry' || field === 'productionDate' ? yymmdd(value) : value }];
  });
  if (form === 'bracketed') return parts.map((p) => `(${p.ai})${p.value}`).join('');
  return parts.map((p, n) => `${p.ai}${p.value}${!AIS[p.ai]!.fixed && n < parts.length - 1 ? GS : ''}`).join('');
};
