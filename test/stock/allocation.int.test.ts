import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertLevels } from '@concord/core';
import { fairFloor } from '@concord/core/allocation/index';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';
import { failure, stockOf, user } from './support.ts';

let node: TestNode;
let hubHeaders: { authorization: string };
let alerts: AlertLevels = {};
const hub = user('EAC', 'hub-coordinator');
const OCV = 'oral-cholera-vaccine';
const EPS = 1e-6;

beforeAll(async () => {
  node = await startTestNode();
  node.services.pact.useFacts({ alert: async () => alerts, indicators: async () => ({}) });
  hubHeaders = await node.signIn(demoEmail('hub'));
  const receive = (store: string, party: string, lot: string, quantity: number) =>
    stockOf(node).ledger.receive(user(party, party === 'EAC' ? 'procurement-officer' : 'facility-staff'), store, { product: OCV, lot, expiry: '2027-06-30', quantity, at: '2025-12-01T00:00:00Z' });
  await receive('EAC-rs', 'EAC', 'HUB-OCV', 5000);
  await receive('UG-cms', 'UG', 'UG-OCV', 3000);
  await receive('TZ-cms', 'TZ', 'TZ-OCV', 1000);
  // Stock at a hospital is not a source for cross-border allocation.
  await receive('RW-nrh', 'RW', 'RW-OCV', 700);
});
afterAll(() => node.close());

const plan = (body: unknown, headers = hubHeaders) => node.app.inject({ method: 'POST', url: '/api/v1/stock/allocations', headers, payload: body as object });

