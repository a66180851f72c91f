import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode({ env: { CONCORD_SIGNIN_RATE_LIMIT: '3', CONCORD_BODY_LIMIT_MB: '0.01' } });
});
afterAll(() => node.close());

describe('the HTTP contract', () => {
  it('answers unknown routes with 404 in the error shape', async () => {
    const response = await node.app.inject({ url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String), params: { method: 'GET' }, requestId: expect.any(String) });
  });

  it('answers malformed JSON with 400 REQUEST_MALFORMED_JSON', async () => {
    const response = await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", "password": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('REQUEST_MALFORMED_JSON');
  });

  it('answers a body that fails the schema with 400 VALIDATION_FAILED naming the field', async () => {
    const response = await node.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 42 } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.params.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('refuses an unsupported content type with 415 and an oversized body with 413', async () => {
    // Sign-out is public and takes no body, so these reach the body parser.
    const xml = await node.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('REQUEST_UNSUPPORTED_MEDIA_TYPE');
    const big = await node.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', payload: { filler: 'x'.repeat(20_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('REQUEST_TOO_LARGE');
  });

  it('asks for sign-in before reading a protected route’s body', async () => {
    const response = await node.app.inject({ method: 'POST', url: '/api/v1/users', headers: { 'content-type': 'application/json' }, payload: '{not json' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('AUTH_REQUIRED');
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await node.app.inject({ url: '/api/v1/me', headers: { authorization: 'Basic abc' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('AUTH_INVALID_TOKEN');
  });

  it('serves health, readiness, OpenAPI and its docs without sign-in', async () => {
    expect((await node.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok', node: 'EAC' });
    const ready = await node.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
    const openapi = (await node.app.inject({ url: '/openapi.json' })).json();
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/sign-in', '/api/v1/users', '/api/v1/audit/verify']));
    const docs = await node.app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('sets security headers and echoes a request id', async () => {
    const response = await node.app.inject({ url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rate-limits sign-in attempts with 429 RATE_LIMITED', async () => {
    const attempt = () =>
      node.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: demoEmail('nfp.so'), password: 'wrong-password' }, remoteAddress: '10.9.9.9' });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
  });

  it('shows the region without sign-in, with populations and their source', async () => {
    const region = (await node.app.inject({ url: '/api/v1/region' })).json();
    expect(region.hub.code).toBe('EAC');
    expect(region.parties.map((p: { code: string }) => p.code)).toEqual(['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG']);
    for (const party of region.parties) {
      expect(party.population).toBeGreaterThan(1_000_000);
      expect(party.populationSource).toMatch(/World Bank/);
    }
    const kenya = (await node.app.inject({ url: '/api/v1/region/jurisdictions/KE' })).json();
    expect(kenya.areas).toHaveLength(47);
    expect(kenya.nameFr).toBe('Kenya');
    const missing = await node.app.inject({ url: '/api/v1/region/jurisdictions/ZZ' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('REGION_UNKNOWN_JURISDICTION');
  });
});
