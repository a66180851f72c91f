import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Transport } from '@concord/server';
import { openKeyStore } from '@concord/server/keys/key-store';
import { MESSAGES_PATH } from '@concord/server/modules/federation/index';
import { startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * Nodes of one federation in one process, for tests that need several nodes
 * but not several processes. Each node has its own test database (the
 * template: the same pact, with every member's URL and pinned key) and
 * holds only the signing keys of the jurisdictions it serves, so the others
 * are its peers. A transport hands each message to the node serving the URL
 * the pact gives its recipient, through the same route and checks as HTTP.
 * Delivery runs when a test asks (`settle`); clocks are fixed and move
 * together.
 */
export interface InProcessFederation {
  nodes: Record<string, TestNode>;
  /** Delivers on every node until nothing more moves. */
  settle(): Promise<void>;
  /** Moves every node's clock on. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export const startInProcessFederation = async (layout: Record<string, readonly string[]>): Promise<InProcessFederation> => {
  const keys = openKeyStore({ keyDir: inject('testKeyDir') });
  const byUrl = new Map<string, TestNode>();
  const transport: Transport = async (url, jws) => {
    const target = byUrl.get(url.replace(/\/+$/, ''));
    if (!target) throw new Error(`nothing listens at ${url}`);
    const response = await target.app.inject({ method: 'POST', url: MESSAGES_PATH, headers: { 'content-type': 'application/jose' }, payload: jws });
    const body = response.json() as { code?: string; message?: string };
    return { status: response.statusCode, ...(body.code ? { code: body.code } : {}), ...(body.message ? { message: body.message } : {}) };
  };
  const dirs: string[] = [];
  const nodes: Record<string, TestNode> = {};
  for (const [name, codes] of Object.entries(layout)) {
    const dir = mkdtempSync(join(tmpdir(), `concord-in-process-${name}-`));
    dirs.push(dir);
    const signing = Object.fromEntries(codes.map((code) => [code, keys.signingKey(code)]));
    const node = await startTestNode({ env: { CONCORD_KEY_DIR: dir, CONCORD_SIGNING_KEYS: JSON.stringify(signing) }, transport });
    nodes[name] = node;
    const [held] = await node.services.pact.inForce();
    for (const code of codes) {
      const member = held!.pact.hub.code === code ? held!.pact.hub : held!.pact.parties.find((p) => p.code === code);
      if (!member?.node?.url) throw new Error(`the pact names no node URL for ${code}`);
      byUrl.set(member.node.url.replace(/\/+$/, ''), node);
    }
  }
  return {
    nodes,
    async settle() {
      for (let round = 0; round < 20; round++) {
        let moved = 0;
        for (const node of Object.values(nodes)) {
          const report = await node.services.federation.deliverNow();
          moved += report.delivered + report.rejected;
        }
        if (moved === 0) return;
      }
      throw new Error('delivery did not settle in 20 rounds');
    },
    advance(ms) {
      for (const node of Object.values(nodes)) node.clock.advance(ms);
    },
    async close() {
      await Promise.all(Object.values(nodes).map((node) => node.close()));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
};
