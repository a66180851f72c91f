import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@concord/server/actor';
import { startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

const user = (jurisdiction: string, role: UserActor['roles'][number], regionWide = false): UserActor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000000',
  email: `${role}@${jurisdiction}.example`,
  displayName: role,
  jurisdiction,
  roles: [role],
  regionWide,
  via: 'session',
  locale: 'en',
});

describe('purpose-bound access', () => {
  it("lets a jurisdiction's own staff read its data without a clause, and records it", async () => {
    const actor = user('KE', 'national-focal-point');
    const grant = await node.services.access.authorize(actor, { dataset: 'case-reports', owner: 'KE', purpose: 'surveillance' });
    expect(grant).toMatchObject({ basis: 'own-jurisdiction', decisionId: null, obligations: [] });
    await node.services.access.record(node.db, actor, grant, { records: 3, subjects: ['c1', 'c2', 'c3'] });
    const report = await node.services.access.report('KE');
    expect(report[0]).toMatchObject({ actor: actor.kind === 'user' ? `user:${actor.email}` : '', basis: 'own-jurisdiction', records: 3, subjects: ['c1', 'c2', 'c3'] });
  });

  it('gives the hub sub-national aggregates only under a clause, with its obligations', async () => {
    const hub = user('EAC', 'hub-coordinator', true);
    const grant = await node.services.access.authorize(hub, { dataset: 'aggregate-counts', owner: 'UG', purpose: 'surveillance' });
    expect(grant).toMatchObject({ basis: 'pact', clauseId: 'weekly-aggregates-to-hub', pactVersion: 2 });
    expect(grant.obligations).toContainEqual({ type: 'suppress-below', k: 5 });
  });

  it('refuses what no clause permits, with the decision recorded', async () => {
    const kenya = user('KE', 'national-focal-point');
    const attempt = node.services.access.authorize(kenya, { dataset: 'case-reports', owner: 'UG', purpose: 'research' });
    await expect(attempt).rejects.toMatchObject({ code: 'ACCESS_DENIED_BY_PACT', status: 403 });
    const error = await attempt.catch((e) => e);
    const decisions = await node.services.pact.decisions({ parties: ['UG'], effect: 'deny', limit: 5 });
    expect(decisions.map((d) => d.id)).toContain(error.params.decisionId);
  });

  it('refuses unknown datasets and missing purposes', async () => {
    const hub = user('EAC', 'hub-coordinator', true);
    await expect(node.services.access.authorize(hub, { dataset: 'gossip', owner: 'KE', purpose: 'x' })).rejects.toMatchObject({ code: 'GOVERNANCE_UNKNOWN_DATASET' });
    await expect(node.services.access.authorize(hub, { dataset: 'case-reports', owner: 'KE', purpose: '' })).rejects.toMatchObject({ code: 'GOVERNANCE_PURPOSE_REQUIRED' });
  });
});
