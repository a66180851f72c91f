import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertLevels } from '@concord/core';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';
import { failure, ledgerSnapshot, stockOf, user } from './support.ts';

let node: TestNode;
let nfpKe: { authorization: string };
let alerts: AlertLevels = {};
const HOUR = 3_600_000;
const hub = user('EAC', 'hub-coordinator');
const ugStaff = user('UG', 'facility-staff');
const keStaff = user('KE', 'facility-staff');
const keNfp = user('KE', 'national-focal-point');

beforeAll(async () => {
  node = await startTestNode();
  // Alert levels come through the pact's DecisionFacts port; the test plays the events context.
  node.services.pact.useFacts({ alert: async () => alerts, indicators: async () => ({}) });
  nfpKe = await node.signIn(demoEmail('nfp.ke'));
  await stockOf(node).ledger.receive(ugStaff, 'UG-cms', { product: 'oral-cholera-vaccine', lot: 'UG-OCV-1', expiry: '2027-06-30', quantity: 10_000, at: '2025-11-01T00:00:00Z' });
  await stockOf(node).ledger.receive(ugStaff, 'UG-cms', { product: 'oral-cholera-vaccine', lot: 'UG-OCV-0', expiry: '2026-08-31', quantity: 1_000, at: '2025-11-01T00:00:00Z' });
  await stockOf(node).ledger.receive(keStaff, 'KE-cms', { product: 'oral-cholera-vaccine', lot: 'KE-OCV-9', expiry: '2028-01-31', quantity: 3_000, at: '2025-11-01T00:00:00Z' });
});
afterAll(() => node.close());

const ask = (payload: unknown) => node.app.inject({ method: 'POST', url: '/api/v1/stock/requests', headers: nfpKe, payload: payload as object });

describe('asking for reserve stock under the pact', () => {
  it('refuses a party below cholera alert level 2, with the stored decision and its reasons', async () => {
    alerts = { KE: { cholera: 1 } };
    const before = await ledgerSnapshot(node);
    const response = await ask({ product: 'oral-cholera-vaccine', quantity: 2000, from: 'UG', reason: 'outbreak in Kisumu' });
    expect(response.statusCode).toBe(403);
    const body = response.json();
    expect(body).toMatchObject({ code: 'STOCK_REQUEST_NOT_PERMITTED', params: { product: 'oral-cholera-vaccine', from: 'UG', to: 'KE' } });
    expect(body.params.reasons.join(' ')).toMatch(/cholera-stockpile/);
    const stored = await node.services.pact.decisions({ parties: ['KE'], effect: 'deny', limit: 5 });
    expect(stored.map((d: { id: string }) => d.id)).toContain(body.params.decisionId);
    expect(await node.db.query('SELECT id FROM stock_requests')).toEqual([]);
    expect(await ledgerSnapshot(node)).toEqual(before);
  });

  it('refuses products no stockpile clause covers, even at a high alert level', async () => {
    alerts = { KE: { cholera: 3, measles: 3 } };
    const response = await ask({ product: 'mr-vaccine', quantity: 10, from: 'UG', reason: 'measles' });
    expect(response.json().code).toBe('STOCK_REQUEST_NOT_PERMITTED');
  });

  it('opens the request at level 2 with the clause’s 48-hour decision clock and repayment terms', async () => {
    alerts = { KE: { cholera: 2 } };
    const response = await ask({ product: 'oral-cholera-vaccine', quantity: 2000, from: 'UG', reason: 'outbreak in Kisumu' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'pending',
      lender: 'UG',
      borrower: 'KE',
      clauseId: 'cholera-stockpile',
      pactVersion: 2,
      deciders: ['EAC/hub-coordinator'],
      repayWithinDays: 180,
      repayInKind: true,
      decisionClock: { deadline: new Date(node.clock.now().getTime() + 48 * HOUR).toISOString(), hoursLeft: 48, overdue: false },
      repayment: null,
    });
  });

  it("does not let a party ask in another party's name", async () => {
    alerts = { UG: { cholera: 2 }, KE: { cholera: 2 } };
    const error = await failure(stockOf(node).sharing.request(keNfp, { product: 'ors', quantity: 10, from: 'TZ', to: 'UG', reason: 'x' }));
    expect(error.code).toBe('ACCESS_OUT_OF_SCOPE');
  });
});

