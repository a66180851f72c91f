import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '@concord/server/http/app';
import { ACCESS_MATRIX, parseAccessMatrix, type Caller } from './access-matrix.ts';
import { changedTables, publicTables, snapshot } from './db-snapshot.ts';
import { malformedBodies, type BodyKind, type PropertySchema } from './malformed-bodies.ts';
import { demoEmail } from '../support/test-node.ts';
import { concreteUrl, routeKey, startSecurityNode, type Callers, type SecurityNode } from './security-node.ts';

/**
 * Every route that reads a request body gets malformed bodies (fast-check;
 * test/security/malformed-bodies.ts lists the kinds), sent by a role the
 * access matrix allows, and must answer each with a 4xx in the one error
 * shape and change nothing in the database but the writes listed below.
 * A failure prints fast-check's seed; CONCORD_FUZZ_SEED replays it.
 */
let node: SecurityNode;
let callers: Callers;
let tables: string[];
const matrix = parseAccessMatrix(ACCESS_MATRIX);

/**
 * Runs per route; the kinds of malformation are drawn evenly, so each route
 * meets every kind a few times. A route that takes any JSON (no schema of
 * named fields: FHIR, DHIS2, consents, case reports) reads the body itself,
 * so it gets more.
 */
const RUNS_PER_ROUTE = 30;
const RUNS_PER_OPEN_ROUTE = 120;
const seed = process.env.CONCORD_FUZZ_SEED === undefined ? undefined : Number(process.env.CONCORD_FUZZ_SEED);

/** Routes whose body is not described by a JSON schema but read by the route itself. */
const BODY_KIND: Record<string, BodyKind> = {
  'POST /api/v1/surveillance/cases/csv': 'csv',
  'POST /api/v1/stock/cold-chain/readings/csv': 'csv',
  'POST /federation/v1/messages': 'jose',
};

/** Changing routes that read no body at all (the body is never parsed as anything but JSON and ignored). */
const NO_BODY: Record<string, string> = {
  'POST /api/v1/auth/sign-out': 'ends the caller’s session',
  'POST /api/v1/pacts/:id/resume': 'resumes a suspended pact',
  'POST /api/v1/breaches/:id/remedies/:index/done': 'marks a remedy done',
  'POST /api/v1/breaches/:id/close': 'closes a breach',
  'POST /api/v1/consents/:id/revoke': 'revokes a consent',
  'POST /api/v1/governance/retention/run': 'runs the retention job',
  'POST /api/v1/governance/keys/rotate': 'starts a key rotation',
  'POST /api/v1/notifications/:id/acknowledge': 'acknowledges a notification',
  'POST /api/v1/breaches/alerts/:id/acknowledge': 'acknowledges a breach alert',
};

/**
 * The only writes a refused request may leave, by design, each with why.
 * Everything else must be exactly as it was.
 */
const BY_DESIGN_WRITES: Record<string, Record<string, string>> = {
  'POST /api/v1/auth/sign-in': {
    users: 'a wrong password for a real account counts a failed sign-in (lockout)',
    audit_log: 'failed sign-ins and lockouts are audited',
    audit_head: 'the audit chain’s head moves with every audit row',
    sessions: 'a body that happens to hold a right password signs in',
  },
  'POST /federation/v1/messages': {
    federation_refusals: 'a refused message is recorded with its claimed headers and digest, never its payload',
    audit_log: 'every refusal of a message is audited',
    audit_head: 'the audit chain’s head moves with every audit row',
  },
};

/**
 * Bodies some routes accept although the fuzz drew them (an empty object
 * where every field is optional): those are valid requests, and their
 * writes are the route's job. Checked right after each accepted call.
 */
const VALID_REQUEST_WRITES: Record<string, Record<string, string>> = {
  'POST /api/v1/surveillance/detection/run': {
    audit_log: '{} asks for detection over the default weeks, which is audited',
    audit_head: 'the audit chain’s head moves with every audit row',
  },
};

