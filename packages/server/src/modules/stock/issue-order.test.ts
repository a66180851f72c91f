import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickForIssue, type IssuableLot } from './issue-order.ts';

const lot = (id: string, expiry: string, quantity: number, extra: Partial<IssuableLot> = {}): IssuableLot => ({
  lot: id,
  expiry,
  quantity,
  quarantined: false,
  useFirst: false,
  ...extra,
});

describe('pickForIssue', () => {
  it('takes use-first lots before earlier-expiring ones, then FEFO', () => {
    const lots = [lot('A', '2026-03-01', 10), lot('B', '2026-09-01', 5, { useFirst: true }), lot('C', '2026-06-01', 10)];
    expect(pickForIssue(lots, 12, '2026-01-05')).toEqual([
      { lot: 'B', expiry: '2026-09-01', quantity: 5 },
      { lot: 'A', expiry: '2026-03-01', quantity: 7 },
    ]);
  });

  it('skips quarantined and expired lots, and refuses a shortfall without picking', () => {
    const lots = [lot('OLD', '2026-01-04', 50), lot('Q', '2026-02-01', 50, { quarantined: true }), lot('OK', '2026-05-01', 8)];
    expect(pickForIssue(lots, 8, '2026-01-05')).toEqual([{ lot: 'OK', expiry: '2026-05-01', quantity: 8 }]);
    expect(() => pickForIssue(lots, 9, '2026-01-05')).toThrow(expect.objectContaining({ code: 'STOCK_INSUFFICIENT', params: { requested: 9, available: 8 } }));
  });

  it('never takes more than a lot holds and always takes exactly what was asked', () => {
    const lots = fc.array(
      fc.record({
        lot: fc.string({ minLength: 1, maxLength: 4 }),
        expiry: fc.constantFrom('2025-12-31', '2026-01-05', '2026-06-30', '2027-01-01'),
        quantity: fc.integer({ min: 0, max: 50 }),
        quarantined: fc.boolean(),
        useFirst: fc.boolean(),
      }),
      { maxLength: 8 },
    ).map((list) => list.filter((l, i) => list.findIndex((m) => m.lot === l.lot) === i));
    fc.assert(
      fc.property(lots, fc.integer({ min: 1, max: 120 }), (list, quantity) => {
        const today = '2026-01-05';
        const usable = list.filter((l) => !l.quarantined && l.expiry >= today).reduce((s, l) => s + l.quantity, 0);
        if (usable < quantity) {
          expect(() => pickForIssue(list, quantity, today)).toThrow();
          return;
        }
        const picks = pickForIssue(list, quantity, today);
        expect(picks.reduce((s, p) => s + p.quantity, 0)).toBe(quantity);
        for (const pick of picks) {
          const source = list.find((l) => l.lot === pick.lot)!;
          expect(source.quarantined).toBe(false);
          expect(pick.quantity).toBeLessThanOrEqual(source.quantity);
        }
        // A plain lot is only touched once every usable use-first lot is empty.
        const usedPlain = picks.some((p) => !list.find((l) => l.lot === p.lot)!.useFirst);
        if (usedPlain) {
          const firstStock = list.filter((l) => l.useFirst && !l.quarantined && l.expiry >= today).reduce((s, l) => s + l.quantity, 0);
          const firstTaken = picks.filter((p) => list.find((l) => l.lot === p.lot)!.useFirst).reduce((s, p) => s + p.quantity, 0);
          expect(firstTaken).toBe(firstStock);
        }
      }),
    );
  });
});
