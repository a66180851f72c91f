import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { Readiness } from '../readiness.ts';

/**
 * /healthz: the process answers (for a supervisor deciding to restart it).
 * /readyz: the database answers, every migration is applied and the first
 * start's seed is done (for a load balancer deciding to send traffic).
 */
export const healthRoutes = (db: Db, node: string, readiness: Readiness) => async (app: FastifyInstance) => {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok', node }));

  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const state = readiness.state();
    if (state !== 'ready') return reply.status(503).send({ status: state, detail: readiness.detail() });
    try {
      await db.query('SELECT 1');
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        return reply.status(503).send({ status: 'migrating', pending: pending.map((m) => m.version) });
      }
      return { status: 'ready', node, database: db.kind };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
};
