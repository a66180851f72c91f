import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_SEED_STEPS, fixedClock, migrate, runSeed } from '@concord/server';
import { openPglite } from '@concord/server/db/pglite';
import { openKeyStore } from '@concord/server/keys/key-store';
import { createAuditLog } from '@concord/server/modules/audit/audit.service';
import { runConcord } from '../support/cli.ts';
import { createDatabaseFromTemplate, dropDatabase, testDbKind } from '../support/database.ts';
import { postJson, startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { databaseUrl, TEMPLATE_TIME, TEST_PASSWORD } from '../support/template.ts';

/**
 * `concord import cases` against a real `concord serve` process: the file is
 * streamed over HTTP with an API token, a clean file is stored, and a file
 * with bad lines is refused with every bad line printed and exit 1.
 */
let server: ServerProcess;
let dir: string;
let cleanup: () => Promise<void> = async () => undefined;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-import-'));
  const keyDir = join(dir, 'keys');
  let serverEnv: Record<string, string>;
  if (testDbKind() === 'postgres') {
    const base = process.env.CONCORD_TEST_DATABASE_URL!;
    const name = await createDatabaseFromTemplate(base);
    serverEnv = { DATABASE_URL: databaseUrl(base, name), CONCORD_DEMO: 'false', CONCORD_KEY_DIR: keyDir };
    cleanup = () => dropDatabase(base, name);
  } else {
    // The base region only (parties, areas, accounts, pact), without the demo's years of history.
    const dataDir = join(dir, 'data');
    const db = await openPglite(dataDir);
    const clock = fixedClock(TEMPLATE_TIME);
    await migrate(db);
    await runSeed(db, createAuditLog(clock), BASE_SEED_STEPS, { clock, log: pino({ level: 'silent' }), demoPassword: TEST_PASSWORD, keys: openKeyStore({ keyDir }) });
    await db.close();
    serverEnv = { CONCORD_DATA_DIR: dataDir, CONCORD_DEMO: 'false', CONCORD_KEY_DIR: keyDir };
  }
  server = await startServerProcess(serverEnv);
  const signIn = await postJson(`${server.url}/api/v1/auth/sign-in`, { email: 'facility.rw@demo.concord.example', password: TEST_PASSWORD });
  const token = await postJson(`${server.url}/api/v1/tokens`, { name: 'import test' }, { authorization: `Bearer ${signIn.body!.token}` });
  expect(token.status).toBe(201);
  env = { CONCORD_URL: server.url, CONCORD_TOKEN: String(token.body!.token) };
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const today = new Date().toISOString().slice(0, 10);
const HEADER = 'clientId,party,area,disease,reportDate,age,sex,classification,patientName';
const write = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

describe('concord import cases', () => {
  it('streams a clean CSV to the node and prints what it stored', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `rw-${i},RW,RW-01,measles,${today},${i % 60},${i % 2 ? 'male' : 'female'},suspected,Synthetic ${i}`);
    const file = write('clean.csv', [HEADER, ...rows]);
    const result = await runConcord(['import', 'cases', file], { env });
    expect(result.stderr).toMatch(/uploading clean\.csv/);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('imported clean.csv: 250 received, 250 created, 0 updated, 0 unchanged; 0 signal(s) raised\n');
    const again = await runConcord(['import', 'cases', file, '--url', server.url, '--token', env.CONCORD_TOKEN!]);
    expect(again.stdout).toMatch(/250 unchanged/);
  });

  it('prints every bad line of a rejected file and exits 1, storing nothing', async () => {
    const file = write('broken.csv', [
      HEADER,
      `rw-900,RW,RW-01,measles,${today},30,female,suspected,A`,
      `rw-901,RW,RW-01,measles,${today},thirty,female,suspected,B`,
      `rw-902,UG,UG-C,measles,${today},30,female,suspected,C`,
      `rw-903,RW,RW-01,measles,${today},30,female,suspected,D`,
    ]);
    const result = await runConcord(['import', 'cases', file], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('broken.csv:3: age: SURV_AGE_INVALID');
    expect(result.stderr).toContain('broken.csv:4: party: ACCESS_OUT_OF_SCOPE');
    expect(result.stderr).toMatch(/rejected broken\.csv: 2 problem\(s\); nothing was stored/);

    const check = write('check.json', JSON.stringify([{ clientId: 'rw-900', party: 'RW', area: 'RW-01', disease: 'measles', reportDate: today, sex: 'female', classification: 'suspected', patientName: 'A' }]).split('\n'));
    const after = await runConcord(['import', 'cases', check], { env });
    expect(after.stdout).toMatch(/1 created/);
  });

  it('says what is missing when it does not know the node, and when the token is wrong', async () => {
    const file = write('one.csv', [HEADER]);
    const unknown = await runConcord(['import', 'cases', file]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/CLI_NODE_UNKNOWN.*--url.*--token/);
    const wrong = await runConcord(['import', 'cases', file, '--url', server.url, '--token', 'cnc_not-a-token']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/error AUTH_INVALID_TOKEN/);
  });
});
