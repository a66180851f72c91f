import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { applyEntry, balanceOf, emptyBalances, listBalances, replay, type StockBalances, type StockEntry } from './ledger.ts';
import { monthsOfStock } from './months-of-stock.ts';

const entry = (kind: StockEntry['kind'], quantity: number, store = 'central', lot = 'L1'): StockEntry => ({
  kind,
  store,
  product: 'mr-vaccine',
  lot,
  quantity,
  at: '2025-03-01T10:00:00Z',
});

const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('stock ledger', () => {
  it('moves stock through receipts, issues, transfers, adjustments and losses', () => {
    const balances = replay([
      entry('receipt', 100),
      entry('issue', 30),
      entry('transfer-out', 20),
      entry('transfer-in', 20, 'district'),
      entry('adjustment', -5),
      entry('loss', 10),
      entry('adjustment', 2, 'district'),
    ]);
    expect(balanceOf(balances, { store: 'central', product: 'mr-vaccine', lot: 'L1' })).toBe(35);
    expect(balanceOf(balances, { store: 'district', product: 'mr-vaccine', lot: 'L1' })).toBe(22);
    expect(balanceOf(balances, { store: 'district', product: 'mr-vaccine', lot: 'L2' })).toBe(0);
  });

  it('refuses an entry that would go negative and leaves the balances as they were', () => {
    const before = applyEntry(emptyBalances(), entry('receipt', 10));
    const error = errorOf(() => applyEntry(before, entry('issue', 11)));
    expect(isAppError(error) && [error.code, error.params.balance]).toEqual(['STOCK_NEGATIVE_BALANCE', 10]);
    expect(listBalances(before)).toEqual([{ store: 'central', product: 'mr-vaccine', lot: 'L1', quantity: 10 }]);
  });

  it('names the entry that breaks a ledger on replay', () => {
    const error = errorOf(() => replay([entry('receipt', 5), entry('loss', 6)]));
    expect(isAppError(error) && [error.code, error.params.index]).toEqual(['STOCK_NEGATIVE_BALANCE', 1]);
  });

  it('refuses malformed entries', () => {
    for (const bad of [entry('issue', 0), entry('receipt', -1), entry('adjustment', 0), { ...entry('receipt', 1), kind: 'gift' as 'receipt' }, { ...entry('receipt', 1), at: 'yesterday' }]) {
      const error = errorOf(() => applyEntry(emptyBalances(), bad));
      expect(isAppError(error) && error.code).toBe('STOCK_ENTRY_INVALID');
    }
  });
});

const randomEntries = fc.array(
  fc.record({
    kind: fc.constantFrom('receipt', 'issue', 'transfer-out', 'transfer-in', 'adjustment', 'loss') as fc.Arbitrary<StockEntry['kind']>,
    store: fc.constantFrom('central', 'district'),
    product: fc.constantFrom('mr-vaccine', 'ors'),
    lot: fc.constantFrom('L1', 'L2'),
    quantity: fc.integer({ min: 1, max: 40 }),
    negative: fc.boolean(),
    at: fc.constant('2025-03-01'),
  }),
  { maxLength: 60 },
).map((list) => list.map(({ negative, ...e }) => ({ ...e, quantity: e.kind === 'adjustment' && negative ? -e.quantity : e.quantity })));

const SIGN = { receipt: 1, 'transfer-in': 1, adjustment: 1, issue: -1, 'transfer-out': -1, loss: -1 } as const;

describe('stock ledger properties', () => {
  it('never goes negative, refused entries change nothing, and replay equals the running balances', () => {
    fc.assert(
      fc.property(randomEntries, (entries) => {
        let balances: StockBalances = emptyBalances();
        const accepted: StockEntry[] = [];
        for (const e of entries) {
          const snapshot = listBalances(balances);
          try {
            const next = applyEntry(balances, e);
            expect(listBalances(balances)).toEqual(snapshot);
            balances = next;
            accepted.push(e);
          } catch (error) {
            expect(isAppError(error) && error.code).toBe('STOCK_NEGATIVE_BALANCE');
            expect(listBalances(balances)).toEqual(snapshot);
          }
          for (const b of listBalances(balances)) expect(b.quantity).toBeGreaterThanOrEqual(0);
        }
        const replayed = replay(accepted);
        expect(new Map(replayed)).toEqual(new Map(balances));
        // And both equal the plain signed sum of the accepted entries.
        for (const b of listBalances(replayed)) {
          const sum = accepted.filter((e) => e.store === b.store && e.product === b.product && e.lot === b.lot).reduce((s, e) => s + SIGN[e.kind] * e.quantity, 0);
          expect(b.quantity).toBe(sum);
        }
      }),
    );
  });
});

describe('monthsOfStock', () => {
  it('divides stock on hand by the average of the last N months', () => {
    // Last three months: (90 + 110 + 100) / 3 = 100 a month; 250 on hand.
    expect(monthsOfStock(250, [400, 90, 110, 100], 3)).toBeCloseTo(2.5, 12);
    expect(monthsOfStock(60, [30], 3)).toBe(2);
  });

  it('has no answer without consumption and refuses negative figures', () => {
    expect(monthsOfStock(10, [], 3)).toBeNull();
    expect(monthsOfStock(10, [5, 0, 0, 0], 3)).toBeNull();
    expect(errorOf(() => monthsOfStock(-1, [1]))).toBeDefined();
    expect(errorOf(() => monthsOfStock(1, [1], 0))).toBeDefined();
  });
});
