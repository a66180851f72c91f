import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePartyKeys, loadPact, signPact } from '@concord/core';
import { systemActor } from '@concord/server';
import type { UserActor } from '@concord/server/actor';
import { decryptField, encryptField, keyIdOf } from '@concord/server/keys/field-cipher';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
// Rotation writes a new key into the key directory: give this node its own.
const keyDir = mkdtempSync(join(tmpdir(), 'concord-keys-'));
beforeAll(async () => {
  node = await startTestNode({ env: { CONCORD_KEY_DIR: keyDir } });
});
afterAll(async () => {
  await node.close();
  rmSync(keyDir, { recursive: true, force: true });
});

const system = systemActor('test');
const ugResearcher: UserActor = {
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'researcher@ug.example',
  displayName: 'Researcher',
  jurisdiction: 'UG',
  roles: ['national-focal-point'],
  regionWide: false,
  via: 'session',
  locale: 'en',
};

const consent = (subject: string, type: 'permit' | 'deny', extra: Record<string, unknown> = {}) => ({
  resourceType: 'Consent',
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'research' }] },
  category: [{ coding: [{ system: 'http://loinc.org', code: '57016-8' }] }],
  patient: { identifier: { system: 'urn:concord:client-id:KE', value: subject } },
  organization: [{ identifier: { value: 'KE' } }],
  provision: {
    type,
    actor: [{ reference: { identifier: { value: 'UG' } } }],
    purpose: [{ system: 'urn:concord:purpose', code: 'research' }],
    class: [{ code: 'case-reports' }],
    ...extra,
  },
});

describe('consent', () => {
  beforeAll(async () => {
    // A research clause that lets KE case reports go to UG only with consent.
    const keys = { KE: generatePartyKeys(), UG: generatePartyKeys() };
    const source = `
id: research-consent-pact
title: Research with consent
version: 1
hub: { code: EAC, name: Hub }
parties:
  - { code: KE, name: Kenya, node: { url: "http://localhost:2", publicKey: ${keys.KE.publicKey} } }
  - { code: UG, name: Uganda, node: { url: "http://localhost:3", publicKey: ${keys.UG.publicKey} } }
effective: 2025-01-01
sunset: 2030-01-01
renewalNoticeDays: 30
clauses:
  - id: research-with-consent
    kind: data-sharing
    title: Case reports for research, with consent
    dataset: case-reports
    from: [KE]
    to: [UG]
    purposes: [research]
    granularity: { place: person, time: day }
    dropFields: [patientName, phone]
    consentRequired: true
    retentionDays: 30
`;
    await node.services.pact.create(system, source);
    const pact = loadPact(source, 'research.yaml');
    for (const party of ['KE', 'UG'] as const) {
      await node.services.pact.sign(system, 'research-consent-pact', 1, { party, signature: signPact(pact, keys[party].privateKey) });
    }
  });

  it('records FHIR Consent resources and lists them as a Bundle', async () => {
    const nfp = await node.signIn(demoEmail('nfp.ke'));
    const created = await node.app.inject({ method: 'POST', url: '/api/v1/consents', headers: nfp, payload: consent('KE-1', 'permit') });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ resourceType: 'Consent', id: expect.any(String), status: 'active' });
    const bundle = (await node.app.inject({ url: '/api/v1/consents?owner=KE&subject=KE-1', headers: nfp })).json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });

    const bad = await node.app.inject({ method: 'POST', url: '/api/v1/consents', headers: nfp, payload: { resourceType: 'Consent', status: 'maybe' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('GOVERNANCE_CONSENT_INVALID');
    const ug = await node.signIn(demoEmail('nfp.ug'));
    const foreign = await node.app.inject({ method: 'POST', url: '/api/v1/consents', headers: ug, payload: consent('KE-9', 'permit') });
    expect(foreign.json().code).toBe('ACCESS_OUT_OF_SCOPE');
  });

  it('lets through only the people whose consent covers the use, without the dropped fields', async () => {
    const nfp = await node.signIn(demoEmail('nfp.ke'));
    await node.app.inject({ method: 'POST', url: '/api/v1/consents', headers: nfp, payload: consent('KE-2', 'permit') });
    await node.app.inject({ method: 'POST', url: '/api/v1/consents', headers: nfp, payload: consent('KE-3', 'permit') });
    await node.app.inject({ method: 'POST', url: '/api/v1/consents', headers: nfp, payload: consent('KE-3', 'deny') });
    const expired = consent('KE-4', 'permit', { period: { end: '2025-06-01T00:00:00Z' } });
    await node.app.inject({ method: 'POST', url: '/api/v1/consents', headers: nfp, payload: expired });

    const grant = await node.services.access.authorize(ugResearcher, { dataset: 'case-reports', owner: 'KE', purpose: 'research' });
    expect(grant.clauseId).toBe('research-with-consent');
    const records = ['KE-1', 'KE-2', 'KE-3', 'KE-4', 'KE-5'].map((clientId) => ({ clientId, disease: 'cholera', patientName: 'Synthetic Name', phone: '+000' }));
    const delivered = await node.services.access.deliver(node.db, ugResearcher, grant, records, { subjectOf: (r) => r.clientId });
    expect(delivered.records.map((r) => r.clientId)).toEqual(['KE-1', 'KE-2']);
    expect(delivered.withheld).toBe(3);
    expect(delivered.records[0]).not.toHaveProperty('patientName');
    expect(delivered.retainUntil).toBe('2026-02-04');

    const report = await node.services.access.report('KE');
    expect(report[0]).toMatchObject({ clauseId: 'research-with-consent', basis: 'pact', records: 2, subjects: ['KE-1', 'KE-2'] });
    expect(report[0]!.fields).not.toContain('patientName');
  });

  it('stops covering a person once the consent is revoked', async () => {
    const nfp = await node.signIn(demoEmail('nfp.ke'));
    const created = (await node.app.inject({ method: 'POST', url: '/api/v1/consents', headers: nfp, payload: consent('KE-7', 'permit') })).json();
    const revoked = await node.app.inject({ method: 'POST', url: `/api/v1/consents/${created.id}/revoke`, headers: nfp });
    expect(revoked.json().status).toBe('inactive');
    const grant = await node.services.access.authorize(ugResearcher, { dataset: 'case-reports', owner: 'KE', purpose: 'research' });
    const delivered = await node.services.access.deliver(node.db, ugResearcher, grant, [{ clientId: 'KE-7' }], { subjectOf: (r) => r.clientId });
    expect(delivered.records).toEqual([]);
  });
});

