import { openKeyStore } from '@concord/server/keys/key-store';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoEmail, type TestNode } from '../support/test-node.ts';
import { envelope, sign } from './craft.ts';
import { startInProcessFederation, type InProcessFederation } from './in-process.ts';

/**
 * Domain actions that cross nodes: Kenya's node serves Kenya only; the other
 * node serves the hub and Uganda. A sharing request opened in Kenya is sent
 * in the transaction that opens it, decided by the hub on its node, and the
 * answer comes back; a risk assessment of an event raised as an alert sends
 * the alert's update. The message types without a module yet go through the
 * generic route, checked and stored.
 */
let federation: InProcessFederation;
let kenya: TestNode;
let hubNode: TestNode;
type Auth = { authorization: string };
let nfpKe: Auth;
let hubKe: Auth;
let hub: Auth;
let nfpUg: Auth;

beforeAll(async () => {
  federation = await startInProcessFederation({ kenya: ['KE'], hub: ['EAC', 'UG'] });
  kenya = federation.nodes.kenya!;
  hubNode = federation.nodes.hub!;
  [nfpKe, hubKe, hub, nfpUg] = await Promise.all([
    kenya.signIn(demoEmail('nfp.ke')),
    kenya.signIn(demoEmail('hub')),
    hubNode.signIn(demoEmail('hub')),
    hubNode.signIn(demoEmail('nfp.ug')),
  ]);
});
afterAll(() => federation?.close());

