import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { RouteEntry } from '@concord/server/http/app';
import type { Caller } from './access-matrix.ts';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * A node for the security tests (the authorisation matrix and the fuzz):
 * rate limits raised (they would otherwise refuse the thousand calls these
 * tests make), and a key directory of its own, because an allowed call to
 * keys/rotate writes a new field key there.
 */
export interface SecurityNode extends TestNode {
  signInEveryRole(): Promise<Callers>;
  /** Waits for, or undoes, what an allowed call leaves behind (a key rotation, an ended session). */
  settle(route: RouteEntry, caller: Caller, callers: Callers): Promise<void>;
}

/** Headers per caller; anonymous has none. */
export type Callers = Map<Caller, Record<string, string> | undefined>;

/** One demo account per role (synthetic, docs/README "The demo region"). */
export const DEMO_ACCOUNT: Record<Exclude<Caller, 'anonymous'>, string> = {
  'hub-coordinator': 'hub',
  auditor: 'auditor',
  'finance-officer': 'finance',
  'procurement-officer': 'procurement',
  negotiator: 'negotiator',
  'national-focal-point': 'nfp.ke',
  'facility-staff': 'facility.ke',
  'lab-staff': 'lab.ke',
};

export const startSecurityNode = async (): Promise<SecurityNode> => {
  const keyDir = mkdtempSync(join(tmpdir(), 'concord-security-keys-'));
  // The template's pact was signed with the run's keys: start from a copy of them.
  cpSync(inject('testKeyDir'), keyDir, { recursive: true });
  const node = await startTestNode({ env: { CONCORD_KEY_DIR: keyDir, CONCORD_RATE_LIMIT: '1000000', CONCORD_SIGNIN_RATE_LIMIT: '1000000' } });
  const signInAs = async (caller: Exclude<Caller, 'anonymous'>) => node.signIn(demoEmail(DEMO_ACCOUNT[caller]));
  return {
    ...node,
    close: async () => {
      await node.services.governance.rotation.settled();
      await node.close();
      rmSync(keyDir, { recursive: true, force: true });
    },
    async signInEveryRole() {
      const callers: Callers = new Map([['anonymous', undefined]]);
      for (const caller of Object.keys(DEMO_ACCOUNT) as Exclude<Caller, 'anonymous'>[]) callers.set(caller, await signInAs(caller));
      return callers;
    },
    async settle(route, caller, callers) {
      await node.services.governance.rotation.settled();
      if (routeKey(route) === 'POST /api/v1/auth/sign-out' && caller !== 'anonymous') callers.set(caller, await signInAs(caller));
    },
  };
};

export const routeKey = (route: Pick<RouteEntry, 'method' | 'url'>) => `${route.method} ${route.url}`;

/**
 * Placeholder path parameters that pass every route's parameter schema (a
 * UUID also passes the pact id pattern), so an allowed call reaches the
 * route's own checks.
 */
const PLACEHOLDERS: Record<string, string> = {
  id: '7f3c2a10-5b6d-4e8f-9a01-23456789abcd',
  version: '1',
  index: '0',
  code: 'KE',
  store: 'security-placeholder-store',
  device: 'security-placeholder-device',
};

export const concreteUrl = (url: string) =>
  url
    .replace(/:([A-Za-z]+)/g, (_, name: string) => {
      const value = PLACEHOLDERS[name];
      if (value === undefined) throw new Error(`no placeholder for path parameter :${name} (test/security/security-node.ts)`);
      return value;
    })
    .replace(/\*$/, 'security-placeholder');

export const callRoute = (
  node: TestNode,
  route: RouteEntry,
  headers: Record<string, string> | undefined,
  payload?: unknown,
  extraHeaders: Record<string, string> = {},
) =>
  node.app.inject({
    method: route.method as 'GET',
    url: concreteUrl(route.url),
    headers: { ...headers, ...extraHeaders },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
