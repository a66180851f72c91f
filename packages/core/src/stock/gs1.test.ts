import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../catalogue/products.ts';
import { isAppError } from '../errors.ts';
import { formatGs1, GS, parseGs1 } from './gs1.ts';
import { gs1CheckDigit, isValidGtin14 } from './gtin.ts';

const codeOf = (read: () => unknown): unknown => {
  try {
    read();
  } catch (error) {
    return isAppError(error) ? error.code : error;
  }
  return undefined;
};

// GS1's own example GTIN 09506000134352. By hand, weights 3,1,3,… from the
// right over 0950600013435: 5·3 + 3 + 4·3 + 3 + 1·3 + 0 + 0 + 0 + 6·3 + 0 +
// 5·3 + 9 + 0 = 78, so the check digit is 2.
const GTIN = '09506000134352';

describe('GTIN check digit', () => {
  it('matches the hand-computed example and every catalogue GTIN', () => {
    expect(gs1CheckDigit(GTIN.slice(0, 13))).toBe(2);
    for (const product of PRODUCTS) expect(isValidGtin14(product.gtin)).toBe(true);
    expect(isValidGtin14('09506000134353')).toBe(false);
    expect(isValidGtin14('0950600013435')).toBe(false);
  });
});

describe('parseGs1', () => {
  it('reads the raw form with a symbology identifier and group separators', () => {
    const data = parseGs1(`]d201${GTIN}17261130` + `10ABC-12/3${GS}21SN0001`);
    expect(data).toMatchObject({ gtin: GTIN, expiry: '2026-11-30', lot: 'ABC-12/3', serial: 'SN0001' });
    expect(data.elements.map((e) => e.ai)).toEqual(['01', '17', '10', '21']);
  });

  it('reads a GS1-128 scan with a leading FNC1 and a variable field last', () => {
    expect(parseGs1(`]C1${GS}01${GTIN}10LOT7`)).toMatchObject({ gtin: GTIN, lot: 'LOT7' });
  });

  it('reads the bracketed human-readable form in any order', () => {
    expect(parseGs1(`(10)A1(01)${GTIN}(21)X9(17)250600`)).toMatchObject({ gtin: GTIN, lot: 'A1', serial: 'X9', expiry: '2025-06-30' });
  });

  it('takes day 00 as the last day of the month, leap years included', () => {
    expect(parseGs1(`(17)240200`).expiry).toBe('2024-02-29');
    expect(parseGs1(`(17)230200`).expiry).toBe('2023-02-28');
    expect(parseGs1(`(17)241200`).expiry).toBe('2024-12-31');
  });

  it('applies the GS1 century rule when the reading year is known', () => {
    // 2024: 80 is 56 years ahead (≥ 51) → 1980; 74 is 50 ahead → 2074.
    expect(parseGs1('(17)800101', { referenceYear: 2024 }).expiry).toBe('1980-01-01');
    expect(parseGs1('(17)740101', { referenceYear: 2024 }).expiry).toBe('2074-01-01');
    // 2090: 30 is 60 behind (≤ −50) → 2130.
    expect(parseGs1('(17)300101', { referenceYear: 2090 }).expiry).toBe('2130-01-01');
  });

  it('refuses malformed strings with stable codes', () => {
    expect(codeOf(() => parseGs1(`(01)09506000134353`))).toBe('STOCK_GS1_GTIN_CHECK_DIGIT');
    expect(codeOf(() => parseGs1(`01${GTIN}99ABC`))).toBe('STOCK_GS1_UNSUPPORTED_AI');
    expect(codeOf(() => parseGs1(`(01)${GTIN}(99)ABC`))).toBe('STOCK_GS1_UNSUPPORTED_AI');
    expect(codeOf(() => parseGs1(`10${'A'.repeat(21)}`))).toBe('STOCK_GS1_FIELD_LENGTH');
    expect(codeOf(() => parseGs1(`010950600013435`))).toBe('STOCK_GS1_FIELD_LENGTH');
    expect(codeOf(() => parseGs1(`(17)261301`))).toBe('STOCK_GS1_BAD_DATE');
    expect(codeOf(() => parseGs1(`(17)260230`))).toBe('STOCK_GS1_BAD_DATE');
    expect(codeOf(() => parseGs1(`(10)A(10)B`))).toBe('STOCK_GS1_DUPLICATE_AI');
    expect(codeOf(() => parseGs1(`(10)LOT 1`))).toBe('STOCK_GS1_BAD_CHARACTER');
    expect(codeOf(() => parseGs1(`(01)0950600013435X`))).toBe('STOCK_GS1_BAD_CHARACTER');
    expect(codeOf(() => parseGs1(`]d1${GTIN}`))).toBe('STOCK_GS1_NOT_GS1');
    expect(codeOf(() => parseGs1(`]d2`))).toBe('STOCK_GS1_EMPTY');
    expect(codeOf(() => parseGs1(`(1)X`))).toBe('STOCK_GS1_BAD_SYNTAX');
    expect(codeOf(() => parseGs1(`A(10)X`))).toBe('STOCK_GS1_UNSUPPORTED_AI');
  });
});

const CSET_82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
const text = (alphabet: string) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 20 }).map((chars) => chars.join(''));
const gtin = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 })
  .map((digits) => digits.join(''))
  .map((body) => body + gs1CheckDigit(body));
const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const labels = (alphabet: string) =>
  fc.record({ gtin, expiry: date, productionDate: date, lot: text(alphabet), serial: text(alphabet) }, { requiredKeys: [] });

describe('GS1 round trip', () => {
  it('reads back what it writes in the raw form', () => {
    fc.assert(
      fc.property(labels(CSET_82), (data) => {
        fc.pre(Object.keys(data).length > 0);
        const { elements, ...read } = parseGs1(`]d2${formatGs1(data, 'raw')}`);
        expect(elements).toHaveLength(Object.keys(data).length);
        expect(read).toEqual(data);
      }),
    );
  });

  it('reads back what it writes in the bracketed form', () => {
    fc.assert(
      fc.property(labels(CSET_82.replace('(', '')), (data) => {
        fc.pre(Object.keys(data).length > 0);
        const { elements, ...read } = parseGs1(formatGs1(data, 'bracketed'));
        expect(elements).toHaveLength(Object.keys(data).length);
        expect(read).toEqual(data);
      }),
    );
  });
});
