import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseFromTemplate, dropDatabase, testDbKind } from '../support/database.ts';
import { CONCORD_BIN } from '../support/server-process.ts';
import { databaseUrl } from '../support/template.ts';

/**
 * `concord serve` (what `npm start` runs) on a fresh database: it listens
 * and answers /healthz before the first-start seed is done, and /readyz
 * turns ready once it is. On PGlite the data directory is new and empty, and
 * the whole demo region is seeded.
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
    const dir = mkdtempSync(join(tmpdir(), 'concord-startup-'));
    env = { CONCORD_DATA_DIR: join(dir, 'data'), CONCORD_KEY_DIR: join(dir, 'keys') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
});
afterAll(() => cleanup());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const probe = async (url: string) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } catch {
    return { status: 0, body: {} };
  }
};

describe(`a node starting on a fresh database (${testDbKind()})`, () => {
  it('answers /healthz once it listens, and /readyz once seeded', { timeout: 600_000 }, async () => {
    const child = spawn(process.execPath, [CONCORD_BIN, 'serve'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      let url: string | undefined;
      while (!url && child.exitCode === null) {
        url = /is running at (http:\/\/\S+)/.exec(output)?.[1]?.replace('localhost', '127.0.0.1');
        if (!url) await sleep(200);
      }
      expect(url, output).toBeDefined();

      let health = await probe(`${url}/healthz`);
      while (health.status !== 200 && child.exitCode === null) health = await probe(`${url}/healthz`);
      expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
      // Right after it listens the node is seeding (503 with its state) or already ready.
      const first = await probe(`${url}/readyz`);
      expect([503, 200]).toContain(first.status);
      if (first.status === 503) expect(first.body.status).toBe('seeding');

      let ready = first;
      while (ready.status !== 200 && child.exitCode === null) {
        await sleep(500);
        ready = await probe(`${url}/readyz`);
      }
      expect(ready, output).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready' }) });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
