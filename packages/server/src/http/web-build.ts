import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the dashboard (packages/web) lives and how it is built. The root
 * `postinstall` builds it with `npm run build -w @concord/web`; a node that
 * starts without a build makes one itself, so a fresh clone shows the
 * dashboard on its first `npm start`.
 */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));
export const WEB_DIST = join(WEB_ROOT, 'dist');

export const dashboardBuilt = (dist: string = WEB_DIST) => existsSync(join(dist, 'index.html'));

/**
 * Builds with Vite's JavaScript API and the web package's own config. The
 * output goes to a private directory first and is renamed into place in
 * one step, so a second process starting at the same moment (a test run
 * starts several) never serves or deletes a half-written build.
 */
export const buildDashboard = async (options: { root?: string; dist?: string; replace?: boolean } = {}) => {
  const root = options.root ?? WEB_ROOT;
  const dist = options.dist ?? join(root, 'dist');
  const cache = join(root, 'node_modules', '.cache');
  const scratch = join(cache, `concord-dist-${process.pid}-${Date.now()}`);
  await mkdir(cache, { recursive: true });
  // Vite is a development dependency of the web package, loaded only when a build is needed.
  const { build } = await import('vite');
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: scratch, emptyOutDir: true } });
    await rename(scratch, dist).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      // A build is already in place: another process made it, or it is stale and we were asked to replace it.
      if (!options.replace) return;
      await rm(dist, { recursive: true, force: true });
      await rename(scratch, dist);
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};
