import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '@concord/server/db/data-dir-lock';
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
});
