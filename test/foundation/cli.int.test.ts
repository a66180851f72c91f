import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, loadConfig } from '@concord/server';
import { runConcord } from '../support/cli.ts';
import { createDatabaseFromTemplate, dropDatabase, testDbKind } from '../support/database.ts';
import { databaseUrl } from '../support/template.ts';

let env: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (testDbKind() === 'postgres') {
    const base = process.env.CONCORD_TEST_DATABASE_URL!;
    const name = await createDatabaseFromTemplate(base);
    const keys = mkdtempSync(join(tmpdir(), 'concord-cli-keys-'));
    env = { DATABASE_URL: databaseUrl(base, name), CONCORD_KEY_DIR: keys };
    cleanup = async () => {
      await dropDatabase(base, name);
      rmSync(keys, { recursive: true, force: true });
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'concord-cli-'));
    env = { CONCORD_DATA_DIR: join(dir, 'data'), CONCORD_KEY_DIR: join(dir, 'keys') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
});
afterAll(() => cleanup());

describe(`the concord CLI on a node database (${testDbKind()})`, () => {
  it('migrates, seeds once, creates users and verifies the audit log', async () => {
    const migrate = await runConcord(['db', 'migrate'], { env });
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/applied|already applied/);

    const seed = await runConcord(['seed'], { env });
    expect(seed.code).toBe(0);
    const again = await runConcord(['seed'], { env });
    expect(again.stdout).toMatch(/already seeded: region, users, pact/);

    const create = await runConcord(
      ['users', 'create', '--email', 'cli.user@example.org', '--name', 'CLI User', '--jurisdiction', 'TZ', '--role', 'lab-staff', 'facility-staff', '--password-stdin'],
      { env, stdin: 'a-long-enough-password\n' },
    );
    expect(create.stderr).toBe('');
    expect(create.code).toBe(0);
    expect(create.stdout).toMatch(/created cli\.user@example\.org \(lab-staff, facility-staff\) in TZ/);

    const duplicate = await runConcord(
      ['users', 'create', '--email', 'cli.user@example.org', '--name', 'Again', '--jurisdiction', 'TZ', '--role', 'lab-staff'],
      { env: { ...env, CONCORD_USER_PASSWORD: 'a-long-enough-password' } },
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/ACCOUNTS_EMAIL_TAKEN/);

    const badRole = await runConcord(['users', 'create', '--email', 'x@example.org', '--name', 'X', '--jurisdiction', 'TZ', '--role', 'king'], { env });
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/unknown role/);

    const verify = await runConcord(['audit', 'verify'], { env });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit log intact: \d+ rows/);

    // Someone with database access edits history; the CLI notices.
    const db = await openDatabase(loadConfig(env).database);
    try {
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await db.query("UPDATE audit_log SET details = '{}'::jsonb WHERE action = 'user.created'");
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    } finally {
      await db.close();
    }
    const broken = await runConcord(['audit', 'verify'], { env });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/audit log BROKEN at seq \d+: hash-mismatch/);
  });

  it('prints help and refuses unknown commands', async () => {
    const help = await runConcord(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'db', 'seed', 'users', 'audit']) expect(help.stdout).toContain(command);
    const unknown = await runConcord(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  });
});

describe(`concord keys rotate (${testDbKind()})`, () => {
  it('activates a new key and reports what it re-encrypted', async () => {
    const rotated = await runConcord(['keys', 'rotate'], { env });
    expect(rotated.stderr).not.toMatch(/error/);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/new field key k\d{8}[0-9a-f]{6} active; \d+ values re-encrypted/);
    const again = await runConcord(['keys', 'rotate'], { env });
    const first = /key (\S+) active/.exec(rotated.stdout)![1];
    const second = /key (\S+) active/.exec(again.stdout)![1];
    expect(second).not.toBe(first);
    const remote = await runConcord(['keys', 'rotate', '--url', 'http://127.0.0.1:1'], { env });
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/--token/);
  });
});
