import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../support/database.ts';
import { CONCORD_BIN, freshServerDatabase } from '../support/server-process.ts';

/**
 * `concord serve` (what `npm start` runs) on a fresh database: it listens
 * and answers /healthz before the first-start seed is done, and /readyz
 * turns ready once it is. On PGlite the data directory is new and empty, and
 * the whole demo region is seeded.
 */
let env: Record<string, string>;
let cleanUp: () => Promise<void>;

beforeAll(async () => {
  ({ env, cleanUp } = await freshServerDatabase('startup'));
});
afterAll(() => cleanUp());

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
