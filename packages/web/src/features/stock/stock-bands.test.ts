import { describe, expect, it } from 'vitest';
import { bandOf, MAX_MONTHS, median, medianMonthsByParty, MIN_MONTHS } from './stock-bands.ts';

describe('months-of-stock bands', () => {
  it('follow the max-min rule: minimum = lead time + safety stock, maximum = minimum + review period', () => {
    expect([MIN_MONTHS, MAX_MONTHS]).toEqual([6, 9]);
  });

  it('put the minimum and the maximum themselves in the band, and anything outside beside it', () => {
    expect(bandOf(0)).toBe('under');
    expect(bandOf(5.99)).toBe('under');
    expect(bandOf(6)).toBe('ok');
    expect(bandOf(9)).toBe('ok');
    expect(bandOf(9.01)).toBe('over');
    expect(bandOf(null)).toBe('unknown');
  });
});

describe('median months of stock per party', () => {
  it('takes the middle of the products with a rate, and null when none has one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(
      medianMonthsByParty([
        { party: 'KE', monthsOfStock: 5 },
        { party: 'KE', monthsOfStock: 12 },
        { party: 'KE', monthsOfStock: null },
        { party: 'KE', monthsOfStock: 7 },
        { party: 'EAC', monthsOfStock: null },
      ]),
    ).toEqual({ KE: 7, EAC: null });
  });
});
