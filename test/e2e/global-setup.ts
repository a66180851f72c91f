import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDashboard, WEB_DIST, WEB_ROOT } from '../../packages/server/src/http/web-build.ts';

/**
 * The browser tests run against the built dashboard, so build it once per
 * run when there is no build or a source file changed since the last one.
 * (The database template of the other tiers is not needed: each e2e file
 * starts a real server on its own fresh data directory.)
 */
const newest = (path: string): number => {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

export default async function setup() {
  const built = statSync(join(WEB_DIST, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.ts'].map((name) => newest(join(WEB_ROOT, name))));
  if (built >= sources) return;
  console.log('[e2e] building the dashboard…');
  await buildDashboard({ replace: true });
}
