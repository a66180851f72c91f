import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { generatePartyKeys, signPact, loadPact } from '@concord/core';
import { openKeyStore } from '@concord/server/keys/key-store';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

const ID = 'eac-health-security-pact';
let node: TestNode;
let hub: { authorization: string };
beforeAll(async () => {
  node = await startTestNode();
  hub = await node.signIn(demoEmail('hub'));
});
afterAll(() => node.close());

const dryRun = async (request: unknown, context: unknown = {}) => {
  const response = await node.app.inject({ method: 'POST', url: '/api/v1/decisions/dry-run', headers: hub, payload: { request, context } });
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe('the seeded pact', () => {
  it('is in force under its 2025 amendment, signed by all eight partner states', async () => {
    const state = (await node.app.inject({ url: `/api/v1/pacts/${ID}`, headers: hub })).json();
    expect(state.status).toMatchObject({ state: 'in-force', version: 2, effective: '2025-07-01', amended: true });
    expect(state.versions).toHaveLength(2);
    for (const version of state.versions) {
      expect(version.signatureStatus).toMatchObject({ complete: true, missing: [], invalid: [] });
      expect(version.signatures).toHaveLength(8);
    }
  });

  it('was under version 1 in 2024 and describes the amendment in words', async () => {
    const then = (await node.app.inject({ url: `/api/v1/pacts/${ID}?at=2024-03-01T00:00:00Z`, headers: hub })).json();
    expect(then.status).toMatchObject({ state: 'in-force', version: 1 });
    const diff = (await node.app.inject({ url: `/api/v1/pacts/${ID}/diff?from=1&to=2`, headers: hub })).json();
    expect(diff.sentences).toEqual(
      expect.arrayContaining([expect.stringMatching(/cholera-stockpile.*0\.1 to 0\.15/), expect.stringMatching(/mpox-case-reports-great-lakes.*added/)]),
    );
  });

  it('serves its JSON Schema publicly and exports ODRL', async () => {
    const schema = await node.app.inject({ url: '/schemas/pact.json' });
    expect(schema.statusCode).toBe(200);
    expect(schema.json().properties.clauses).toBeDefined();
    const odrl = await node.app.inject({ url: `/api/v1/pacts/${ID}/odrl`, headers: hub });
    expect(odrl.headers['content-type']).toMatch(/application\/ld\+json/);
    expect(JSON.stringify(odrl.json())).toContain('odrl');
  });
});

describe('deciding under the pact', () => {
  it('permits weekly aggregates to the hub with k = 5 suppression', async () => {
    const decision = await dryRun({ kind: 'data', action: 'send', dataset: 'aggregate-counts', from: 'KE', to: 'EAC', purpose: 'surveillance' });
    expect(decision).toMatchObject({ effect: 'permit', clauseId: 'weekly-aggregates-to-hub', pactVersion: 2, id: null });
    expect(decision.obligations).toEqual(expect.arrayContaining([{ type: 'suppress-below', k: 5 }]));
  });

  it('lets person-level case reports cross only at alert level 3, without identifiers', async () => {
    const request = { kind: 'data', action: 'send', dataset: 'case-reports', from: 'KE', to: 'UG', purpose: 'outbreak-response', disease: 'cholera', role: 'national-focal-point' };
    const calm = await dryRun(request, { alert: { KE: { cholera: 1 } } });
    expect(calm.effect).toBe('deny');
    const outbreak = await dryRun(request, { alert: { KE: { cholera: 3 } } });
    expect(outbreak).toMatchObject({ effect: 'permit', clauseId: 'case-reports-lake-victoria-outbreak' });
    expect(outbreak.obligations).toEqual(expect.arrayContaining([{ type: 'drop-fields', fields: ['patientName', 'phone', 'nationalId', 'village'] }]));
    const wrongPurpose = await dryRun({ ...request, purpose: 'research' }, { alert: { KE: { cholera: 4 } } });
    expect(wrongPurpose.effect).toBe('deny');
    const notNeighbour = await dryRun({ ...request, to: 'SO' }, { alert: { KE: { cholera: 4 } } });
    expect(notNeighbour.effect).toBe('deny');
  });

  it('decides under the version in force at the moment asked', async () => {
    const request = { kind: 'data', action: 'send', dataset: 'case-reports', from: 'CD', to: 'RW', purpose: 'outbreak-response', disease: 'mpox', role: 'national-focal-point' };
    const alert = { CD: { mpox: 3 } };
    const before = await dryRun(request, { now: '2024-08-15T12:00:00Z', alert });
    expect(before).toMatchObject({ effect: 'deny', pactVersion: 1 });
    const after = await dryRun(request, { now: '2025-08-15T12:00:00Z', alert });
    expect(after).toMatchObject({ effect: 'permit', pactVersion: 2, clauseId: 'mpox-case-reports-great-lakes' });
    const beforeTheTerm = await dryRun(request, { now: '2022-06-01T00:00:00Z', alert });
    expect(beforeTheTerm.effect).toBe('deny');
  });

  it('stores every real decision with its clause and version, scoped to the parties it concerns', async () => {
    const stored = await node.services.pact.decide({ kind: 'system', name: 'test' }, { kind: 'data', action: 'send', dataset: 'aggregate-counts', from: 'TZ', to: 'EAC', purpose: 'surveillance' });
    expect(stored.id).toMatch(/^[0-9a-f-]{36}$/);
    const tz = await node.signIn(demoEmail('nfp.tz'));
    const mine = (await node.app.inject({ url: '/api/v1/decisions', headers: tz })).json().decisions;
    expect(mine.map((d: { id: string }) => d.id)).toContain(stored.id);
    expect(mine.find((d: { id: string }) => d.id === stored.id)).toMatchObject({ clauseId: 'weekly-aggregates-to-hub', pactVersion: 2, effect: 'permit' });
    const ke = await node.signIn(demoEmail('nfp.ke'));
    const theirs = (await node.app.inject({ url: '/api/v1/decisions', headers: ke })).json().decisions;
    expect(theirs.map((d: { id: string }) => d.id)).not.toContain(stored.id);
    expect((await node.app.inject({ url: '/api/v1/decisions?party=TZ', headers: ke })).statusCode).toBe(403);
  });

  it('tells a party what it owes now', async () => {
    const duties = (await node.app.inject({ url: `/api/v1/pacts/${ID}/duties?party=KE`, headers: hub })).json();
    expect(duties.pactVersion).toBe(2);
    const types = [...new Set(duties.duties.map((d: { type: string }) => d.type))];
    expect(types).toEqual(expect.arrayContaining(['hold-reserve', 'report', 'meet-milestone']));
    // Reporting duties name their next deadline.
    const report = duties.duties.find((d: { type: string; dataset?: string }) => d.type === 'report' && d.dataset === 'aggregate-counts');
    expect(report.deadline).toMatch(/^2026-01-\d\d$/);
    const reserve = duties.duties.find((d: { type: string }) => d.type === 'hold-reserve');
    expect(reserve.share).toBe(0.15);
  });
});

describe('the pact lifecycle over HTTP', () => {
  const keys = { KE: generatePartyKeys(), UG: generatePartyKeys(), HUB: generatePartyKeys() };
  const draft = (version: number, extra = '') => `
id: lake-basin-pact
title: Lake basin pact
version: ${version}
${version > 1 ? `amends: ${version - 1}` : ''}
hub: { code: EAC, name: Hub, node: { url: "http://localhost:1", publicKey: ${keys.HUB.publicKey} } }
parties:
  - { code: KE, name: Kenya, node: { url: "http://localhost:2", publicKey: ${keys.KE.publicKey} } }
  - { code: UG, name: Uganda, node: { url: "http://localhost:3", publicKey: ${keys.UG.publicKey} } }
effective: 2026-01-01
sunset: 2027-01-01
renewalNoticeDays: 30
clauses:
  - id: counts-to-hub
    kind: data-sharing
    title: Counts to the hub
    dataset: aggregate-counts
    from: [all-parties]
    to: [EAC]
    purposes: [surveillance]
    granularity: { place: admin1, time: week }
    minCellSize: ${version > 1 ? 10 : 5}
    retentionDays: 365
${extra}`;

  it('refuses an invalid draft with positioned diagnostics', async () => {
    const negotiator = await node.signIn(demoEmail('negotiator'));
    const bad = draft(1).replace('dataset: aggregate-counts', 'dataset: gossip');
    const response = await node.app.inject({ method: 'POST', url: '/api/v1/pacts', headers: negotiator, payload: { source: bad } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('PACT_INVALID');
    expect(body.params.diagnostics[0]).toMatchObject({ code: 'PACT_UNKNOWN_DATASET', line: expect.any(Number), column: expect.any(Number) });
  });

  it('goes from draft to signed to in force, refusing bad signatures and other parties', async () => {
    const negotiator = await node.signIn(demoEmail('negotiator'));
    const created = await node.app.inject({ method: 'POST', url: '/api/v1/pacts', headers: negotiator, payload: { source: draft(1) } });
    expect(created.statusCode).toBe(201);
    const pact = loadPact(draft(1), 'draft.yaml');
    const url = '/api/v1/pacts/lake-basin-pact/versions/1/signatures';
    const ke = await node.signIn(demoEmail('nfp.ke'));
    const ug = await node.signIn(demoEmail('nfp.ug'));

    const forged = await node.app.inject({ method: 'POST', url, headers: ke, payload: { party: 'KE', signature: signPact(pact, keys.UG.privateKey) } });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('PACT_SIGNATURE_INVALID');
    const onBehalf = await node.app.inject({ method: 'POST', url, headers: ke, payload: { party: 'UG', signature: signPact(pact, keys.UG.privateKey) } });
    expect(onBehalf.statusCode).toBe(403);

    const first = await node.app.inject({ method: 'POST', url, headers: ke, payload: { party: 'KE', signature: signPact(pact, keys.KE.privateKey) } });
    expect(first.statusCode).toBe(201);
    expect(first.json().status.state).toBe('draft');
    const again = await node.app.inject({ method: 'POST', url, headers: ke, payload: { party: 'KE', signature: signPact(pact, keys.KE.privateKey) } });
    expect(again.json().code).toBe('PACT_ALREADY_SIGNED');
    const second = await node.app.inject({ method: 'POST', url, headers: ug, payload: { party: 'UG', signature: signPact(pact, keys.UG.privateKey) } });
    expect(second.json().status).toMatchObject({ state: 'in-force', version: 1 });
  });

  it('amends with the next version only, suspends, resumes and renews', async () => {
    const negotiator = await node.signIn(demoEmail('negotiator'));
    const skip = await node.app.inject({ method: 'POST', url: '/api/v1/pacts/lake-basin-pact/versions', headers: negotiator, payload: { source: draft(3) } });
    expect(skip.json().code).toBe('PACT_VERSION_OUT_OF_ORDER');
    const amended = await node.app.inject({ method: 'POST', url: '/api/v1/pacts/lake-basin-pact/versions', headers: negotiator, payload: { source: draft(2) } });
    expect(amended.statusCode).toBe(201);

    const suspended = await node.app.inject({ method: 'POST', url: '/api/v1/pacts/lake-basin-pact/suspend', headers: negotiator, payload: { reason: 'dispute' } });
    expect(suspended.json().status.state).toBe('suspended');
    const twice = await node.app.inject({ method: 'POST', url: '/api/v1/pacts/lake-basin-pact/suspend', headers: negotiator, payload: { reason: 'again' } });
    expect(twice.json().code).toBe('PACT_WRONG_STATE');
    const resumed = await node.app.inject({ method: 'POST', url: '/api/v1/pacts/lake-basin-pact/resume', headers: negotiator });
    expect(resumed.json().status.state).toBe('in-force');

    const earlier = await node.app.inject({ method: 'POST', url: '/api/v1/pacts/lake-basin-pact/renew', headers: negotiator, payload: { sunset: '2026-06-01' } });
    expect(earlier.json().code).toBe('PACT_RENEWAL_NOT_LATER');
    const renewed = await node.app.inject({ method: 'POST', url: '/api/v1/pacts/lake-basin-pact/renew', headers: negotiator, payload: { sunset: '2030-01-01' } });
    expect(renewed.json().status).toMatchObject({ state: 'in-force', sunset: '2030-01-01', renewed: true });

    const facility = await node.signIn(demoEmail('facility.ke'));
    const denied = await node.app.inject({ method: 'POST', url: '/api/v1/pacts/lake-basin-pact/suspend', headers: facility, payload: { reason: 'x' } });
    expect(denied.json().code).toBe('ACCESS_ROLE_DENIED');
  });

  it('lets the seeded jurisdictions sign with the keys in the node key store', () => {
    const store = openKeyStore({ keyDir: inject('testKeyDir') });
    expect(store.publicKey('KE')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