describe('retention', () => {
  it('deletes what is past its retention date, records what went, and leaves the rest', async () => {
    await node.db.exec('CREATE TABLE received_copies (id text PRIMARY KEY, retain_until date NOT NULL, payload text)');
    await node.db.query(`INSERT INTO received_copies VALUES ('old-1', '2026-01-01', 'x'), ('old-2', '2026-01-04', 'y'), ('fresh', '2026-03-01', 'z')`);
    node.services.governance.retention.register({
      name: 'test-received-copies',
      description: 'copies received under a clause',
      async purge(tx, now) {
        const gone = await tx.query<{ id: string }>('DELETE FROM received_copies WHERE retain_until <= $1::date RETURNING id', [now.toISOString().slice(0, 10)]);
        return { deleted: gone.length, anonymised: 0, items: gone.map((r) => r.id).sort() };
      },
    });
    const hub = await node.signIn(demoEmail('hub'));
    const run = await node.app.inject({ method: 'POST', url: '/api/v1/governance/retention/run', headers: hub });
    expect(run.json().results).toContainEqual({ target: 'test-received-copies', deleted: 2, anonymised: 0, items: ['old-1', 'old-2'] });
    expect((await node.db.query('SELECT id FROM received_copies')).map((r) => r.id)).toEqual(['fresh']);
    const history = (await node.app.inject({ url: '/api/v1/governance/retention', headers: hub })).json();
    expect(history.runs[0]).toMatchObject({ target: 'test-received-copies', deleted: 2 });
    const audit = await node.services.audit.search(node.db, { action: 'retention.purged', limit: 1 });
    expect(audit[0]!.details).toMatchObject({ deleted: 2, items: ['old-1', 'old-2'] });
  });
});

describe('field-key rotation', () => {
  it('re-encrypts stored values under the new key while they stay readable', async () => {
    await node.db.exec('CREATE TABLE secrets (id text PRIMARY KEY, name text, phone text)');
    const before = node.keys.fieldKeys();
    const context = (row: Record<string, unknown>, column: string) => `secrets:${column}:${String(row.id)}`;
    for (let i = 0; i < 1_200; i += 1) {
      const id = `p${i}`;
      await node.db.query('INSERT INTO secrets VALUES ($1, $2, $3)', [
        id,
        encryptField(`Name ${i}`, before, context({ id }, 'name')),
        i % 3 === 0 ? null : encryptField(`+255 ${i}`, before, context({ id }, 'phone')),
      ]);
    }
    node.services.governance.rotation.register({ name: 'secrets', table: 'secrets', key: 'id', columns: ['name', 'phone'], context });
    const hub = await node.signIn(demoEmail('hub'));
    const started = await node.app.inject({ method: 'POST', url: '/api/v1/governance/keys/rotate', headers: hub });
    expect(started.statusCode).toBe(202);
    const rotation = started.json();
    expect(rotation.targetKid).not.toBe(before.active);
    expect(rotation.total).toBe(1_200);
    await node.services.governance.rotation.settled();
    const done = (await node.app.inject({ url: `/api/v1/governance/keys/rotations/${rotation.id}`, headers: hub })).json();
    expect(done).toMatchObject({ status: 'done', done: 1_200 });

    const after = node.keys.fieldKeys();
    expect(after.active).toBe(rotation.targetKid);
    const rows = await node.db.query<{ id: string; name: string; phone: string | null }>('SELECT * FROM secrets ORDER BY id');
    for (const row of rows) {
      expect(keyIdOf(row.name)).toBe(after.active);
      const i = Number(row.id.slice(1));
      expect(decryptField(row.name, after, context(row, 'name'))).toBe(`Name ${i}`);
      if (row.phone) expect(decryptField(row.phone, after, context(row, 'phone'))).toBe(`+255 ${i}`);
    }
    const audit = await node.services.audit.search(node.db, { action: 'keys.rotated', limit: 1 });
    expect(JSON.stringify(audit[0])).not.toMatch(/[A-Za-z0-9+/]{43}=/);
  });

  it('binds a ciphertext to its row: copied elsewhere it does not decrypt', () => {
    const keys = node.keys.fieldKeys();
    const value = encryptField('secret', keys, 'secrets:name:p1');
    expect(() => decryptField(value, keys, 'secrets:name:p2')).toThrowError(expect.objectContaining({ code: 'KEYS_DECRYPT_FAILED' }));
  });
});
