import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { isUsable, pickFefo, type StockLot } from './fefo.ts';

const lots: StockLot[] = [
  { lot: 'C', expiry: '2025-09-30', quantity: 50, quarantined: false },
  { lot: 'Q', expiry: '2025-01-31', quantity: 80, quarantined: true },
  { lot: 'X', expiry: '2025-02-28', quantity: 30, quarantined: false },
  { lot: 'A', expiry: '2025-03-31', quantity: 20, quarantined: false },
  { lot: 'B', expiry: '2025-03-31', quantity: 40, quarantined: false },
];

const errorOf = (pick: () => unknown) => {
  try {
    pick();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('pickFefo', () => {
  it('picks earliest expiry first, ties by lot, skipping quarantined and expired lots', () => {
    // On 1 March X (Feb) has expired and Q is quarantined.
    expect(pickFefo(lots, 70, '2025-03-01')).toEqual([
      { lot: 'A', expiry: '2025-03-31', quantity: 20 },
      { lot: 'B', expiry: '2025-03-31', quantity: 40 },
      { lot: 'C', expiry: '2025-09-30', quantity: 10 },
    ]);
  });

  it('still issues a lot on its expiry date', () => {
    expect(pickFefo(lots, 5, '2025-02-28')).toEqual([{ lot: 'X', expiry: '2025-02-28', quantity: 5 }]);
  });

  it('refuses with STOCK_INSUFFICIENT when usable stock falls short', () => {
    const error = errorOf(() => pickFefo(lots, 111, '2025-03-01'));
    expect(isAppError(error) && [error.code, error.params]).toEqual(['STOCK_INSUFFICIENT', { requested: 111, available: 110 }]);
  });

  it('refuses a quantity that is not positive and dates that are not ISO', () => {
    expect(isAppError(errorOf(() => pickFefo(lots, 0, '2025-03-01')))).toBe(true);
    const error = errorOf(() => pickFefo(lots, 1, '01/03/2025'));
    expect(isAppError(error) && error.code).toBe('STOCK_DATE_INVALID');
  });
});

const randomLots = fc.uniqueArray(
  fc.record({
    lot: fc.string({ minLength: 1, maxLength: 3 }),
    expiry: fc.integer({ min: 1, max: 28 }).map((d) => `2025-02-${String(d).padStart(2, '0')}`),
    quantity: fc.integer({ min: 0, max: 30 }),
    quarantined: fc.boolean(),
  }),
  { maxLength: 8, selector: (lot) => lot.lot },
);

describe('pickFefo properties', () => {
  it('never picks a later expiry while an earlier usable lot still has stock', () => {
    fc.assert(
      fc.property(randomLots, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 28 }), (stock, quantity, day) => {
        const today = `2025-02-${String(day).padStart(2, '0')}`;
        const usable = stock.filter((l) => isUsable(l, today));
        const available = usable.reduce((sum, l) => sum + l.quantity, 0);
        const error = errorOf(() => pickFefo(stock, quantity, today));
        if (available < quantity) {
          expect(isAppError(error) && error.code).toBe('STOCK_INSUFFICIENT');
          return;
        }
        const picks = pickFefo(stock, quantity, today);
        expect(picks.reduce((sum, p) => sum + p.quantity, 0)).toBe(quantity);
        for (const pick of picks) {
          expect(pick.expiry >= today).toBe(true);
          expect(pick.quantity).toBeGreaterThan(0);
        }
        // A usable lot expiring before the latest lot picked must be empty.
        const latestPicked = picks.reduce((latest, p) => (p.expiry > latest ? p.expiry : latest), '');
        for (const lot of usable) {
          const taken = picks.find((p) => p.lot === lot.lot)?.quantity ?? 0;
          expect(taken).toBeLessThanOrEqual(lot.quantity);
          if (lot.expiry < latestPicked) expect(taken).toBe(lot.quantity);
        }
        for (const pick of picks) expect(stock.some((l) => l.lot === pick.lot && l.expiry === pick.expiry && isUsable(l, today))).toBe(true);
      }),
    );
  });
});
