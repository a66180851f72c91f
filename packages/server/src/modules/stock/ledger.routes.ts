import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import type { Ledger } from './ledger.service.ts';
import { HUB_WRITERS, PARTY_WRITERS, listStores, readableJurisdictions } from './stores.ts';
import type { Db } from '../../db/database.ts';

export const WRITERS = [...new Set([...PARTY_WRITERS, ...HUB_WRITERS])];
const tags = ['stock'];

/** GS1 AI encodable character set 82, which lot numbers use. */
export const lot = z.string().min(1).max(20).regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/, 'a lot uses GS1 character set 82');
export const product = z.string().min(1).max(64);
export const quantity = z.number().int().positive().max(1e12);
export const instant = z.iso.datetime({ offset: true });
export const storeParams = z.object({ store: z.string().min(1).max(64) });
const text = (max = 500) => z.string().trim().min(1).max(max);

const movement = z.object({ product, quantity, at: instant.optional(), reference: text(200).optional(), reason: text().optional() });
const lotMovement = movement.extend({ lot, reason: text() });

export const ledgerRoutes = (deps: { db: Db; ledger: Ledger }) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { ledger } = deps;

  app.get('/stock/stores', {
    schema: { tags, summary: 'Stores you reach: the hub stockpile, central medical stores, hospitals', querystring: z.object({ party: z.string().optional() }) },
    handler: async (request) => {
      const scope = readableJurisdictions(actorOf(request));
      const jurisdictions = request.query.party ? (scope && !scope.includes(request.query.party) ? [] : [request.query.party]) : scope;
      return { stores: await listStores(deps.db, { jurisdictions }) };
    },
  });

  app.post('/stock/stores/:store/receipts', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: 'Receive stock: a scanned GS1 element string (01 GTIN, 17 expiry, 10 lot, 21 serial) or product, lot and expiry',
      params: storeParams,
      body: z.object({
        gs1: z.string().min(1).max(200).optional(),
        product: product.optional(),
        lot: lot.optional(),
        expiry: z.iso.date().optional(),
        productionDate: z.iso.date().optional(),
        quantity,
        at: instant.optional(),
        reference: text(200).optional(),
      }),
    },
    handler: async (request, reply) => reply.status(201).send(await ledger.receive(actorOf(request), request.params.store, request.body)),
  });

  app.post('/stock/stores/:store/issues', {
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: 'Issue stock first-expiry-first-out (use-first lots before; quarantined and expired lots never)', params: storeParams, body: movement },
    handler: async (request, reply) => reply.status(201).send(await ledger.issue(actorOf(request), request.params.store, request.body)),
  });

  app.post('/stock/transfers', {
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: 'Transfer stock FEFO between two stores of one jurisdiction (across a border: a sharing request)', body: movement.extend({ from: z.string().min(1).max(64), to: z.string().min(1).max(64) }) },
    handler: async (request, reply) => reply.status(201).send(await ledger.transfer(actorOf(request), request.body)),
  });

  app.post('/stock/stores/:store/adjustments', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: 'Correct a lot after a physical count (signed quantity, never zero)',
      params: storeParams,
      body: lotMovement.extend({ quantity: z.number().int().min(-1e12).max(1e12).refine((q) => q !== 0, 'an adjustment changes the quantity') }),
    },
    handler: async (request, reply) => reply.status(201).send(await ledger.adjust(actorOf(request), request.params.store, request.body)),
  });

  app.post('/stock/stores/:store/losses', {
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: 'Write off stock of a lot (expired, damaged, stolen…) with the reason', params: storeParams, body: lotMovement },
    handler: async (request, reply) => reply.status(201).send(await ledger.loss(actorOf(request), request.params.store, request.body)),
  });

  app.get('/stock/stores/:store/lots', {
    schema: { tags, summary: 'Lots on hand at a store, with expiry, quarantine and use-first flags', params: storeParams, querystring: z.object({ product: product.optional() }) },
    handler: async (request) => ledger.lots(actorOf(request), request.params.store, request.query.product),
  });

  app.get('/stock/stores/:store/entries', {
    schema: {
      tags,
      summary: 'The ledger of a store, newest first (page with before=<seq>)',
      params: storeParams,
      querystring: z.object({ product: product.optional(), before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
    },
    handler: async (request) => ({
      entries: await ledger.entries(actorOf(request), request.params.store, { product: request.query.product, beforeSeq: request.query.before, limit: request.query.limit }),
    }),
  });

  app.get('/stock/ledger/verify', {
    config: { access: { roles: ['auditor', 'hub-coordinator'] } },
    schema: { tags, summary: 'Recompute every balance from the ledger (SQL sums and a replay through the core ledger rule)' },
    handler: async () => ledger.verify(),
  });
};
