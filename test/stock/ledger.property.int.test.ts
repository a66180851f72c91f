import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@concord/core';
import { listBalances, replay, type StockEntry } from '@concord/core/stock/index';
import { startTestNode, type TestNode } from '../support/test-node.ts';
import { stockOf, user } from './support.ts';

/**
 * Random sequences of movements through the ledger service, against the
 * database: stock never goes negative, a refused movement changes nothing,
 * and the stored balances are exactly what core replay() derives from the
 * entries in the order they were appended.
 */
let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

const staff = user('KE', 'facility-staff');
const STORES = ['KE-cms', 'KE-nrh', 'KE-rh'] as const;
const LOTS = [
  { product: 'ors', lot: 'P-ORS-1', expiry: '2026-03-31' },
  { product: 'ors', lot: 'P-ORS-2', expiry: '2027-12-31' },
  // Expired by the test clock (2026-01-05): received back in 2025, never issued.
  { product: 'ors', lot: 'P-ORS-OLD', expiry: '2025-12-31' },
  { product: 'ringer-lactate', lot: 'P-RL-1', expiry: '2026-09-30' },
] as const;

const store = fc.constantFrom(...STORES);
const lotOf = fc.constantFrom(...LOTS);
const quantity = fc.integer({ min: 1, max: 60 });

const command = fc.oneof(
  fc.record({ op: fc.constant('receive' as const), store, lot: lotOf, quantity, past: fc.boolean() }),
  fc.record({ op: fc.constant('issue' as const), store, product: fc.constantFrom('ors', 'ringer-lactate'), quantity }),
  fc.record({ op: fc.constant('transfer' as const), from: store, to: store, product: fc.constantFrom('ors', 'ringer-lactate'), quantity }),
  fc.record({ op: fc.constant('adjust' as const), store, lot: lotOf, quantity: fc.integer({ min: -40, max: 40 }).filter((q) => q !== 0) }),
  fc.record({ op: fc.constant('loss' as const), store, lot: lotOf, quantity }),
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

const run = (c: Command) => {
  const ledger = stockOf(node).ledger;
  switch (c.op) {
    case 'receive':
      return ledger.receive(staff, c.store, { ...c.lot, quantity: c.quantity, at: c.past ? '2025-06-01T00:00:00Z' : undefined });
    case 'issue':
      return ledger.issue(staff, c.store, { product: c.product, quantity: c.quantity });
    case 'transfer':
      return ledger.transfer(staff, { from: c.from, to: c.to, product: c.product, quantity: c.quantity });
    case 'adjust':
      return ledger.adjust(staff, c.store, { product: c.lot.product, lot: c.lot.lot, quantity: c.quantity, reason: 'count' });
    case 'loss':
      return ledger.loss(staff, c.store, { product: c.lot.product, lot: c.lot.lot, quantity: c.quantity, reason: 'damaged' });
  }
};

const state = async () => ({
  lastSeq: (await node.db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM stock_entries'))[0]!.seq,
  balances: await node.db.query<{ store: string; product: string; lot: string; quantity: number }>(
    'SELECT store, product, lot, quantity FROM stock_balances ORDER BY store, product, lot',
  ),
});

const replayed = async () => {
  const entries = await node.db.query<Omit<StockEntry, 'at'> & { at: Date; [column: string]: unknown }>('SELECT kind, store, product, lot, quantity, at FROM stock_entries ORDER BY seq');
  return replay(entries.map((e) => ({ ...e, at: e.at.toISOString() })));
};

describe('the ledger under random movements', () => {
  it('never goes negative, changes nothing when it refuses, and equals the replay of its entries', async () => {
    let refusals = 0;
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        for (const c of commands) {
          const before = await state();
          try {
            const result = await run(c);
            applied += 1;
            for (const entry of result.entries) expect(entry.balance).toBeGreaterThanOrEqual(0);
          } catch (error) {
            if (!isAppError(error) || error.status >= 500) throw error;
            refusals += 1;
            expect(await state()).toEqual(before);
          }
        }
        const now = await state();
        expect(now.balances.every((b) => b.quantity >= 0)).toBe(true);
        const fromReplay = listBalances(await replayed())
          .filter((b) => b.quantity !== 0)
          .sort((a, b) => (a.store + a.product + a.lot < b.store + b.product + b.lot ? -1 : 1));
        expect(now.balances.filter((b) => b.quantity !== 0)).toEqual(fromReplay);
        expect((await stockOf(node).ledger.verify()).ok).toBe(true);
      }),
      { numRuns: 25 },
    );
    // The generator reaches both sides of the rule.
    expect(applied).toBeGreaterThan(20);
    expect(refusals).toBeGreaterThan(20);
  });
});
