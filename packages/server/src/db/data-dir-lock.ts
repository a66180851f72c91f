import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '@concord/core';

/**
 * PGlite has no lock of its own: two processes on one data directory each
 * believe they own it, and committed rows are silently lost. So the node
 * takes `concord.lock` in the data directory before opening it.
 *
 * - The lock appears whole: its content is written to a temporary file,
 *   which is then hard-linked to `concord.lock`; link fails if the name
 *   exists (the O_EXCL guarantee), so no one ever reads a half-written lock.
 * - A lock left by a process that no longer runs (killed, crashed) is taken
 *   over at once, which is why this checks the recorded pid rather than the
 *   file's age. A lock carrying this process's own pid that this process
 *   did not take is a previous life of it (a container restarted, the
 *   process is pid 1 again): stale as well.
 * - A lock file that is empty or unreadable may be one being written by
 *   another implementation: held while younger than EMPTY_LOCK_GRACE_MS,
 *   stale after.
 */
export interface DataDirLock {
  release(): void;
}

interface LockRecord {
  pid: number;
  host: string;
  since: string;
}

/** How long an empty or unreadable lock file counts as being written by someone. */
export const EMPTY_LOCK_GRACE_MS = 10_000;

/** Data directories this process holds, so a second open in the same process is refused, not taken over. */
const heldHere = new Set<string>();

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

const parse = (text: string): LockRecord | undefined => {
  try {
    const record = JSON.parse(text) as Partial<LockRecord>;
    return typeof record.pid === 'number' && typeof record.host === 'string' ? (record as LockRecord) : undefined;
  } catch {
    return undefined;
  }
};

const ageMs = (path: string): number => {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
};

const locked = (dataDir: string, holder: LockRecord | undefined) =>
  holder
    ? new AppError(
        'DB_DATA_DIR_LOCKED',
        `Another Concord process (pid ${holder.pid} on ${holder.host}, since ${holder.since}) is using the data directory ${dataDir}. ` +
          'Stop it first, or point CONCORD_DATA_DIR at another directory. Two processes on one embedded database lose data.',
        { status: 409, params: { dataDir, pid: holder.pid, host: holder.host } },
      )
    : new AppError(
        'DB_DATA_DIR_LOCKED',
        `Another Concord process is taking the lock on the data directory ${dataDir} right now. ` +
          'Wait for it, or point CONCORD_DATA_DIR at another directory.',
        { status: 409, params: { dataDir } },
      );

/** Whether the lock whose text is `text` may be taken over; throws DB_DATA_DIR_LOCKED when it is held. */
const checkStale = (dataDir: string, path: string, text: string): void => {
  const holder = parse(text);
  if (!holder) {
    if (ageMs(path) < EMPTY_LOCK_GRACE_MS) throw locked(dataDir, undefined);
    return;
  }
  if (holder.host !== hostname()) throw locked(dataDir, holder);
  if (holder.pid === process.pid) {
    if (heldHere.has(dataDir)) throw locked(dataDir, holder);
    return;
  }
  if (isRunning(holder.pid)) throw locked(dataDir, holder);
};

/**
 * Removes a stale lock, but only the one judged stale: it is first renamed
 * aside (atomic), then compared; a lock another starter put there in the
 * meantime is linked back instead of deleted.
 */
const removeStale = (path: string, judged: string): void => {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readText(aside) !== judged) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone took the free name in between; their lock stands, ours is gone.
    }
  }
  rmSync(aside, { force: true });
};

/** File systems without hard links (some network and FAT volumes) refuse link(2) with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Creates `path` holding `content` only if it does not exist. With hard links
 * the file appears whole; without, it is created exclusively and written at
 * once, and the grace for empty locks covers the moment in between.
 */
const createExclusive = (draft: string, path: string, content: string): void => {
  try {
    linkSync(draft, path);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
  }
};

export const lockDataDir = (directory: string): DataDirLock => {
  const dataDir = resolve(directory);
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'concord.lock');
  const record: LockRecord = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const content = JSON.stringify(record);
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        createExclusive(draft, path, content);
        heldHere.add(dataDir);
        return {
          release: () => {
            heldHere.delete(dataDir);
            if (readText(path) === content) rmSync(path, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const text = readText(path);
      if (text === undefined) continue; // released between our link and our read
      checkStale(dataDir, path, text);
      removeStale(path, text);
    }
    throw locked(dataDir, undefined);
  } finally {
    rmSync(draft, { force: true });
  }
};
