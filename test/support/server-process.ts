import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabaseFromTemplate, dropDatabase, testDbKind } from './database.ts';
import { databaseUrl } from './template.ts';

export const CONCORD_BIN = fileURLToPath(new URL('../../packages/cli/bin/concord.js', import.meta.url));

/**
 * A real `concord serve` process, for the tests that must crash, restart or
 * race a server. Resolves once the server says it is ready (migrated and
 * seeded), which is also when /readyz answers 200.
 */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hooks, no flushing — what a power cut looks like to the process. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export const startServerProcess = (env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CONCORD_BIN, 'serve'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Ready: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({
          url: match[1]!.replace('localhost', '127.0.0.1'),
          child,
          output: () => output,
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${output}`), { exitCode: code, output }));
    });
  });

export const postJson = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
};

/**
 * A database of its own for a server process: on PostgreSQL a database
 * cloned from the migrated template (no demo seed), on PGlite a new, empty
 * data directory and key directory. `env` is what the process needs;
 * `cleanUp` drops or removes it.
 */
export const freshServerDatabase = async (prefix: string): Promise<{ env: Record<string, string>; cleanUp: () => Promise<void> }> => {
  if (testDbKind() === 'postgres') {
    const base = process.env.CONCORD_TEST_DATABASE_URL!;
    const name = await createDatabaseFromTemplate(base);
    return { env: { DATABASE_URL: databaseUrl(base, name), CONCORD_DEMO: 'false' }, cleanUp: () => dropDatabase(base, name) };
  }
  const dir = mkdtempSync(join(tmpdir(), `concord-${prefix}-`));
  return {
    env: { CONCORD_DATA_DIR: join(dir, 'data'), CONCORD_KEY_DIR: join(dir, 'keys') },
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
};
