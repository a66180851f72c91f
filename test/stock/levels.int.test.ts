import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';
import { failure, stockOf, user } from './support.ts';

let node: TestNode;
const OCV = 'oral-cholera-vaccine';
const ke = user('KE', 'facility-staff');
const ug = user('UG', 'facility-staff');

beforeAll(async () => {
  node = await startTestNode();
  const ledger = stockOf(node).ledger;
  await ledger.receive(ke, 'KE-cms', { product: OCV, lot: 'KE-CMS-1', expiry: '2027-06-30', quantity: 900, at: '2025-09-15T00:00:00Z' });
  await ledger.receive(ke, 'KE-nrh', { product: OCV, lot: 'KE-NRH-1', expiry: '2026-02-15', quantity: 300, at: '2025-09-15T00:00:00Z' });
  for (const month of ['10', '11', '12']) await ledger.issue(ke, 'KE-nrh', { product: OCV, quantity: 60, at: `2025-${month}-10T10:00:00Z` });
  // Uganda keeps everything at its hospital: nothing in reserve at the central store.
  await ledger.receive(ug, 'UG-nrh', { product: 'ors', lot: 'UG-ORS-1', expiry: '2027-01-31', quantity: 5000, at: '2025-11-20T00:00:00Z' });
});
afterAll(() => node.close());

describe('dashboard data', () => {
  it('gives stock by party and product with months of stock over the last three months', async () => {
    const { levels, amcMonths } = await stockOf(node).levels.levels(ke, { product: OCV });
    expect(amcMonths).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(levels).toEqual([expect.objectContaining({ party: 'KE', product: OCV, onHand: 1020, usable: 1020, averageMonthlyConsumption: 60, monthsOfStock: 17 })]);
    const byStore = await stockOf(node).levels.levels(ke, { product: OCV, byStore: true });
    expect(byStore.levels.map((l) => [l.store, l.onHand])).toEqual([['KE-cms', 900], ['KE-nrh', 120]]);
  });

  it('lists lots expiring within N days, soonest first', async () => {
    const soon = await stockOf(node).levels.expiring(ke, { days: 60, limit: 10 });
    expect(soon.lots).toEqual([expect.objectContaining({ store: 'KE-nrh', lot: 'KE-NRH-1', expiry: '2026-02-15', quantity: 120, daysLeft: 41 })]);
    expect((await stockOf(node).levels.expiring(ke, { days: 30, limit: 10 })).lots).toEqual([]);
  });

  it('keeps a party to its own figures', async () => {
    expect((await failure(stockOf(node).levels.levels(ke, { party: 'UG' }))).code).toBe('ACCESS_OUT_OF_SCOPE');
    const mine = await stockOf(node).levels.levels(ke, {});
    expect(new Set(mine.levels.map((l) => l.party))).toEqual(new Set(['KE']));
  });
});

describe('reserves owed under the pact', () => {
  it('owes the clause share of national usable stock and holds what the central store has', async () => {
    const { reserves } = await stockOf(node).levels.reserves(user('EAC', 'hub-coordinator'), {});
    const kenya = reserves.find((r) => r.party === 'KE' && r.product === OCV)!;
    // Version 2 of the pact is in force: a 15 % share.
    expect(kenya).toMatchObject({ clauseId: 'cholera-stockpile', pactVersion: 2, share: 0.15, nationalStock: 1020, owed: 153, held: 900, compliant: true });
    const uganda = reserves.find((r) => r.party === 'UG' && r.product === 'ors')!;
    expect(uganda).toMatchObject({ nationalStock: 5000, owed: 750, held: 0, compliant: false, coverage: 0 });
    // Nothing held, nothing owed: compliant with no coverage figure.
    expect(reserves.find((r) => r.party === 'SO' && r.product === OCV)).toMatchObject({ owed: 0, compliant: true, coverage: null });
    expect(reserves.filter((r) => r.product === 'mr-vaccine')).toEqual([]);
  });
});

describe('public stock levels', () => {
  it('shows each party only as the public-reporting clause allows: country × month, no store or lot', async () => {
    const response = await node.app.inject({ url: '/api/v1/public/stock-levels' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ month: '2026-01', complete: false, synthetic: true });
    const kenya = body.levels.filter((l: { party: string }) => l.party === 'KE');
    expect(kenya).toEqual([{ party: 'KE', product: OCV, quantity: 1020, expiry: '2026-02', suppressed: false }]);
    for (const row of body.levels) expect(Object.keys(row).sort()).toEqual(['expiry', 'party', 'product', 'quantity', 'suppressed']);
    expect(body.grants).toContainEqual({ party: 'KE', clauseId: 'stock-levels-public', pactVersion: 2 });
    // The hub is no party of the clause: its stockpile is not published.
    expect(body.withheld).toEqual([expect.objectContaining({ party: 'EAC', code: 'ACCESS_DENIED_BY_PACT' })]);
  });

  it('records each grant in the access log of the party whose stock was shown', async () => {
    const report = await node.services.access.report('KE');
    expect(report[0]).toMatchObject({ dataset: 'stock-levels', purpose: 'public-reporting', recipient: 'public', basis: 'pact', clauseId: 'stock-levels-public', records: 1 });
  });

  it('gives a past month as it stood at its end, and refuses months to come', async () => {
    const october = (await node.app.inject({ url: '/api/v1/public/stock-levels?month=2025-10' })).json();
    expect(october).toMatchObject({ month: '2025-10', complete: true, asOf: '2025-11-01T00:00:00.000Z' });
    expect(october.levels).toEqual([{ party: 'KE', product: OCV, quantity: 1140, expiry: '2026-02', suppressed: false }]);
    const future = await node.app.inject({ url: '/api/v1/public/stock-levels?month=2026-02' });
    expect(future.json().code).toBe('STOCK_MONTH_INVALID');
    expect((await node.app.inject({ url: '/api/v1/public/stock-levels?month=2025-13' })).json().code).toBe('STOCK_MONTH_INVALID');
  });

  it('publishes nothing while the pact is suspended', async () => {
    await node.services.pact.suspend(user('EAC', 'hub-coordinator'), 'eac-health-security-pact', 'test of the public page');
    const body = (await node.app.inject({ url: '/api/v1/public/stock-levels' })).json();
    expect(body.levels).toEqual([]);
    expect(body.withheld.map((w: { party: string }) => w.party).sort()).toEqual(['BI', 'CD', 'EAC', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG']);
    await node.services.pact.resume(user('EAC', 'hub-coordinator'), 'eac-health-security-pact');
  });

  it('serves the dashboard APIs over HTTP to signed-in users only', async () => {
    expect((await node.app.inject({ url: '/api/v1/stock/levels' })).json().code).toBe('AUTH_REQUIRED');
    const headers = await node.signIn(demoEmail('hub'));
    const reserves = (await node.app.inject({ url: '/api/v1/stock/reserves?party=UG', headers })).json();
    expect(reserves.summary).toEqual([{ party: 'UG', products: 4, compliant: 3 }]);
    const expiring = (await node.app.inject({ url: '/api/v1/stock/expiring?days=60', headers })).json();
    expect(expiring.lots).toHaveLength(1);
  });
});