/** Routes that answer a refusal in a standard's own shape instead of Concord's error body, with why and how it is judged. */
const STANDARD_REFUSALS: Record<string, { why: string; judge: (status: number, parsed: Record<string, unknown>) => string | null }> = {
  'POST /api/v1/surveillance/fhir/MeasureReport': {
    why: 'a FHIR client reads a 422 OperationOutcome whose issues carry the Concord code',
    judge: (status, parsed) => {
      const issues = (parsed.issue ?? []) as { severity?: string; details?: { coding?: { code?: string }[] } }[];
      if (parsed.resourceType !== 'OperationOutcome' || status !== 422 || issues.length === 0) return `not a 422 OperationOutcome with issues (${status})`;
      const bad = issues.find((issue) => issue.severity !== 'error' || !/^[A-Z][A-Z0-9_]*$/.test(issue.details?.coding?.[0]?.code ?? ''));
      return bad ? `an OperationOutcome issue without a Concord code: ${JSON.stringify(bad)}` : null;
    },
  },
  'POST /api/v1/surveillance/dhis2/dataValueSets': {
    why: 'a DHIS2 client reads a 409 ImportSummary with status ERROR and its conflicts',
    judge: (status, parsed) => {
      const conflicts = (parsed.conflicts ?? []) as { errorCode?: string }[];
      if (parsed.responseType !== 'ImportSummary' || parsed.status !== 'ERROR' || status !== 409) return `not a 409 ImportSummary with status ERROR (${status})`;
      return conflicts.length > 0 && conflicts.every((c) => typeof c.errorCode === 'string') ? null : 'an ImportSummary without conflicts and their error codes';
    },
  },
};
const isStandardShape = (parsed: Record<string, unknown>) => parsed.resourceType === 'OperationOutcome' || parsed.responseType === 'ImportSummary';
/** Writes allowed on every route: a pact denial is stored with its clause, and the access log records it. */
const ANY_ROUTE_WRITES: Record<string, string> = {
  pact_decisions: 'a denied cross-border request is still a decision, stored with its clause',
  access_log: 'every decision on person-level data is logged',
};

/** Who sends the bodies: someone the matrix allows; public routes are fuzzed as a stranger would. */
const PREFERENCE: readonly Caller[] = ['anonymous', 'national-focal-point', 'hub-coordinator', 'facility-staff', 'lab-staff', 'procurement-officer', 'negotiator', 'auditor', 'finance-officer'];
const callerFor = (route: RouteEntry): Caller => {
  const allowed = matrix.get(routeKey(route));
  const caller = PREFERENCE.find((c) => allowed?.has(c));
  if (!caller) throw new Error(`${routeKey(route)}: nobody may call it in the access matrix`);
  return caller;
};

const CHANGING = new Set(['POST', 'PUT', 'PATCH']);
const fuzzedRoutes = () => node.app.routeCatalogue.filter((route) => CHANGING.has(route.method) && (route.hasBody || BODY_KIND[routeKey(route)]));

/** The body's top-level properties from the OpenAPI document, so wrong values land on real field names. */
const bodyFields = (route: RouteEntry): Record<string, PropertySchema> => {
  const document = node.app.swagger() as { paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, PropertySchema> } }> } }>> };
  const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
  const content = document.paths?.[path]?.[route.method.toLowerCase()]?.requestBody?.content ?? {};
  return Object.values(content)[0]?.schema?.properties ?? {};
};

beforeAll(async () => {
  node = await startSecurityNode();
  callers = await node.signInEveryRole();
  tables = await publicTables(node.db);
  // With a DHIS2 mapping in place, dataValueSets bodies are read rather than refused for want of one.
  const mapping = await node.app.inject({ method: 'PUT', url: '/api/v1/surveillance/dhis2/mapping', headers: callers.get('national-focal-point'), payload: DHIS2_MAPPING });
  if (mapping.statusCode !== 200) throw new Error(`DHIS2 mapping refused: ${mapping.body}`);
});

const DHIS2_MAPPING = {
  dataElements: { MeasCase001: { disease: 'measles' }, CholSusp001: { disease: 'cholera', classification: 'suspected' } },
  categoryOptionCombos: { HllvX50cXC0: {}, MaleU5Coc01: { sex: 'male', ageBand: '0-4' } },
  orgUnits: { OuNairobi01: { party: 'KE', area: 'KE-30' } },
};
afterAll(() => node?.close());

const ERROR_KEYS = ['code', 'message', 'params', 'requestId'];

interface Answer {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
}

