import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDashboard, WEB_DIST, WEB_ROOT } from '../../packages/server/src/http/web-build.ts';
import { startServerProcess } from '../support/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory and key directory seeded once with the demo region; each e2e file starts its server on a copy. */
    e2eSeededNode: string;
  }
}

/**
 * The browser tests run against the built dashboard, so build it once per
 * run when there is no build or a source file changed since the last one.
 * Then seed the demo region once, with a real `concord serve` stopped
 * cleanly, so that each e2e file starts its own server on a copy of that
 * directory instead of seeding years of history again.
 */
const newest = (path: string): number => {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

const buildIfStale = async () => {
  const built = statSync(join(WEB_DIST, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.ts'].map((name) => newest(join(WEB_ROOT, name))));
  if (built >= sources) return;
  console.log('[e2e] building the dashboard…');
  await buildDashboard({ replace: true });
};

export default async function setup(project: TestProject) {
  await buildIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'concord-e2e-seeded-'));
  const server = await startServerProcess({ CONCORD_DATA_DIR: join(dir, 'data'), CONCORD_KEY_DIR: join(dir, 'keys') }, 300_000);
  await server.stop();
  project.provide('e2eSeededNode', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