describe('deciding, shipping, receiving and repaying', () => {
  let id: string;
  beforeAll(async () => {
    alerts = { KE: { cholera: 2 } };
    id = (await stockOf(node).sharing.request(keNfp, { product: 'oral-cholera-vaccine', quantity: 2000, from: 'UG', reason: 'second wave' })).id;
  });

  it('lets only the decider the clause names decide, and checks a part approval', async () => {
    expect((await failure(stockOf(node).sharing.decide(keNfp, id, { outcome: 'approve', reason: 'self' }))).code).toBe('STOCK_NOT_THE_DECIDER');
    expect((await failure(stockOf(node).sharing.decide(user('UG', 'national-focal-point'), id, { outcome: 'approve', reason: 'x' }))).code).toBe('STOCK_NOT_THE_DECIDER');
    expect((await failure(stockOf(node).sharing.decide(hub, id, { outcome: 'part', quantity: 2000, reason: 'x' }))).code).toBe('STOCK_APPROVED_QUANTITY_INVALID');
    const decided = await stockOf(node).sharing.decide(hub, id, { outcome: 'part', quantity: 1500, reason: 'UG keeps its own reserve' });
    expect(decided).toMatchObject({ status: 'partially-approved', approvedQuantity: 1500, decisionReason: 'UG keeps its own reserve', decisionClock: { hoursLeft: null, decidedLate: false } });
  });

  it("ships FEFO from the lender's national store, by the lender's own staff only", async () => {
    expect((await failure(stockOf(node).sharing.ship(keStaff, id, {}))).code).toBe('ACCESS_OUT_OF_SCOPE');
    expect((await failure(stockOf(node).sharing.ship(ugStaff, id, { store: 'KE-cms' }))).code).toBe('STOCK_STORE_NOT_OF_PARTY');
    const shipped = await stockOf(node).sharing.ship(ugStaff, id, {});
    expect(shipped.status).toBe('shipped');
    expect(shipped.shipment.map((s) => [s.lot, s.quantity])).toEqual([['UG-OCV-0', 1000], ['UG-OCV-1', 500]]);
    expect(shipped.repayment).toMatchObject({ due: '2026-07-04', owed: 1500, outstanding: 1500, overdue: false, schedule: [{ due: '2026-07-04', quantity: 1500 }] });
    expect((await failure(stockOf(node).sharing.ship(ugStaff, id, {}))).code).toBe('STOCK_REQUEST_WRONG_STATE');
  });

  it("receives the same lots into the borrower's store", async () => {
    const received = await stockOf(node).sharing.receive(keStaff, id, {});
    expect(received).toMatchObject({ status: 'received', receivedInto: 'KE-cms' });
    const lots = (await stockOf(node).ledger.lots(keStaff, 'KE-cms', 'oral-cholera-vaccine')).lots;
    expect(lots.map((l) => [l.lot, l.quantity])).toEqual([['UG-OCV-0', 1000], ['UG-OCV-1', 500], ['KE-OCV-9', 3000]]);
  });

  it('records repayments in kind and refuses paying back more than is owed', async () => {
    const part = await stockOf(node).sharing.repay(keStaff, id, { quantity: 500 });
    expect(part.repayment).toMatchObject({ repaid: 500, outstanding: 1000 });
    expect(part.repayment!.repayments).toHaveLength(1);
    expect((await failure(stockOf(node).sharing.repay(keStaff, id, { quantity: 1001 }))).code).toBe('STOCK_REPAYMENT_TOO_LARGE');
    const ugLots = (await stockOf(node).ledger.lots(ugStaff, 'UG-cms', 'oral-cholera-vaccine')).lots;
    // FEFO at the borrower sent back the earliest-expiring lot it held.
    expect(ugLots.find((l) => l.lot === 'UG-OCV-0')?.quantity).toBe(500);
  });

  it('flags the repayment overdue once the due date has passed, once', async () => {
    node.clock.set('2026-07-06T00:00:00Z');
    const first = (await node.scheduler.runNow('stock-clocks')) as { repaymentsOverdue: string[] };
    expect(first.repaymentsOverdue).toEqual([id]);
    const second = (await node.scheduler.runNow('stock-clocks')) as { repaymentsOverdue: string[] };
    expect(second.repaymentsOverdue).toEqual([]);
    const request = await stockOf(node).sharing.get(keNfp, id);
    expect(request.repayment).toMatchObject({ overdue: true, flaggedAt: '2026-07-06T00:00:00.000Z', outstanding: 1000 });
    const repaid = await stockOf(node).sharing.repay(keStaff, id, { quantity: 1000 });
    expect(repaid.status).toBe('repaid');
    expect(repaid.repayment!.overdue).toBe(false);
    node.clock.set('2026-01-05T08:00:00Z');
  });
});

describe('the decision clock', () => {
  it('turns overdue after 48 hours without a decision; a late decision still stands and shows as late', async () => {
    node.clock.set('2026-01-05T08:00:00Z');
    alerts = { KE: { cholera: 2 } };
    const { id } = await stockOf(node).sharing.request(keNfp, { product: 'ors', quantity: 100, from: 'UG', reason: 'rehydration' });
    node.clock.advance(47 * HOUR);
    expect(((await node.scheduler.runNow('stock-clocks')) as { decisionsOverdue: string[] }).decisionsOverdue).toEqual([]);
    node.clock.advance(2 * HOUR);
    expect(((await node.scheduler.runNow('stock-clocks')) as { decisionsOverdue: string[] }).decisionsOverdue).toEqual([id]);
    const late = await stockOf(node).sharing.get(hub, id);
    expect(late.decisionClock).toMatchObject({ overdue: true, hoursLeft: -1, flaggedAt: '2026-01-07T09:00:00.000Z' });
    const audit = await node.services.audit.search(node.db, { entityType: 'stock-request', entityId: id, limit: 10 });
    expect(audit.map((a) => a.action)).toContain('stock.request-decision-overdue');
    const refused = await stockOf(node).sharing.decide(hub, id, { outcome: 'refuse', reason: 'UG is short itself' });
    expect(refused).toMatchObject({ status: 'refused', approvedQuantity: 0, decisionClock: { decidedLate: true, overdue: false } });
    expect((await failure(stockOf(node).sharing.ship(ugStaff, id, {}))).code).toBe('STOCK_REQUEST_WRONG_STATE');
  });

  it('shows a party only the requests it is party to; the hub sees all', async () => {
    const mine = await stockOf(node).sharing.list(user('TZ', 'national-focal-point'), { limit: 50 });
    expect(mine).toEqual([]);
    const all = await stockOf(node).sharing.list(hub, { limit: 50 });
    expect(all.length).toBeGreaterThanOrEqual(3);
    const headers = await node.signIn(demoEmail('nfp.ke'));
    const response = await node.app.inject({ url: '/api/v1/stock/requests?status=refused', headers });
    expect(response.json().requests.map((r: { status: string }) => r.status)).toEqual(['refused']);
    expect((await node.app.inject({ url: '/api/v1/stock/requests?status=lost', headers })).json().code).toBe('VALIDATION_FAILED');
  });
});
