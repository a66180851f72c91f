import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@concord/core';

/**
 * PGlite has no lock of its own: two processes on one data directory each
 * believe they own it, and committed rows are silently lost. So the node
 * takes `concord.lock` in the data directory before opening it. A lock left
 * by a process that no longer runs (killed, crashed) is taken over at once,
 * which is why this checks the recorded pid rather than the file's age.
 */
export interface DataDirLock {
  release(): void;
}

interface LockRecord {
  pid: number;
  host: string;
  since: string;
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readLock = (path: string): LockRecord | undefined => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockRecord;
  } catch {
    return undefined;
  }
};

export const lockDataDir = (dataDir: string): DataDirLock => {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'concord.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      const record: LockRecord = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(record));
      closeSync(fd);
      return {
        release: () => {
          if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(path);
      const stale = !holder || (holder.host === hostname() && !isRunning(holder.pid));
      if (!stale) {
        throw new AppError(
          'DB_DATA_DIR_LOCKED',
          `Another Concord process (pid ${holder.pid} on ${holder.host}, since ${holder.since}) is using the data directory ${dataDir}. ` +
            'Stop it first, or point CONCORD_DATA_DIR at another directory. Two processes on one embedded database lose data.',
          { status: 409, params: { dataDir, pid: holder.pid, host: holder.host } },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new AppError('DB_DATA_DIR_LOCKED', `Could not take the lock on ${dataDir}`, { status: 409, params: { dataDir } });
};