describe('allocating scarce stock with HiGHS', () => {
  const needs = { KE: { [OCV]: 4000 }, SO: { [OCV]: 6000 }, BI: { [OCV]: 2000 } };

  it('returns a feasible plan: within supply and need, fair floors met, never a party from its own store', async () => {
    const response = await plan({ products: [OCV], needs, floor: 0.5 });
    expect(response.statusCode).toBe(200);
    const { input, result, byParty } = response.json();
    expect(result.status).toBe('optimal');
    expect(input.sources).toEqual(expect.arrayContaining([{ id: 'EAC-rs', supply: { [OCV]: 5000 } }, { id: 'UG-cms', supply: { [OCV]: 3000 } }, { id: 'TZ-cms', supply: { [OCV]: 1000 } }]));
    expect(input.sources.map((s: { id: string }) => s.id)).not.toContain('RW-nrh');
    const shipments = result.shipments as { from: string; to: string; product: string; quantity: number }[];
    for (const source of input.sources) {
      const out = shipments.filter((s) => s.from === source.id).reduce((sum, s) => sum + s.quantity, 0);
      expect(out).toBeLessThanOrEqual(source.supply[OCV] + EPS);
    }
    const totalSupply = 9000;
    const totalNeed = 12000;
    for (const [party, need] of Object.entries(needs)) {
      const got = shipments.filter((s) => s.to === party).reduce((sum, s) => sum + s.quantity, 0);
      expect(got).toBeLessThanOrEqual(need[OCV] + EPS);
      expect(got).toBeGreaterThanOrEqual(fairFloor(0.5, need[OCV], totalSupply, totalNeed) - EPS);
    }
    // Stock this short is all handed out.
    expect(shipments.reduce((sum, s) => sum + s.quantity, 0)).toBeCloseTo(totalSupply, 3);
    // Population weights: Kenya outweighs Burundi.
    const weight = (id: string) => input.parties.find((p: { id: string }) => p.id === id).weight;
    expect(weight('KE')).toBeGreaterThan(weight('BI'));
    expect(byParty).toHaveLength(3);
  });

  it('leaves quarantined stock out of the supply', async () => {
    await node.db.query(`INSERT INTO stock_quarantines (id, store, product, lot, reason, opened_at) VALUES (gen_random_uuid(), 'TZ-cms', $1, 'TZ-OCV', 'test', now())`, [OCV]);
    const { input } = (await plan({ products: [OCV], needs })).json();
    expect(input.sources.map((s: { id: string }) => s.id)).not.toContain('TZ-cms');
    await node.db.query(`UPDATE stock_quarantines SET decided_at = now(), action = 'use', decision_reason = 'test' WHERE lot = 'TZ-OCV'`);
  });

  it('is the hub coordinator’s tool only, and refuses bad or impossible inputs with stable codes', async () => {
    const nfp = await node.signIn(demoEmail('nfp.ke'));
    expect((await plan({ products: [OCV], needs }, nfp)).json().code).toBe('ACCESS_ROLE_DENIED');
    expect((await plan({ products: [OCV], needs: { XX: { [OCV]: 5 } } })).json().code).toBe('STOCK_ALLOCATION_INVALID');
    expect((await plan({ products: ['aspirin'], needs: { KE: { aspirin: 5 } } })).json().code).toBe('STOCK_UNKNOWN_PRODUCT');
    expect((await plan({ products: ['ebola-vaccine'], needs: { KE: { 'ebola-vaccine': 5 } } })).json().code).toBe('STOCK_ALLOCATION_NO_SUPPLY');
    expect((await plan({ products: [OCV], needs: { KE: { [OCV]: 0 } } })).json().code).toBe('STOCK_ALLOCATION_NO_NEED');
    // Uganda's own store is the only one a route to Uganda could not use; with the hub's and Tanzania's stock held back, its floor cannot be met.
    await node.db.query(`INSERT INTO stock_quarantines (id, store, product, lot, reason, opened_at) VALUES (gen_random_uuid(), 'EAC-rs', $1, 'HUB-OCV', 't', now()), (gen_random_uuid(), 'TZ-cms', $1, 'TZ-OCV', 't', now())`, [OCV]);
    const infeasible = await plan({ products: [OCV], needs: { UG: { [OCV]: 100 } }, floor: 1 });
    expect(infeasible.statusCode).toBe(422);
    expect(infeasible.json().code).toBe('STOCK_ALLOCATION_INFEASIBLE');
    await node.db.query(`UPDATE stock_quarantines SET decided_at = now(), action = 'use', decision_reason = 't' WHERE decided_at IS NULL`);
  });

  it('turns a plan into sharing requests, each still decided by the pact', async () => {
    alerts = { KE: { cholera: 2 }, BI: { cholera: 3 } };
    const response = await plan({ products: [OCV], needs, floor: 0.5, createRequests: true, reason: 'regional cholera response' });
    const { id, opened, refused } = response.json();
    expect(opened.length).toBeGreaterThan(0);
    expect(new Set(opened.map((r: { borrower: string }) => r.borrower))).toEqual(new Set(['KE', 'BI']));
    expect(opened.every((r: { allocationId: string; status: string }) => r.allocationId === id && r.status === 'pending')).toBe(true);
    // Somalia is at no alert level: the clause's release condition refuses it.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r: { to: string; code: string }) => r.to === 'SO' && r.code === 'STOCK_REQUEST_NOT_PERMITTED')).toBe(true);
    const stored = await node.db.query('SELECT id FROM stock_allocations WHERE id = $1', [id]);
    expect(stored).toHaveLength(1);
  });

  it('takes needs from open requests when none are given, and will not duplicate them as new requests', async () => {
    const { input } = (await plan({ products: [OCV] })).json();
    const pending = await node.db.query<{ borrower: string; quantity: number }>(`SELECT borrower, sum(quantity)::int8 AS quantity FROM stock_requests WHERE status = 'pending' GROUP BY borrower`);
    expect(Object.fromEntries(input.parties.map((p: { id: string; need: Record<string, number> }) => [p.id, p.need[OCV]]))).toEqual(
      Object.fromEntries(pending.map((p) => [p.borrower, p.quantity])),
    );
    expect((await failure(stockOf(node).allocation.plan(hub, { products: [OCV], createRequests: true }))).code).toBe('STOCK_ALLOCATION_REQUESTS_EXIST');
  });
});
