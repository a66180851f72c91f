import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '@concord/core';
import { buildDashboard, dashboardBuilt, WEB_DIST } from './web-build.ts';

/**
 * Serves the dashboard (packages/web/dist) at `/`. It is a single-page app:
 * any GET that is not a file and not one of the node's own paths gets
 * index.html, and the browser-side router shows the page. The node's own
 * paths (/api/*, /docs*, /openapi.json, /healthz, /readyz) keep their JSON
 * 404. Built files under assets/ carry a content hash in their name, so they
 * are cached for a year; index.html is revalidated on every visit so a new
 * build is picked up at once.
 */
const NODE_PATHS = /^\/(?:api|docs|openapi\.json|healthz|readyz)(?:\/|$)/;
const YEAR = '365d';

export const webRoutes =
  (options: { dist?: string; build?: () => Promise<void> } = {}) =>
  async (app: FastifyInstance) => {
    const dist = options.dist ?? WEB_DIST;
    if (!dashboardBuilt(dist)) {
      app.log.info('building the dashboard…');
      try {
        await (options.build ?? (() => buildDashboard({ dist })))();
      } catch (error) {
        // The API serves on without its dashboard: a node is still useful
        // to machines, and the error says what to run.
        app.log.error({ err: error }, 'the dashboard could not be built; run `npm run build -w @concord/web`');
      }
    }
    await app.register(fastifyStatic, { root: dist, serve: false });

    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const path = `/${(request.params as { '*'?: string })['*'] ?? ''}`;
      if (NODE_PATHS.test(path)) return reply.callNotFound();
      const file = await existingFile(dist, path);
      if (file) return sendBuilt(reply, file);
      // A missing script or image must stay a 404: index.html in its place breaks the page quietly.
      if (path.startsWith('/assets/') || extname(path) !== '') return reply.callNotFound();
      if (!dashboardBuilt(dist)) throw notBuilt();
      return sendBuilt(reply, 'index.html');
    });
  };

const existingFile = async (dist: string, path: string): Promise<string | null> => {
  const relative = normalize(path).replace(/^[/\\]+/, '');
  if (relative === '' || relative.startsWith('..') || relative.split(sep).includes('..')) return null;
  const found = await stat(join(dist, relative)).catch(() => null);
  return found?.isFile() ? relative : null;
};

const sendBuilt = (reply: FastifyReply, file: string) => {
  if (file.startsWith(`assets${sep}`) || file.startsWith('assets/')) return reply.sendFile(file, { maxAge: YEAR, immutable: true });
  return reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
};

const notBuilt = () =>
  new AppError('WEB_NOT_BUILT', 'The dashboard is not built on this node; run `npm run build -w @concord/web`.', { status: 503 });
