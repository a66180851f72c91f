import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/** GET /governance/keys: the active key's id and the latest rotations, for the dashboard. */
let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

describe('key-rotation status', () => {
  it('shows the active key id and the rotations newest first, to the hub and the auditor only', async () => {
    const hub = await node.signIn(demoEmail('hub'));
    const auditor = await node.signIn(demoEmail('auditor'));
    const before = (await node.app.inject({ url: '/api/v1/governance/keys', headers: auditor })).json();
    expect(before.rotations).toEqual([]);
    expect(before.activeKeyId).toEqual(expect.any(String));

    const first = (await node.app.inject({ method: 'POST', url: '/api/v1/governance/keys/rotate', headers: hub })).json();
    await node.services.governance.rotation.settled();
    node.clock.advance(60_000);
    const second = (await node.app.inject({ method: 'POST', url: '/api/v1/governance/keys/rotate', headers: hub })).json();
    await node.services.governance.rotation.settled();

    const after = (await node.app.inject({ url: '/api/v1/governance/keys', headers: auditor })).json();
    expect(after.activeKeyId).toBe(second.targetKid);
    expect(after.activeKeyId).not.toBe(before.activeKeyId);
    expect(after.rotations.map((r: { id: string }) => r.id)).toEqual([second.id, first.id]);
    expect(after.rotations[0]).toMatchObject({ status: 'done', targetKid: second.targetKid });
    expect(JSON.stringify(after)).not.toMatch(/"k"|"key"/);

    const facility = await node.signIn(demoEmail('facility.ke'));
    const refused = await node.app.inject({ url: '/api/v1/governance/keys', headers: facility });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCESS_ROLE_DENIED');
  });
});