/** A finding for one response, or null when it is a well-formed refusal (or an acceptance). */
const judge = (key: string, response: Answer): string | null => {
  if (response.statusCode >= 500) return `answered ${response.statusCode}: ${response.body.slice(0, 300)}`;
  if (response.statusCode < 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return `a ${response.statusCode} whose body is not JSON: ${response.body.slice(0, 200)}`;
  }
  const standard = STANDARD_REFUSALS[key];
  if (standard && typeof parsed === 'object' && parsed !== null && isStandardShape(parsed as Record<string, unknown>)) return standard.judge(response.statusCode, parsed as Record<string, unknown>);
  const error = parsed as Record<string, unknown>;
  const keys = typeof parsed === 'object' && parsed !== null ? Object.keys(parsed).sort() : [];
  if (keys.join() !== ERROR_KEYS.join()) return `a ${response.statusCode} not in the error shape: ${response.body.slice(0, 200)}`;
  if (typeof error.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(error.code)) return `error code ${String(error.code)} is not UPPER_SNAKE`;
  if (typeof error.message !== 'string' || error.message === '') return 'an error without a message';
  if (typeof error.params !== 'object' || error.params === null || Array.isArray(error.params)) return 'error params is not an object';
  if (error.requestId !== response.headers['x-request-id']) return 'error requestId differs from x-request-id';
  return null;
};

describe('fuzz: malformed bodies to every route that reads one', () => {
  it('covers every changing route: fuzzed, or listed as reading no body', () => {
    const changing = node.app.routeCatalogue.filter((route) => CHANGING.has(route.method));
    const unaccounted = changing.filter((route) => !route.hasBody && !BODY_KIND[routeKey(route)] && !NO_BODY[routeKey(route)]).map(routeKey);
    expect(unaccounted, `changing routes neither fuzzed nor listed in NO_BODY: ${unaccounted.join(', ')}`).toEqual([]);
    const stale = Object.keys({ ...NO_BODY, ...BODY_KIND }).filter((key) => !changing.some((route) => routeKey(route) === key));
    expect(stale, `listed routes that do not exist: ${stale.join(', ')}`).toEqual([]);
    expect(fuzzedRoutes().length).toBeGreaterThan(40);
  });

  it('would notice a write: a sign-in shows in the snapshot (sessions, the audit log and its head)', async () => {
    const before = await snapshot(node.db, tables);
    await node.signIn(demoEmail('auditor'));
    const changed = changedTables(before, await snapshot(node.db, tables)).map((c) => c.table);
    expect(changed.sort()).toEqual(['audit_head', 'audit_log', 'sessions']);
  });

  it('answers each with a 4xx in the error shape and changes nothing', { timeout: 300_000 }, async () => {
    const findings: string[] = [];
    for (const route of fuzzedRoutes()) {
      const key = routeKey(route);
      const caller = callerFor(route);
      const kind = BODY_KIND[key] ?? 'json';
      const fields = bodyFields(route);
      const runs = kind === 'json' && Object.keys(fields).length === 0 ? RUNS_PER_OPEN_ROUTE : RUNS_PER_ROUTE;
      let baseline = await snapshot(node.db, tables);
      const accepted: string[] = [];
      const refusedMayWrite = { ...ANY_ROUTE_WRITES, ...BY_DESIGN_WRITES[key] };
      const validMayWrite = { ...refusedMayWrite, ...VALID_REQUEST_WRITES[key] };
      try {
        await fc.assert(
          fc.asyncProperty(malformedBodies(kind, fields, key), async (sent) => {
            const response = await node.app.inject({
              method: route.method as 'POST',
              url: concreteUrl(route.url),
              headers: { ...callers.get(caller), 'content-type': sent.contentType },
              payload: sent.payload,
            });
            const finding = judge(key, response);
            if (finding) throw new Error(`${sent.kind} (${sent.contentType}): ${finding}\nbody sent: ${sent.payload.slice(0, 300)}`);
            if (response.statusCode >= 400) return;
            accepted.push(`${sent.kind}: ${sent.payload.slice(0, 120)} → ${response.statusCode}`);
            const now = await snapshot(node.db, tables);
            const changed = changedTables(baseline, now).filter((c) => !(c.table in validMayWrite));
            baseline = now;
            if (changed.length > 0) throw new Error(`accepted ${sent.kind} and changed ${changed.map((c) => `${c.table} (${c.rows})`).join(', ')}\nbody sent: ${sent.payload.slice(0, 300)}`);
          }),
          { numRuns: runs, includeErrorInReport: true, ...(seed === undefined ? {} : { seed }) },
        );
      } catch (error) {
        findings.push(`${key} as ${caller}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const changed = changedTables(baseline, await snapshot(node.db, tables)).filter((c) => !(c.table in refusedMayWrite));
      if (changed.length > 0) {
        findings.push(`${key} as ${caller} changed ${changed.map((c) => `${c.table} (${c.rows})`).join(', ')}; bodies it accepted: ${accepted.join(' | ') || 'none'}`);
      }
    }
    expect(findings, findings.join('\n\n')).toEqual([]);
  });
});
