import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '@concord/server';
import { stockHistorySeed } from '@concord/server/seed/stock-history.seed';
import { startTestNode, type TestNode } from '../support/test-node.ts';
import { TEST_PASSWORD } from '../support/template.ts';
import { stockOf, user } from './support.ts';

let node: TestNode;
let summary: Record<string, unknown>;
beforeAll(async () => {
  node = await startTestNode();
  const report = await runSeed(node.db, node.services.audit, [stockHistorySeed], { clock: node.clock, log: pino({ level: 'silent' }), demoPassword: TEST_PASSWORD, keys: node.keys });
  summary = report.ran[0]!.summary;
});
afterAll(() => node.close());

const hub = user('EAC', 'hub-coordinator');

describe('the demo stock history', () => {
  it('covers three years of synthetic movements that obey the ledger rule', async () => {
    expect(summary).toMatchObject({ synthetic: true });
    expect(summary.entries).toBeGreaterThan(20_000);
    const span = (await node.db.query<{ first: Date; last: Date }>('SELECT min(at) AS first, max(at) AS last FROM stock_entries'))[0]!;
    expect(span.first.getTime()).toBeLessThan(Date.parse('2023-02-01T00:00:00Z'));
    expect(span.last.getTime()).toBeLessThanOrEqual(node.clock.now().getTime());
    const kinds = await node.db.query<{ kind: string; n: number }>('SELECT kind, count(*)::int8 AS n FROM stock_entries GROUP BY kind');
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(['receipt', 'issue', 'transfer-out', 'transfer-in', 'adjustment', 'loss']));
    expect(await node.db.query('SELECT 1 FROM stock_entries WHERE NOT synthetic LIMIT 1')).toEqual([]);
    const report = await stockOf(node).ledger.verify();
    expect(report).toMatchObject({ ok: true, mismatches: [], replayError: null });
  });

  it('has expiries written off, receipts with GS1 strings, and seasonal consumption', async () => {
    const expired = await node.db.query(`SELECT 1 FROM stock_entries WHERE kind = 'loss' AND reason LIKE 'expired%' LIMIT 1`);
    expect(expired).toHaveLength(1);
    const receipt = (await node.db.query<{ gs1: string }>(`SELECT gs1 FROM stock_entries WHERE kind = 'receipt' LIMIT 1`))[0]!;
    expect(receipt.gs1).toMatch(/^\(01\)\d{14}\(11\)\d{6}\(17\)\d{6}\(10\)/);
    const byMonth = await node.db.query<{ month: number; quantity: number }>(
      `SELECT extract(month FROM at)::int AS month, sum(quantity)::int8 AS quantity FROM stock_entries
       WHERE kind = 'issue' AND product = 'ors' AND at >= '2025-01-01' AND at < '2026-01-01' GROUP BY 1`,
    );
    const ors = (m: number) => byMonth.find((r) => r.month === m)!.quantity;
    // Rehydration salts peak with the long rains (April), not in the dry season (August).
    expect(ors(4)).toBeGreaterThan(ors(8) * 1.5);
  });

  it('gives the dashboards something to show: levels, months of stock, reserves', async () => {
    const { levels } = await stockOf(node).levels.levels(hub, {});
    expect(new Set(levels.map((l) => l.party))).toEqual(new Set(['BI', 'CD', 'EAC', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG']));
    expect(levels.filter((l) => l.monthsOfStock !== null).length).toBeGreaterThan(50);
    const { reserves } = await stockOf(node).levels.reserves(hub, {});
    expect(reserves.length).toBe(32);
  });

  it('keeps 30 days of recorder readings, with alarms, quarantines and decisions', async () => {
    expect(summary.readings).toBe(26 * 30 * 144);
    const alarms = await stockOf(node).coldChain.excursions(hub, { alarm: true, limit: 100 });
    expect(alarms.length).toBeGreaterThan(3);
    expect(new Set(alarms.map((a) => a.type))).toEqual(new Set(['heat', 'freeze']));
    const open = await stockOf(node).coldChain.quarantines(hub, { open: true, limit: 50 });
    expect(open.length).toBeGreaterThan(0);
    expect(new Set(open.map((q) => q.store))).toEqual(new Set(['UG-cms']));
    const decided = await stockOf(node).coldChain.quarantines(hub, { open: false, limit: 500 });
    expect(new Set(decided.map((q) => q.action))).toEqual(new Set(['use', 'use-first', 'discard']));
    const discard = decided.find((q) => q.action === 'discard' && (q.discarded ?? 0) > 0)!;
    const loss = await node.db.query(`SELECT quantity FROM stock_entries WHERE reference = $1`, [`quarantine:${discard.id}`]);
    expect(loss).toEqual([{ quantity: discard.discarded }]);
  });

  it('has sharing requests in every state, decided under the pact version of their day', async () => {
    const requests = await stockOf(node).sharing.list(hub, { limit: 50 });
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(['repaid', 'refused', 'received', 'approved', 'pending']));
    expect(requests.some((r) => r.status === 'repaid' && r.approvedQuantity! < r.quantity)).toBe(true);
    const overdueRepayment = requests.find((r) => r.repayment?.overdue);
    expect(overdueRepayment).toMatchObject({ status: 'received', borrower: 'SS' });
    expect(overdueRepayment!.repayment!.flaggedAt).not.toBeNull();
    const pending = requests.filter((r) => r.status === 'pending');
    expect(pending.map((r) => r.decisionClock.overdue).sort()).toEqual([false, true]);
    expect(new Set(requests.map((r) => r.pactVersion))).toEqual(new Set([1, 2]));
    const denied = await node.services.pact.decisions({ parties: ['RW'], effect: 'deny', kind: 'stock-release', limit: 5 });
    expect(denied).toHaveLength(1);
  });
});
