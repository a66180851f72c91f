import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import type { Allocation } from './allocation.service.ts';
import { instant, product, quantity, WRITERS } from './ledger.routes.ts';
import type { Sharing } from './sharing.service.ts';

const tags = ['stock sharing'];
const party = z.string().regex(/^[A-Z]{2,8}$/);
const text = (max = 1000) => z.string().trim().min(1).max(max);
const id = z.object({ id: z.uuid() });
const store = z.string().min(1).max(64);
const STATUSES = ['pending', 'approved', 'partially-approved', 'refused', 'shipped', 'received', 'repaid'] as const;
const REQUESTERS = ['national-focal-point', 'hub-coordinator'] as const;

export const sharingRoutes = (deps: { sharing: Sharing; allocation: Allocation }) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { sharing, allocation } = deps;

  app.post('/stock/requests', {
    config: { access: { roles: REQUESTERS } },
    schema: {
      tags,
      summary: "Ask a party (or the hub) to release reserve stock under the pact's stockpile-sharing clause",
      description: 'Refused with 403 STOCK_REQUEST_NOT_PERMITTED (the pact decision id and reasons in params) when no clause in force admits it.',
      body: z.object({ product, quantity, from: party, to: party.optional(), reason: text() }),
    },
    handler: async (request, reply) => reply.status(201).send(await sharing.request(actorOf(request), request.body)),
  });

  app.get('/stock/requests', {
    schema: {
      tags,
      summary: 'Sharing requests you are party to (the hub: all), with their decision and repayment clocks',
      querystring: z.object({
        party: party.optional(),
        status: z.string().optional().transform((v, ctx) => {
          if (v === undefined) return undefined;
          const list = v.split(',');
          const bad = list.filter((s) => !(STATUSES as readonly string[]).includes(s));
          if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `unknown status ${bad.join(', ')}; one of ${STATUSES.join(', ')}` });
          return list as (typeof STATUSES)[number][];
        }),
        product: product.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    handler: async (request) => ({ requests: await sharing.list(actorOf(request), request.query) }),
  });

  app.get('/stock/requests/:id', {
    schema: { tags, summary: 'One sharing request, its clocks, shipment and repayments', params: id },
    handler: async (request) => sharing.get(actorOf(request), request.params.id),
  });

  app.post('/stock/requests/:id/decision', {
    config: { access: { roles: REQUESTERS } },
    schema: {
      tags,
      summary: 'Approve, approve in part (with the quantity) or refuse, with the reasons; only the decider the clause names',
      params: id,
      body: z.object({ outcome: z.enum(['approve', 'part', 'refuse']), quantity: quantity.optional(), reason: text() }),
    },
    handler: async (request) => sharing.decide(actorOf(request), request.params.id, request.body),
  });

  app.post('/stock/requests/:id/shipment', {
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: "Ship the approved quantity FEFO from the lender's store (its national store by default)", params: id, body: z.object({ store: store.optional(), at: instant.optional() }) },
    handler: async (request) => sharing.ship(actorOf(request), request.params.id, request.body),
  });

  app.post('/stock/requests/:id/receipt', {
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: "Receive the shipped lots into the borrower's store", params: id, body: z.object({ store: store.optional(), at: instant.optional() }) },
    handler: async (request) => sharing.receive(actorOf(request), request.params.id, request.body),
  });

  app.post('/stock/requests/:id/repayments', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: "Repay in kind: FEFO from the borrower's store into the lender's",
      params: id,
      body: z.object({ quantity, fromStore: store.optional(), toStore: store.optional(), at: instant.optional() }),
    },
    handler: async (request, reply) => reply.status(201).send(await sharing.repay(actorOf(request), request.params.id, request.body)),
  });

  app.post('/stock/allocations', {
    config: { access: { roles: ['hub-coordinator'] } },
    schema: {
      tags,
      summary: 'Divide scarce stock among parties with the HiGHS LP: live stock of hub and national stores against needs and weights',
      description: 'Needs default to open requests; weights to population. createRequests turns the plan into sharing requests, each decided by the pact.',
      body: z.object({
        products: z.array(product).min(1).max(50),
        needs: z.record(party, z.record(product, z.number().nonnegative())).optional(),
        weights: z.record(party, z.number().nonnegative()).optional(),
        floor: z.number().min(0).max(1).optional(),
        costPer1000Km: z.number().min(0).max(1e6).optional(),
        createRequests: z.boolean().optional(),
        reason: text().optional(),
      }),
    },
    handler: async (request) => allocation.plan(actorOf(request), request.body),
  });
};
