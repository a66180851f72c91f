import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../support/database.ts';
import { freshServerDatabase, postJson, startServerProcess } from '../support/server-process.ts';

/**
 * No acknowledged write is lost: the server is killed with SIGKILL right
 * after it answered 201, restarted on the same database, and the row is
 * there — on the embedded database and on a PostgreSQL server.
 */
let env: Record<string, string>;
let cleanUp: () => Promise<void>;

beforeAll(async () => {
  ({ env, cleanUp } = await freshServerDatabase('durability'));
});
afterAll(() => cleanUp());

describe(`a SIGKILL right after an acknowledged write (${testDbKind()})`, () => {
  it('loses nothing', { timeout: 300_000 }, async () => {
    const first = await startServerProcess(env);
    let created: Record<string, unknown>;
    try {
      const signIn = await postJson(`${first.url}/api/v1/auth/sign-in`, { email: 'hub@demo.concord.example', password: 'concord-demo' });
      expect(signIn.status).toBe(200);
      const auth = { authorization: `Bearer ${signIn.body!.token}` };
      const response = await postJson(
        `${first.url}/api/v1/users`,
        { email: 'survivor@example.org', displayName: 'Survivor', jurisdiction: 'KE', roles: ['lab-staff'], password: 'a-long-enough-password' },
        auth,
      );
      expect(response.status).toBe(201);
      created = response.body!;
    } finally {
      await first.kill();
    }
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startServerProcess(env);
    try {
      const signIn = await postJson(`${second.url}/api/v1/auth/sign-in`, { email: 'survivor@example.org', password: 'a-long-enough-password' });
      expect(signIn.status).toBe(200);
      expect((signIn.body!.user as { id: string }).id).toBe(created.id);
      const hub = await postJson(`${second.url}/api/v1/auth/sign-in`, { email: 'hub@demo.concord.example', password: 'concord-demo' });
      const verify = await fetch(`${second.url}/api/v1/audit/verify`, { headers: { authorization: `Bearer ${hub.body!.token}` } });
      expect(await verify.json()).toMatchObject({ ok: true });
    } finally {
      await second.stop();
    }
  });
});
