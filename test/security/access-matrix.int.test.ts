import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, CALLERS, parseAccessMatrix } from './access-matrix.ts';
import { callRoute, routeKey, startSecurityNode, type Callers, type SecurityNode } from './security-node.ts';

/**
 * Every route, called as every role and as someone not signed in, is allowed
 * or refused at the role layer exactly as test/security/access-matrix.ts
 * says. The table is written by hand; the catalogue comes from the running
 * app, so a route added, removed or re-declared without updating the table
 * fails here, by name.
 */
let node: SecurityNode;
let callers: Callers;
const matrix = parseAccessMatrix(ACCESS_MATRIX);

beforeAll(async () => {
  node = await startSecurityNode();
  callers = await node.signInEveryRole();
});
afterAll(() => node?.close());

/** The codes that mean "refused before the route ran": any of them on an allowed call is a finding. */
const REFUSED_BEFORE_ROUTE = new Set(['ACCESS_ROLE_DENIED', 'AUTH_REQUIRED', 'AUTH_INVALID_TOKEN', 'AUTH_CSRF_MISMATCH']);

const describeOutcome = (status: number, code: unknown) => `${status}${typeof code === 'string' ? ` ${code}` : ''}`;

describe('authorisation matrix', () => {
  it('has exactly one row per route of the running node', () => {
    const catalogue = node.app.routeCatalogue.map(routeKey);
    const missing = catalogue.filter((key) => !matrix.has(key));
    const stale = [...matrix.keys()].filter((key) => !catalogue.includes(key));
    expect(missing, `routes with no row in test/security/access-matrix.ts (add one; docs/governance.md): ${missing.join(', ')}`).toEqual([]);
    expect(stale, `rows in test/security/access-matrix.ts for routes that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  it('refuses and allows every route to every role as the table says', { timeout: 180_000 }, async () => {
    const findings: string[] = [];
    const routes = node.app.routeCatalogue.filter((route) => matrix.has(routeKey(route)));
    expect(routes.length).toBeGreaterThan(100);
    for (const route of routes) {
      const allowed = matrix.get(routeKey(route))!;
      for (const caller of CALLERS) {
        const response = await callRoute(node, route, callers.get(caller), route.hasBody ? {} : undefined);
        await node.settle(route, caller, callers);
        const body = parseJson(response.body);
        const code = body?.code;
        const outcome = describeOutcome(response.statusCode, code);
        if (!allowed.has(caller)) {
          const expected = caller === 'anonymous' ? '401 AUTH_REQUIRED' : '403 ACCESS_ROLE_DENIED';
          if (outcome !== expected) findings.push(`${routeKey(route)} as ${caller}: want ${expected}, got ${outcome}`);
        } else if (typeof code === 'string' && REFUSED_BEFORE_ROUTE.has(code)) {
          findings.push(`${routeKey(route)} as ${caller}: want allowed, got ${outcome}`);
        } else if (code === 'VALIDATION_FAILED' && paramsRejected(body)) {
          findings.push(`${routeKey(route)} as ${caller}: the test's placeholder path parameters fail the route's schema (${response.body})`);
        }
      }
    }
    expect(findings, findings.join('\n')).toEqual([]);
  });

  it('refuses a forged or unknown bearer token on every non-public route', async () => {
    const findings: string[] = [];
    for (const route of node.app.routeCatalogue.filter((r) => matrix.get(routeKey(r))?.has('anonymous') === false)) {
      const response = await callRoute(node, route, { authorization: 'Bearer not-a-session-token' }, route.hasBody ? {} : undefined);
      const outcome = describeOutcome(response.statusCode, parseJson(response.body)?.code);
      if (outcome !== '401 AUTH_INVALID_TOKEN') findings.push(`${routeKey(route)}: want 401 AUTH_INVALID_TOKEN, got ${outcome}`);
    }
    expect(findings, findings.join('\n')).toEqual([]);
  });
});

const parseJson = (text: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

const paramsRejected = (body: Record<string, unknown> | undefined) => {
  const issues = (body?.params as { issues?: { path: string }[] } | undefined)?.issues ?? [];
  return issues.some((issue) => issue.path.startsWith('params'));
};
