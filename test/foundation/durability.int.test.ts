import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseFromTemplate, dropDatabase, testDbKind } from '../support/database.ts';
import { databaseUrl } from '../support/template.ts';
import { postJson, startServerProcess } from '../support/server-process.ts';

/**
 * No acknowledged write is lost: the server is killed with SIGKILL right
 * after it answered 201, restarted on the same database, and the row is
 * there — on the embedded database and on a PostgreSQL server.
 */
let env: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (testDbKind() === 'postgres') {
    const base = process.env.CONCORD_TEST_DATABASE_URL!;
    const name = await createDatabaseFromTemplate(base);
    env = { DATABASE_URL: databaseUrl(base, name), CONCORD_DEMO: 'false' };
    cleanup = () => dropDatabase(base, name);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'concord-durability-'));
    env = { CONCORD_DATA_DIR: join(dir, 'data'), CONCORD_KEY_DIR: join(dir, 'keys') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
});
afterAll(() => cleanup());

describe(`a SIGKILL right after an acknowledged write (${testDbKind()})`, () => {
  it('loses nothing', async () => {
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
