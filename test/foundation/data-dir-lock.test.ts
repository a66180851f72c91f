import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_LOCK_GRACE_MS, lockDataDir } from '@concord/server/db/data-dir-lock';
import { startServerProcess } from '../support/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'concord-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded data directory', () => {
  it('refuses a second process with a clear error', async () => {
    const dataDir = join(dir, 'busy');
    const lock = lockDataDir(dataDir);
    try {
      const error = await startServerProcess({ CONCORD_DATA_DIR: dataDir }).then(
        () => {
          throw new Error('the second server started');
        },
        (failure: { exitCode?: number; output?: string }) => failure,
      );
      expect(error.exitCode).toBe(1);
      expect(error.output).toMatch(/DB_DATA_DIR_LOCKED/);
      expect(error.output).toContain(`pid ${process.pid}`);
    } finally {
      lock.release();
    }
  });

  it('takes over a lock whose process is gone, and refuses a live one', () => {
    const dataDir = join(dir, 'stale');
    const first = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrowError(expect.objectContaining({ code: 'DB_DATA_DIR_LOCKED' }));
    first.release();
    // A process id far above any pid_max: no such process runs.
    writeFileSync(join(dataDir, 'concord.lock'), JSON.stringify({ pid: 2 ** 30, host: hostname(), since: '2020-01-01T00:00:00Z' }));
    const taken = lockDataDir(dataDir);
    taken.release();
  });

  it("takes over a lock carrying this process's own pid that it did not take (a restarted container's pid 1)", () => {
    const dataDir = join(dir, 'own-pid');
    const first = lockDataDir(dataDir);
    first.release();
    writeFileSync(join(dataDir, 'concord.lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: '2020-01-01T00:00:00Z' }));
    const taken = lockDataDir(dataDir);
    const record = JSON.parse(readFileSync(join(dataDir, 'concord.lock'), 'utf8'));
    expect(record.since).not.toBe('2020-01-01T00:00:00Z');
    // Held by this very process now: a second open here is refused, not taken over.
    expect(() => lockDataDir(dataDir)).toThrowError(expect.objectContaining({ code: 'DB_DATA_DIR_LOCKED' }));
    taken.release();
  });

  it('counts an empty lock file as held while it is young, and stale once it is old', () => {
    const dataDir = join(dir, 'empty');
    lockDataDir(dataDir).release();
    const path = join(dataDir, 'concord.lock');
    writeFileSync(path, '');
    expect(() => lockDataDir(dataDir)).toThrowError(expect.objectContaining({ code: 'DB_DATA_DIR_LOCKED' }));
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('');
    const old = (Date.now() - EMPTY_LOCK_GRACE_MS - 60_000) / 1000;
    utimesSync(path, old, old);
    const taken = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    taken.release();
    expect(existsSync(path)).toBe(false);
  });

  it('lets exactly one of several processes starting at once take the lock, written whole, with no stray files', async () => {
    const dataDir = join(dir, 'race');
    const module = fileURLToPath(new URL('../../packages/server/src/db/data-dir-lock.ts', import.meta.url));
    const script = join(dir, 'race.ts');
    // Each process waits for the same instant, tries once, says what happened; the holder keeps the lock until killed.
    writeFileSync(
      script,
      `import { lockDataDir } from ${JSON.stringify(module)};
const start = Number(process.argv[2]);
while (Date.now() < start) {}
try { lockDataDir(${JSON.stringify(dataDir)}); console.log('held'); setInterval(() => {}, 1000); }
catch (error) { console.log(error.code ?? String(error)); }
`,
    );
    const start = Date.now() + 5_000;
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, ['--import', 'tsx', script, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] }));
    const answers = await Promise.all(
      children.map(
        (child) =>
          new Promise<string>((resolve) => {
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => {
              out += chunk.toString();
              if (out.includes('\n')) resolve(out.trim());
            });
            child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
            child.once('exit', () => resolve(out.trim()));
          }),
      ),
    );
    try {
      expect(answers.filter((a) => a === 'held')).toHaveLength(1);
      expect(answers.filter((a) => a === 'DB_DATA_DIR_LOCKED')).toHaveLength(3);
      const holder = children[answers.indexOf('held')]!;
      expect(readdirSync(dataDir)).toEqual(['concord.lock']);
      expect(JSON.parse(readFileSync(join(dataDir, 'concord.lock'), 'utf8'))).toMatchObject({ pid: holder.pid, host: hostname() });
    } finally {
      for (const child of children) child.kill('SIGKILL');
    }
  });
});
