import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode({ env: { CONCORD_LOCKOUT_ATTEMPTS: '3', CONCORD_LOCKOUT_MINUTES: '15', CONCORD_SIGNIN_RATE_LIMIT: '1000' } });
});
afterAll(() => node.close());

const signIn = (email: string, password: string) =>
  node.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

describe('sign-in', () => {
  it('returns a token, a CSRF token and sets the session cookie', async () => {
    const response = await signIn(demoEmail('nfp.ke'), 'concord-demo');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ email: demoEmail('nfp.ke'), jurisdiction: 'KE', roles: ['national-focal-point'] });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const cookies = response.cookies.map((c) => c.name);
    expect(cookies).toEqual(expect.arrayContaining(['concord_session', 'concord_csrf']));
    expect(response.cookies.find((c) => c.name === 'concord_session')?.httpOnly).toBe(true);
  });

  it('refuses a wrong password with 401 and a stable code', async () => {
    const response = await signIn(demoEmail('nfp.ug'), 'not-the-password');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', requestId: expect.any(String) });
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const response = await signIn('nobody@demo.concord.example', 'whatever-password');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks the account after repeated failures, even against the right password', async () => {
    const email = demoEmail('lab.rw');
    for (let i = 0; i < 3; i += 1) expect((await signIn(email, 'wrong-password')).statusCode).toBe(401);
    const locked = await signIn(email, 'concord-demo');
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'AUTH_ACCOUNT_LOCKED', params: { until: expect.any(String) } });
    node.clock.advance(16 * 60_000);
    expect((await signIn(email, 'concord-demo')).statusCode).toBe(200);
  });

  it('ends a session at sign-out', async () => {
    const headers = await node.signIn(demoEmail('facility.tz'));
    expect((await node.app.inject({ url: '/api/v1/me', headers })).statusCode).toBe(200);
    expect((await node.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers })).statusCode).toBe(204);
    const after = await node.app.inject({ url: '/api/v1/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_INVALID_TOKEN');
  });

  it('expires sessions after their lifetime', async () => {
    const headers = await node.signIn(demoEmail('facility.ss'));
    node.clock.advance(13 * 3_600_000);
    expect((await node.app.inject({ url: '/api/v1/me', headers })).statusCode).toBe(401);
  });
});

describe('jurisdiction scope', () => {
  it('lets a national focal point list only their own country’s users', async () => {
    const headers = await node.signIn(demoEmail('nfp.ke'));
    const response = await node.app.inject({ url: '/api/v1/users', headers });
    expect(response.statusCode).toBe(200);
    const jurisdictions = new Set(response.json().users.map((u: { jurisdiction: string }) => u.jurisdiction));
    expect([...jurisdictions]).toEqual(['KE']);
  });

  it('refuses a user of one country reading another country’s users', async () => {
    const headers = await node.signIn(demoEmail('nfp.ke'));
    const list = await node.app.inject({ url: '/api/v1/users?jurisdiction=UG', headers });
    expect(list.statusCode).toBe(403);
    expect(list.json()).toMatchObject({ code: 'ACCESS_OUT_OF_SCOPE', params: { jurisdiction: 'UG' } });

    const hub = await node.signIn(demoEmail('hub'));
    const ugUsers = (await node.app.inject({ url: '/api/v1/users?jurisdiction=UG', headers: hub })).json().users;
    expect(ugUsers.length).toBeGreaterThan(0);
    const one = await node.app.inject({ url: `/api/v1/users/${ugUsers[0].id}`, headers });
    expect(one.statusCode).toBe(403);
    expect(one.json().code).toBe('ACCESS_OUT_OF_SCOPE');
  });

  it('lets the hub coordinator read every jurisdiction', async () => {
    const headers = await node.signIn(demoEmail('hub'));
    const users = (await node.app.inject({ url: '/api/v1/users', headers })).json().users as { jurisdiction: string }[];
    expect(new Set(users.map((u) => u.jurisdiction)).size).toBe(9);
  });
});

describe('creating users', () => {
  it('lets a focal point create a user at home but not abroad, nor grant hub roles', async () => {
    const headers = await node.signIn(demoEmail('nfp.ug'));
    const base = { displayName: 'New Clinician', roles: ['facility-staff'], password: 'a-long-enough-password' };
    const home = await node.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { ...base, email: 'new.ug@example.org', jurisdiction: 'UG' } });
    expect(home.statusCode).toBe(201);
    expect(home.json()).toMatchObject({ email: 'new.ug@example.org', jurisdiction: 'UG' });

    const abroad = await node.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { ...base, email: 'new.ke@example.org', jurisdiction: 'KE' } });
    expect(abroad.statusCode).toBe(403);
    expect(abroad.json().code).toBe('ACCESS_OUT_OF_SCOPE');

    const hubRole = await node.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: { ...base, roles: ['hub-coordinator'], email: 'boss.ug@example.org', jurisdiction: 'UG' },
    });
    expect(hubRole.statusCode).toBe(403);
    expect(hubRole.json().code).toBe('ACCOUNTS_ROLE_NOT_GRANTABLE');
  });

  it('refuses facility staff creating users, duplicate emails and weak passwords', async () => {
    const staff = await node.signIn(demoEmail('facility.ug'));
    const payload = { email: 'x.ug@example.org', displayName: 'X', jurisdiction: 'UG', roles: ['facility-staff'], password: 'a-long-enough-password' };
    const denied = await node.app.inject({ method: 'POST', url: '/api/v1/users', headers: staff, payload });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('ACCESS_ROLE_DENIED');

    const hub = await node.signIn(demoEmail('hub'));
    const duplicate = await node.app.inject({ method: 'POST', url: '/api/v1/users', headers: hub, payload: { ...payload, email: demoEmail('nfp.ug') } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('ACCOUNTS_EMAIL_TAKEN');

    const weak = await node.app.inject({ method: 'POST', url: '/api/v1/users', headers: hub, payload: { ...payload, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('ACCOUNTS_WEAK_PASSWORD');
  });
});

describe('API tokens', () => {
  it('authenticate machines until revoked, and the secret is never listed', async () => {
    const headers = await node.signIn(demoEmail('nfp.bi'));
    const created = await node.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'dhis2 bridge' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^cnc_/);

    const machine = { authorization: `Bearer ${token}` };
    const me = await node.app.inject({ url: '/api/v1/me', headers: machine });
    expect(me.json()).toMatchObject({ email: demoEmail('nfp.bi'), via: 'token' });

    const listed = (await node.app.inject({ url: '/api/v1/tokens', headers })).json().tokens;
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await node.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers })).statusCode).toBe(204);
    expect((await node.app.inject({ url: '/api/v1/me', headers: machine })).statusCode).toBe(401);
  });
});

describe('cookie sessions', () => {
  it('need the CSRF header for changes', async () => {
    const login = await signIn(demoEmail('nfp.rw'), 'concord-demo');
    const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
    const get = await node.app.inject({ url: '/api/v1/me', cookies });
    expect(get.statusCode).toBe(200);
    const post = await node.app.inject({ method: 'POST', url: '/api/v1/tokens', cookies, payload: { name: 'x' } });
    expect(post.statusCode).toBe(403);
    expect(post.json().code).toBe('AUTH_CSRF_MISMATCH');
    const withHeader = await node.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      cookies,
      headers: { 'x-csrf-token': login.json().csrfToken },
      payload: { name: 'x' },
    });
    expect(withHeader.statusCode).toBe(201);
  });
});
