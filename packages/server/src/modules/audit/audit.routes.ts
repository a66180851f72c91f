import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reaches } from '../../actor.ts';
import type { Db } from '../../db/database.ts';
import { actorOf } from '../../http/access.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import type { AuditLog } from './audit.service.ts';

const auditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  details: z.unknown(),
  hash: z.string(),
});

export const auditRoutes = (db: Db, audit: AuditLog) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/audit', {
    config: { access: { roles: ['auditor', 'hub-coordinator', 'national-focal-point'] } },
    schema: {
      tags: ['audit'],
      summary: 'Audit rows, newest first; party roles see their own jurisdiction only',
      querystring: z.object({
        jurisdiction: z.string().regex(/^[A-Z]{2,8}$/).optional(),
        entityType: z.string().max(64).optional(),
        entityId: z.string().max(200).optional(),
        action: z.string().max(100).optional(),
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ rows: z.array(auditRow) }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { jurisdiction, before, ...rest } = request.query;
      if (jurisdiction && !reaches(actor, jurisdiction)) throw outOfScope(jurisdiction);
      const jurisdictions = jurisdiction ? [jurisdiction] : actor.regionWide ? undefined : [actor.jurisdiction];
      return { rows: await audit.search(db, { ...rest, jurisdictions, beforeSeq: before }) };
    },
  });

  app.get('/audit/verify', {
    config: { access: { roles: ['auditor', 'hub-coordinator'] } },
    schema: {
      tags: ['audit'],
      summary: 'Recompute the hash chain and report the first broken link',
      response: {
        200: z.object({
          ok: z.boolean(),
          checked: z.number(),
          firstBroken: z.object({ seq: z.number(), reason: z.string() }).nullable(),
        }),
      },
    },
    handler: async () => audit.verify(db),
  });
};
