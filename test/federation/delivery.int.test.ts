import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKeyStore } from '@concord/server/keys/key-store';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * A node that holds only Kenya's key, so Uganda is a remote peer — at the
 * pact's example URL, where nothing listens. Delivery must keep the
 * messages, count the attempts, and back off the peer as a whole.
 */
let node: TestNode;
let nfpKe: { authorization: string };
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-federation-'));
  const kenya = openKeyStore({ keyDir: inject('testKeyDir') }).signingKey('KE');
  node = await startTestNode({ env: { CONCORD_KEY_DIR: dir, CONCORD_SIGNING_KEYS: JSON.stringify({ KE: kenya }) } });
  nfpKe = await node.signIn(demoEmail('nfp.ke'));
});
afterAll(async () => {
  await node.close();
  rmSync(dir, { recursive: true, force: true });
});

const outbox = async () => (await node.app.inject({ url: '/api/v1/federation/outbox?recipient=UG', headers: nfpKe })).json().messages;
const uganda = async () => (await node.app.inject({ url: '/api/v1/federation/peers', headers: nfpKe })).json().peers.find((p: { code: string }) => p.code === 'UG');

describe('a peer that does not answer', () => {
  it('keeps every message pending, tries the oldest, and backs the whole peer off', async () => {
    for (const title of ['first', 'second', 'third']) {
      const response = await node.app.inject({
        method: 'POST',
        url: '/api/v1/federation/alerts',
        headers: nfpKe,
        payload: { disease: 'cholera', level: 2, title: `${title} (synthetic)`, to: ['UG'] },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const report = await node.services.federation.deliverNow();
    expect(report).toMatchObject({ claimed: 3, delivered: 0, retried: 3 });
    const messages = await outbox();
    expect(messages.map((m: { status: string }) => m.status)).toEqual(['pending', 'pending', 'pending']);
    // Newest first: only the oldest was tried.
    expect(messages.map((m: { attempts: number }) => m.attempts)).toEqual([0, 0, 1]);
    expect(messages[2].lastError).toMatch(/fetch failed|ECONNREFUSED/);
    const peer = await uganda();
    expect(peer).toMatchObject({ hostedHere: false, failures: 1, backlog: 3, url: 'http://localhost:4108' });
    const waitMs = new Date(peer.nextAttemptAt).getTime() - node.clock.now().getTime();
    expect(waitMs).toBeGreaterThanOrEqual(250);
    expect(waitMs).toBeLessThanOrEqual(500);
  });

  it('does not try again before the backoff ends, then doubles it', async () => {
    expect(await node.services.federation.deliverNow()).toMatchObject({ claimed: 0 });
    node.clock.advance(600);
    expect(await node.services.federation.deliverNow()).toMatchObject({ claimed: 3, retried: 3 });
    const peer = await uganda();
    expect(peer.failures).toBe(2);
    const waitMs = new Date(peer.nextAttemptAt).getTime() - node.clock.now().getTime();
    expect(waitMs).toBeGreaterThanOrEqual(500);
    expect(waitMs).toBeLessThanOrEqual(1000);
    expect((await outbox()).map((m: { attempts: number }) => m.attempts)).toEqual([0, 0, 2]);
  });

  it('never waits longer than the cap, however long the peer stays away', async () => {
    for (let i = 0; i < 8; i++) {
      node.clock.advance(10_001);
      await node.services.federation.deliverNow();
    }
    const peer = await uganda();
    expect(peer.failures).toBe(10);
    expect(new Date(peer.nextAttemptAt).getTime() - node.clock.now().getTime()).toBeLessThanOrEqual(10_000);
    expect((await outbox()).every((m: { status: string }) => m.status === 'pending')).toBe(true);
  });
});
