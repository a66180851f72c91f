import { generatePartyKeys } from '@concord/core';
import { openKeyStore } from '@concord/server/keys/key-store';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';
import { alertPayload, CASE_REPORTS, envelope, sign, signWithKid, tamper } from './craft.ts';

/**
 * One node serving every jurisdiction (the test key store holds every key the
 * pact pins), so messages between jurisdictions are delivered locally through
 * the same checks a remote node makes.
 */
let node: TestNode;
let nfpKe: { authorization: string };
let nfpUg: { authorization: string };
let hub: { authorization: string };
const keys = () => openKeyStore({ keyDir: inject('testKeyDir') });

beforeAll(async () => {
  node = await startTestNode({ env: { CONCORD_SIGNIN_RATE_LIMIT: '100' } });
  [nfpKe, nfpUg, hub] = await Promise.all([node.signIn(demoEmail('nfp.ke')), node.signIn(demoEmail('nfp.ug')), node.signIn(demoEmail('hub'))]);
});
afterAll(() => node.close());

const get = async (url: string, headers: { authorization: string }) => {
  const response = await node.app.inject({ url, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const post = (jws: string) =>
  node.app.inject({ method: 'POST', url: '/federation/v1/messages', headers: { 'content-type': 'application/jose' }, payload: jws });

const inboxIds = async () => (await get('/api/v1/federation/inbox?limit=1000', hub)).messages.map((m: { id: string }) => m.id);
const refusalFor = async (messageId: string) =>
  (await get('/api/v1/federation/refusals?limit=1000', hub)).refusals.filter((r: { messageId: string }) => r.messageId === messageId);

describe('an alert raised in Kenya at level 3', () => {
  let sent: { alertId: string; messages: { id: string; to: string; status: string; withheld: number }[] };

  beforeAll(async () => {
    const response = await node.app.inject({
      method: 'POST',
      url: '/api/v1/federation/alerts',
      headers: nfpKe,
      payload: { disease: 'cholera', level: 3, title: 'Cholera on the lake shore (synthetic)', cases: 12, deaths: 1, caseReports: CASE_REPORTS, to: ['EAC', 'UG'] },
    });
    expect(response.statusCode, response.body).toBe(201);
    sent = response.json();
    await node.services.federation.deliverNow();
  });

  it('is queued once per recipient and delivered to both', async () => {
    expect(sent.messages.map((m) => [m.to, m.status])).toEqual([
      ['EAC', 'pending'],
      ['UG', 'pending'],
    ]);
    const outbox = (await get('/api/v1/federation/outbox', nfpKe)).messages;
    for (const message of sent.messages) expect(outbox.find((m: { id: string }) => m.id === message.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    const inbox = await inboxIds();
    for (const message of sent.messages) expect(inbox).toContain(message.id);
  });

  it('reaches Uganda with the line list, identifiers dropped, and the hub without it', async () => {
    const ug = (await get('/api/v1/federation/received/alerts', nfpUg)).alerts.find((a: { alertId: string }) => a.alertId === sent.alertId);
    expect(ug).toMatchObject({ recipient: 'UG', sender: 'KE', level: 3, cases: 12, caseReportsWithheld: 0 });
    expect(ug.caseReports.map((r: { clientId: string }) => r.clientId)).toEqual(['ke-c-001', 'ke-c-002']);
    expect(JSON.stringify(ug.caseReports)).not.toMatch(/patientName|phone|nationalId|village|Synthetic Person|Dunga/);
    expect(ug.retainUntil).toBe('2026-04-05');
    const all = (await get('/api/v1/federation/received/alerts', hub)).alerts.filter((a: { alertId: string }) => a.alertId === sent.alertId);
    const atHub = all.find((a: { recipient: string }) => a.recipient === 'EAC');
    expect(atHub).toMatchObject({ caseReports: null, caseReportsWithheld: 2 });
    expect(sent.messages.find((m) => m.to === 'EAC')?.withheld).toBe(2);
  });

  it("shows the hub's people that Uganda's copy exists, not the line list the pact sent to Uganda only", async () => {
    const all = (await get('/api/v1/federation/received/alerts', hub)).alerts.filter((a: { alertId: string }) => a.alertId === sent.alertId);
    expect(all.find((a: { recipient: string }) => a.recipient === 'UG')).toMatchObject({ caseReports: null, caseReportsHidden: 2 });
    const toUganda = sent.messages.find((m) => m.to === 'UG')!;
    const seenByHub = await get(`/api/v1/federation/outbox/${toUganda.id}`, hub);
    expect(seenByHub).toMatchObject({ status: 'delivered', jws: null, envelope: { payload: { hidden: true } } });
    const seenByKenya = await get(`/api/v1/federation/outbox/${toUganda.id}`, nfpKe);
    expect(seenByKenya.envelope.payload.caseReports).toHaveLength(2);
    expect(seenByKenya.jws).toEqual(expect.any(String));
  });

  it('records the line list that crossed in the access log of Kenya', async () => {
    const report = await node.services.access.report('KE');
    const sentToUganda = report.find((row: { recipient: string | null; dataset: string }) => row.recipient === 'UG' && row.dataset === 'case-reports');
    expect(sentToUganda).toMatchObject({ action: 'send', records: 2, clauseId: 'case-reports-lake-victoria-outbreak' });
    expect(sentToUganda?.fields).not.toContain('patientName');
  });

  it('is applied once however often it arrives', async () => {
    const message = sent.messages.find((m) => m.to === 'UG')!;
    const signed = (await get(`/api/v1/federation/outbox/${message.id}`, nfpKe)).jws as string;
    for (let i = 0; i < 3; i++) {
      const again = await post(signed);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ id: message.id, status: 'duplicate' });
    }
    const alerts = (await get('/api/v1/federation/received/alerts', nfpUg)).alerts.filter((a: { alertId: string }) => a.alertId === sent.alertId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ messages: 1 });
    expect((await inboxIds()).filter((id: string) => id === message.id)).toHaveLength(1);
  });
});

describe('the sender refuses what no clause permits', () => {
  it('keeps a level-1 alert to a neighbour as refused, unsigned, with its decision', async () => {
    const response = await node.app.inject({
      method: 'POST',
      url: '/api/v1/federation/alerts',
      headers: nfpKe,
      payload: { disease: 'cholera', level: 1, title: 'Watch (synthetic)', to: ['UG'] },
    });
    expect(response.statusCode).toBe(403);
    const error = response.json();
    expect(error.code).toBe('FEDERATION_NOT_PERMITTED');
    expect(error.message).toMatch(/FEDERATION_NOT_IN_AUDIENCE/);
    const refused = (await get('/api/v1/federation/outbox?status=refused', nfpKe)).messages.find((m: { id: string }) => m.id === error.params.messageId);
    expect(refused).toMatchObject({ status: 'refused', recipient: 'UG', attempts: 0 });
    expect(refused.decisionIds).toHaveLength(1);
    const signed = (await get(`/api/v1/federation/outbox/${error.params.messageId}`, nfpKe)).jws;
    expect(signed).toBeNull();
    await node.services.federation.deliverNow();
    expect(await inboxIds()).not.toContain(error.params.messageId);
  });

  it('sends a level-1 alert to the hub only, when no recipient is named', async () => {
    const response = await node.app.inject({ method: 'POST', url: '/api/v1/federation/alerts', headers: nfpKe, payload: { disease: 'measles', level: 1, title: 'Watch (synthetic)' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().messages.map((m: { to: string }) => m.to)).toEqual(['EAC']);
  });

  it('suppresses small counts of an aggregate submission before it leaves', async () => {
    const response = await node.app.inject({
      method: 'POST',
      url: '/api/v1/federation/outbox',
      headers: nfpKe,
      payload: {
        type: 'aggregate-submission',
        to: 'EAC',
        payload: {
          submissionId: 'ke-2025-w52',
          party: 'KE',
          disease: 'cholera',
          granularity: { place: 'admin1', time: 'day' },
          periodStart: '2025-12-22',
          periodEnd: '2025-12-28',
          cells: [
            { area: 'KE-17', period: '2025-12-22', count: 2 },
            { area: 'KE-17', period: '2025-12-23', count: 1 },
            { area: 'KE-30', period: '2025-12-24', count: 6 },
            { area: 'KE-30', period: '2025-12-26', count: 3 },
          ],
        },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    await node.services.federation.deliverNow();
    const [received] = (await get('/api/v1/federation/received/aggregates?party=KE', hub)).aggregates;
    expect(received).toMatchObject({ place: 'admin1', time: 'week', suppressedCells: 1, visibleTotal: 9 });
    expect(received.cells).toEqual([
      { area: 'KE-17', period: '2025-W52', count: null, suppressed: true },
      { area: 'KE-30', period: '2025-W52', count: 9 },
    ]);
  });

  it('refuses to speak for another jurisdiction', async () => {
    const response = await node.app.inject({ method: 'POST', url: '/api/v1/federation/outbox', headers: nfpKe, payload: { type: 'alert', to: 'EAC', payload: alertPayload(2, { party: 'UG' }) } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FEDERATION_NOT_SPEAKER');
  });

  it('answers a payload that does not fit its type with 400 and writes nothing', async () => {
    const before = (await get('/api/v1/federation/outbox?limit=1000', nfpKe)).messages.length;
    const response = await node.app.inject({ method: 'POST', url: '/api/v1/federation/outbox', headers: nfpKe, payload: { type: 'alert', to: 'EAC', payload: { level: 9 } } });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('FEDERATION_SCHEMA_INVALID');
    expect((await get('/api/v1/federation/outbox?limit=1000', nfpKe)).messages).toHaveLength(before);
  });
});

describe('the receiver refuses, answers with a code and keeps only the refusal', () => {
  const refusedWith = async (jws: string, status: number, code: string, messageId: string) => {
    const response = await post(jws);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json()).toMatchObject({ code });
    expect(await inboxIds()).not.toContain(messageId);
    expect(await refusalFor(messageId)).toEqual([expect.objectContaining({ code, messageId })]);
    return response.json();
  };

  it('a tampered signature', async () => {
    const message = envelope({ type: 'alert', from: 'KE', to: 'UG', clauseId: 'regional-escalation', payload: alertPayload(3) });
    await refusedWith(tamper(await sign(message, keys().signingKey('KE'))), 401, 'FEDERATION_SIGNATURE_INVALID', message.id);
  });

  it('a party signing with a key the pact does not pin for it, whatever key id it claims', async () => {
    const message = envelope({ type: 'alert', from: 'KE', to: 'UG', clauseId: 'regional-escalation', payload: alertPayload(3) });
    await refusedWith(await sign(message, generatePartyKeys().privateKey), 401, 'FEDERATION_SIGNATURE_INVALID', message.id);
    const other = envelope({ type: 'alert', from: 'KE', to: 'UG', clauseId: 'regional-escalation', payload: alertPayload(3) });
    await refusedWith(await signWithKid(other, keys().signingKey('KE'), 'UG'), 401, 'FEDERATION_SIGNATURE_INVALID', other.id);
  });

  it('an unknown sender', async () => {
    const message = envelope({ type: 'alert', from: 'ZM', to: 'UG', clauseId: 'regional-escalation', payload: alertPayload(3, { party: 'ZM' }) });
    await refusedWith(await sign(message, generatePartyKeys().privateKey), 403, 'FEDERATION_UNKNOWN_SENDER', message.id);
  });

  it('a message no clause permits from this sender to this recipient now', async () => {
    const message = envelope({ type: 'alert', from: 'KE', to: 'UG', clauseId: 'regional-escalation', payload: alertPayload(1) });
    const error = await refusedWith(await sign(message, keys().signingKey('KE')), 403, 'FEDERATION_NOT_PERMITTED', message.id);
    expect(error.message).toMatch(/FEDERATION_NOT_IN_AUDIENCE/);
    const stock = envelope({
      type: 'stock-request',
      from: 'KE',
      to: 'UG',
      clauseId: 'cholera-stockpile',
      payload: { requestId: 'r-1', party: 'KE', holder: 'UG', product: 'oral-cholera-vaccine', quantity: 5000, reason: 'no outbreak at all' },
    });
    const refused = await refusedWith(await sign(stock, keys().signingKey('KE')), 403, 'FEDERATION_NOT_PERMITTED', stock.id);
    expect(refused.params.decisionId).toEqual(expect.any(String));
  });

  it('identifiers the pact says to drop, and counts it says to suppress', async () => {
    const leaky = envelope({
      type: 'alert',
      from: 'KE',
      to: 'UG',
      clauseId: 'regional-escalation',
      attachmentClauseId: 'case-reports-lake-victoria-outbreak',
      role: 'national-focal-point',
      payload: alertPayload(3, { caseReports: CASE_REPORTS }),
    });
    const error = await refusedWith(await sign(leaky, keys().signingKey('KE')), 403, 'FEDERATION_NOT_PERMITTED', leaky.id);
    expect(error.message).toMatch(/PACT_FIELD_NOT_ALLOWED/);
    const small = envelope({
      type: 'aggregate-submission',
      from: 'KE',
      to: 'EAC',
      clauseId: 'weekly-aggregates-to-hub',
      payload: {
        submissionId: 's-small',
        party: 'KE',
        disease: 'cholera',
        purpose: 'surveillance',
        granularity: { place: 'admin1', time: 'week' },
        periodStart: '2025-12-22',
        periodEnd: '2025-12-28',
        cells: [{ area: 'KE-17', period: '2025-W52', count: 2 }],
      },
    });
    await refusedWith(await sign(small, keys().signingKey('KE')), 403, 'FEDERATION_OBLIGATION_UNMET', small.id);
  });

  it('a payload that does not fit its type, a recipient this node does not serve, and what is not a message at all', async () => {
    const misshapen = envelope({ type: 'alert', from: 'KE', to: 'UG', clauseId: 'regional-escalation', payload: { level: 'high' } });
    await refusedWith(await sign(misshapen, keys().signingKey('KE')), 400, 'FEDERATION_SCHEMA_INVALID', misshapen.id);
    const elsewhere = envelope({ type: 'alert', from: 'KE', to: 'ZM', clauseId: 'regional-escalation', payload: alertPayload(3) });
    await refusedWith(await sign(elsewhere, keys().signingKey('KE')), 421, 'FEDERATION_WRONG_RECIPIENT', elsewhere.id);
    const garbage = await post('not.a.jws!');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().code).toBe('FEDERATION_ENVELOPE_INVALID');
  });

  it('a different message reusing an id already received', async () => {
    const first = envelope({ type: 'alert', from: 'KE', to: 'EAC', clauseId: 'regional-escalation', payload: alertPayload(2) });
    expect((await post(await sign(first, keys().signingKey('KE')))).statusCode).toBe(200);
    const reuse = await post(await sign({ ...first, payload: alertPayload(2, { title: 'Another alert' }) }, keys().signingKey('KE')));
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().code).toBe('FEDERATION_ID_CONFLICT');
  });
});

describe('who sees federation traffic', () => {
  it('is limited to hub coordinators and focal points, each within their reach', async () => {
    const facility = await node.signIn(demoEmail('facility.ke'));
    expect((await node.app.inject({ url: '/api/v1/federation/outbox', headers: facility })).statusCode).toBe(403);
    const ugOutbox = (await get('/api/v1/federation/outbox?limit=1000', nfpUg)).messages;
    expect(ugOutbox.every((m: { sender: string; recipient: string }) => m.sender === 'UG' || m.recipient === 'UG')).toBe(true);
    const ugAlerts = (await get('/api/v1/federation/received/alerts', nfpUg)).alerts;
    expect(ugAlerts.length).toBeGreaterThan(0);
    expect(ugAlerts.every((a: { recipient: string }) => a.recipient === 'UG')).toBe(true);
  });

  it('lists every member of the pact as served here, with its pinned key', async () => {
    const { peers } = await get('/api/v1/federation/peers', hub);
    expect(peers).toHaveLength(9);
    const ke = peers.find((p: { code: string }) => p.code === 'KE');
    expect(ke).toMatchObject({ hostedHere: true, url: 'http://localhost:4103', publicKey: keys().publicKey('KE'), backlog: 0 });
  });
});

describe('retention of what was received', () => {
  it('drops a line list and the signed original at the date the clause set, and still recognises a redelivery', async () => {
    const raised = await node.app.inject({
      method: 'POST',
      url: '/api/v1/federation/alerts',
      headers: nfpKe,
      payload: { disease: 'cholera', level: 3, title: 'Kept for 90 days (synthetic)', caseReports: CASE_REPORTS.slice(0, 1), to: ['UG'] },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    await node.services.federation.deliverNow();
    const { alertId, messages } = raised.json();
    const signed = (await get(`/api/v1/federation/outbox/${messages[0].id}`, nfpKe)).jws as string;
    const copy = async () => (await get('/api/v1/federation/received/alerts', nfpUg)).alerts.find((a: { alertId: string }) => a.alertId === alertId);
    expect((await copy()).caseReports).toHaveLength(1);

    // Governance's retention job runs federation's targets.
    const purged = async (target: string) =>
      (await node.services.governance.retention.run({ kind: 'system', name: 'test' })).find((r) => r.target === target)!;
    node.clock.advance(89 * 86_400_000);
    expect(await purged('federation.received-line-lists')).toMatchObject({ anonymised: 0 });
    expect(await purged('federation.signed-originals')).toMatchObject({ anonymised: 0 });
    node.clock.advance(2 * 86_400_000);
    const runs = await node.services.governance.retention.run({ kind: 'system', name: 'test' });
    const ran = (target: string) => runs.find((r) => r.target === target)!;
    expect(ran('federation.received-line-lists').items).toContain(`UG/KE/${alertId}`);
    expect(ran('federation.signed-originals').items).toContain(messages[0].id);
    // Sessions last hours, not months.
    nfpUg = await node.signIn(demoEmail('nfp.ug'));
    expect(await copy()).toMatchObject({ caseReports: null, level: 3 });
    const row = (await get('/api/v1/federation/inbox?limit=1000', nfpUg)).messages.find((m: { id: string }) => m.id === messages[0].id);
    expect(row.envelope.payload).toEqual({ expired: true });

    const again = await post(signed);
    expect(again.json()).toEqual({ id: messages[0].id, status: 'duplicate' });
    expect(await copy()).toMatchObject({ caseReports: null, messages: 1 });
  });
});