const call = async (node: TestNode, auth: Auth, method: 'GET' | 'POST', path: string, payload?: unknown) => {
  const response = await node.app.inject({ method, url: `/api/v1${path}`, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json() };
};
const outbox = async (node: TestNode, auth: Auth, query = '') => (await call(node, auth, 'GET', `/federation/outbox?limit=1000${query}`)).body.messages as Record<string, any>[];
const inbox = async (node: TestNode, auth: Auth, query = '') => (await call(node, auth, 'GET', `/federation/inbox?limit=1000${query}`)).body.messages as Record<string, any>[];
const count = async (node: TestNode, sql: string, params: unknown[]) => (await node.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;
const ask = (reason: string) => call(kenya, nfpKe, 'POST', '/stock/requests', { product: 'ors', quantity: 500, from: 'UG', reason });

let eventId: string;

describe('a sharing request opened in Kenya, whose lender and decider are served by another node', () => {
  it('never leaves while no clause permits it: refused in its outbox, absent from the receiver', async () => {
    const refused = await ask('no outbreak yet (synthetic)');
    expect(refused).toMatchObject({ status: 403, body: { code: 'STOCK_REQUEST_NOT_PERMITTED' } });
    const kept = (await outbox(kenya, nfpKe, '&type=stock-request')).filter((m) => m.status === 'refused');
    expect(kept.map((m) => [m.recipient, m.jws ?? null, m.envelope.payload ?? null])).toEqual([['UG', null, null]]);
    expect(kept[0]!.reasons.join(' ')).toMatch(/release condition/);
    expect(await count(kenya, 'stock_requests WHERE reason = $1', ['no outbreak yet (synthetic)'])).toBe(0);
    await federation.settle();
    expect(await inbox(hubNode, hub, '&type=stock-request')).toEqual([]);
    expect(await count(hubNode, 'stock_requests WHERE borrower = $1', ['KE'])).toBe(0);
  });

  let id: string;

  it('is opened with its messages to the lender and the decider in one transaction, once Kenya is at cholera alert level 3', async () => {
    const opened = await call(kenya, nfpKe, 'POST', '/events', { title: 'Cholera on the lake shore (synthetic)', disease: 'cholera', area: 'KE-17', detectionDate: '2026-01-04' });
    eventId = opened.body.id;
    expect((await call(kenya, nfpKe, 'POST', `/events/${eventId}/verify`, { outcome: 'confirmed' })).status).toBe(200);
    expect((await call(kenya, nfpKe, 'POST', `/events/${eventId}/risk-assessments`, { likelihood: 'likely', consequences: 'moderate' })).body.alertLevel).toBe(3);

    const asked = await ask('cholera on the lake shore (synthetic)');
    expect(asked, JSON.stringify(asked.body)).toMatchObject({ status: 201, body: { status: 'pending', borrower: 'KE', lender: 'UG', deciders: ['EAC/hub-coordinator'], askerAlert: { disease: 'cholera', level: 3 } } });
    id = asked.body.id;
    const sent = (await outbox(kenya, nfpKe, '&type=stock-request')).filter((m) => m.envelope.payload?.requestId === id);
    expect(sent.map((m) => [m.recipient, m.status]).sort()).toEqual([['EAC', 'pending'], ['UG', 'pending']]);
    expect(sent[0]!.envelope.payload.alert).toEqual({ disease: 'cholera', level: 3 });
  });

  it("reaches the lender's node exactly once, with the decision clock running there from the moment it was asked", async () => {
    await federation.settle();
    expect((await outbox(kenya, nfpKe, '&type=stock-request')).filter((m) => m.envelope.payload?.requestId === id).map((m) => m.status)).toEqual(['delivered', 'delivered']);
    // Addressed to Uganda and to the hub, both served there: two messages in, one request kept.
    expect((await inbox(hubNode, hub, '&type=stock-request')).length).toBe(2);
    expect(await count(hubNode, 'stock_requests WHERE id = $1', [id])).toBe(1);
    const copy = (await call(hubNode, nfpUg, 'GET', `/stock/requests/${id}`)).body;
    expect(copy).toMatchObject({ status: 'pending', origin: 'KE', borrower: 'KE', lender: 'UG', quantity: 500, clauseId: 'cholera-stockpile', deciders: ['EAC/hub-coordinator'], requestedBy: 'node:KE/national-focal-point' });
    expect(copy.decisionClock.deadline).toBe(new Date(kenya.clock.now().getTime() + 48 * 3_600_000).toISOString());
    expect(copy.decisionClock.hoursLeft).toBe(48);

    // Delivered again (an answer lost on the way): a duplicate, applied no second time.
    const [message] = (await outbox(kenya, nfpKe, '&type=stock-request')).filter((m) => m.envelope.payload?.requestId === id);
    const { jws } = (await call(kenya, nfpKe, 'GET', `/federation/outbox/${message!.id}`)).body;
    const again = await hubNode.app.inject({ method: 'POST', url: '/federation/v1/messages', headers: { 'content-type': 'application/jose' }, payload: jws });
    expect(again.json()).toMatchObject({ status: 'duplicate' });
    expect(await count(hubNode, "audit_log WHERE action = 'stock.request-received' AND entity_id = $1", [id])).toBe(1);
  });

  it('is decided by the hub on its own node, not on Kenya’s', async () => {
    const elsewhere = await call(kenya, hubKe, 'POST', `/stock/requests/${id}/decision`, { outcome: 'approve', reason: 'try on the wrong node' });
    expect(elsewhere).toMatchObject({ status: 409, body: { code: 'STOCK_DECIDED_ON_ANOTHER_NODE', params: { jurisdiction: 'EAC' } } });
    const notDecider = await call(hubNode, nfpUg, 'POST', `/stock/requests/${id}/decision`, { outcome: 'approve', reason: 'the lender is not the decider' });
    expect(notDecider.body.code).toBe('STOCK_NOT_THE_DECIDER');
  });

  it("sends the hub's answer back, which moves Kenya's request on", async () => {
    const decided = await call(hubNode, hub, 'POST', `/stock/requests/${id}/decision`, { outcome: 'part', quantity: 300, reason: 'half the reserve is committed elsewhere (synthetic)' });
    expect(decided).toMatchObject({ status: 200, body: { status: 'partially-approved', approvedQuantity: 300 } });
    const answer = (await outbox(hubNode, hub, '&type=stock-answer')).filter((m) => m.envelope.payload?.requestId === id);
    // Uganda is served on the hub's node, so only Kenya is sent the answer.
    expect(answer.map((m) => [m.recipient, m.status])).toEqual([['KE', 'pending']]);
    await federation.settle();
    const mine = (await call(kenya, nfpKe, 'GET', `/stock/requests/${id}`)).body;
    expect(mine).toMatchObject({ status: 'partially-approved', approvedQuantity: 300, decidedBy: 'node:EAC/hub-coordinator', decisionReason: 'half the reserve is committed elsewhere (synthetic)' });
    expect(mine.decisionClock).toMatchObject({ hoursLeft: null, decidedLate: false });
    expect(await count(kenya, "audit_log WHERE action = 'stock.request-decided' AND entity_id = $1", [id])).toBe(1);
  });

  it('commits with its outbox message or not at all: a failure after both were written leaves neither', async () => {
    await kenya.db.exec(`
      CREATE FUNCTION fail_after_queue() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure after the outbox row'; END $$;
      CREATE TRIGGER fail_after_queue BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.action = 'federation.queued') EXECUTE FUNCTION fail_after_queue();`);
    const before = await count(kenya, 'federation_outbox', []);
    try {
      const failed = await ask('rollback probe (synthetic)');
      expect(failed.status).toBe(500);
    } finally {
      await kenya.db.exec('DROP TRIGGER fail_after_queue ON audit_log; DROP FUNCTION fail_after_queue();');
    }
    expect(await count(kenya, 'stock_requests WHERE reason = $1', ['rollback probe (synthetic)'])).toBe(0);
    expect(await count(kenya, 'federation_outbox', [])).toBe(before);
  });

  it('keeps an answer that arrives before its request waiting, not refused', async () => {
    const early = envelope({
      type: 'stock-answer',
      from: 'EAC',
      to: 'KE',
      clauseId: 'cholera-stockpile',
      createdAt: kenya.clock.now().toISOString(),
      payload: { requestId: '8a0e1d52-7c1b-4f0e-9f53-3a1c2b4d5e6f', party: 'KE', holder: 'UG', product: 'ors', decision: 'approved', quantity: 10, askerAlert: { disease: 'cholera', level: 3 }, decidedAt: kenya.clock.now().toISOString() },
    });
    const answer = await kenya.app.inject({
      method: 'POST',
      url: '/federation/v1/messages',
      headers: { 'content-type': 'application/jose' },
      payload: await sign(early, openKeyStore({ keyDir: inject('testKeyDir') }).signingKey('EAC')),
    });
    expect(answer.statusCode).toBe(425);
    expect(answer.json().code).toBe('FEDERATION_NOT_YET');
    const refusals = (await call(kenya, nfpKe, 'GET', '/federation/refusals')).body.refusals as { messageId: string }[];
    expect(refusals.some((r) => r.messageId === early.id)).toBe(false);
    expect((await inbox(kenya, nfpKe)).some((m) => m.id === early.id)).toBe(false);
  });

  it('cannot be forged through the generic outbox route', async () => {
    const forged = await call(kenya, nfpKe, 'POST', '/federation/outbox', {
      type: 'stock-request',
      to: 'UG',
      payload: { requestId: '5b7f0c4e-2d1a-4c3b-8e9f-0a1b2c3d4e5f', party: 'KE', holder: 'UG', product: 'ors', quantity: 5, reason: 'by hand', alert: { disease: 'cholera', level: 3 } },
    });
    expect(forged).toMatchObject({ status: 400, body: { code: 'FEDERATION_TYPE_RESERVED', params: { owner: 'stock' } } });
  });
});

describe('an event raised as an alert, whose level then changes', () => {
  it('sends each change of level to the recipients of the alert, as the pact permits, and they apply it', async () => {
    const raised = await call(kenya, nfpKe, 'POST', '/federation/alerts', { alertId: eventId, disease: 'cholera', level: 3, title: 'Cholera on the lake shore (synthetic)', to: ['EAC', 'UG'] });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    await federation.settle();
    const received = async () => ((await call(hubNode, hub, 'GET', '/federation/received/alerts')).body.alerts as Record<string, any>[]).filter((a) => a.alertId === eventId);
    expect((await received()).map((a) => [a.recipient, a.level, a.status])).toEqual(expect.arrayContaining([['EAC', 3, 'open'], ['UG', 3, 'open']]));

    const up = await call(kenya, nfpKe, 'POST', `/events/${eventId}/risk-assessments`, { likelihood: 'likely', consequences: 'severe' });
    expect(up.body).toMatchObject({ alertLevel: 4, previousLevel: 3 });
    expect(up.body.alertUpdates.map((u: { to: string; status: string }) => [u.to, u.status]).sort()).toEqual([['EAC', 'pending'], ['UG', 'pending']]);
    await federation.settle();
    for (const alert of await received()) expect(alert).toMatchObject({ level: 4, status: 'escalated', revision: 1, messages: 2 });

    // At level 1 the playbook tells only the hub: Uganda's update is refused at Kenya's node and never leaves.
    const down = await call(kenya, nfpKe, 'POST', `/events/${eventId}/risk-assessments`, { likelihood: 'likely', consequences: 'minimal' });
    const updates = Object.fromEntries(down.body.alertUpdates.map((u: { to: string; status: string }) => [u.to, u.status]));
    expect(updates).toEqual({ EAC: 'pending', UG: 'refused' });
    await federation.settle();
    const after = Object.fromEntries((await received()).map((a) => [a.recipient, a]));
    expect(after.EAC).toMatchObject({ level: 1, status: 'de-escalated', revision: 2 });
    expect(after.UG).toMatchObject({ level: 4, revision: 1 });
    const timeline = (await call(kenya, nfpKe, 'GET', `/events/${eventId}`)).body.timeline as { kind: string; summary: string }[];
    expect(timeline.filter((t) => t.kind === 'alert-updated').map((t) => t.summary)).toContain('Alert update sent to EAC; not sent to UG (the pact refused it)');
  });
});

describe('the message types whose modules come later', () => {
  it('are schema-checked, pact-checked, stored and listed at the receiver', async () => {
    const notice = {
      disbursementId: 'eac-cf-2026-001',
      party: 'KE',
      envelope: 'eac-contingency-fund',
      amount: 250000,
      currency: 'USD',
      indicators: { 'cholera-weekly-incidence-per-100k.KE': 6.4 },
    };
    const misshapen = await call(hubNode, hub, 'POST', '/federation/outbox', { type: 'disbursement-notice', to: 'KE', payload: { ...notice, currency: 'dollars' } });
    expect(misshapen).toMatchObject({ status: 400, body: { code: 'FEDERATION_SCHEMA_INVALID' } });
    const belowThreshold = await call(hubNode, hub, 'POST', '/federation/outbox', { type: 'disbursement-notice', to: 'KE', payload: { ...notice, disbursementId: 'eac-cf-2026-000', indicators: { 'cholera-weekly-incidence-per-100k.KE': 2.1 } } });
    expect(belowThreshold).toMatchObject({ status: 403, body: { code: 'FEDERATION_NOT_PERMITTED' } });
    const sent = [
      await call(hubNode, hub, 'POST', '/federation/outbox', { type: 'disbursement-notice', to: 'KE', payload: notice }),
      await call(kenya, nfpKe, 'POST', '/federation/outbox', {
        type: 'referral-request',
        to: 'UG',
        payload: { referralId: 'ke-ref-001', party: 'KE', fromFacility: 'KE-nrh', service: 'dialysis', urgency: 'urgent', emergency: false, requestedAt: kenya.clock.now().toISOString() },
      }),
      await call(hubNode, nfpUg, 'POST', '/federation/outbox', {
        type: 'licence-verification',
        to: 'KE',
        payload: { requestId: 'ug-lic-001', kind: 'request', profession: 'nurse', licenceNumber: 'KE-N-12345', issuer: 'KE', host: 'UG' },
      }),
    ];
    expect(sent.map((s) => [s.status, s.body.status])).toEqual([[201, 'pending'], [201, 'pending'], [201, 'pending']]);
    await federation.settle();
    const records = async (node: TestNode, auth: Auth) => ((await call(node, auth, 'GET', '/federation/received/records')).body.records as { type: string; subject: string }[]).map((r) => `${r.type} ${r.subject}`);
    expect(await records(kenya, nfpKe)).toEqual(expect.arrayContaining(['disbursement-notice eac-cf-2026-001', 'licence-verification ug-lic-001']));
    expect(await records(kenya, nfpKe)).not.toContain('disbursement-notice eac-cf-2026-000');
    expect(await records(hubNode, nfpUg)).toContain('referral-request ke-ref-001');
  });
});
