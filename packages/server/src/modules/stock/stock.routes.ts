import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PRODUCTS } from '@concord/core';
import { actorOf } from '../../http/access.ts';
import { product } from './ledger.routes.ts';
import type { Levels } from './levels.service.ts';
import type { PublicLevels } from './public-levels.ts';

const tags = ['stock'];
const party = z.string().regex(/^[A-Z]{2,8}$/);

/** The dashboard's read APIs and the public stock levels. */
export const stockRoutes = (deps: { levels: Levels; publicLevels: PublicLevels }) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { levels, publicLevels } = deps;

  app.get('/stock/products', {
    // The shared catalogue is reference data, not anyone's stock: the public page names products with it too.
    config: { access: 'public' },
    schema: { tags, summary: 'The product catalogue: id, names in English and French, GTIN, ATC code, unit, storage range, cold chain, VVM type' },
    handler: async () => ({
      products: PRODUCTS.map((p) => ({ id: p.id, name: p.name, category: p.category, gtin: p.gtin, atc: p.atc, unit: p.unit, storage: p.storage, coldChain: p.coldChain, vvm: p.vvm })),
    }),
  });

  app.get('/stock/levels', {
    schema: {
      tags,
      summary: 'Stock by party and product (or by store): on hand, usable, quarantined, expired, months of stock',
      querystring: z.object({ party: party.optional(), product: product.optional(), by: z.enum(['party', 'store']).default('party') }),
    },
    handler: async (request) => levels.levels(actorOf(request), { party: request.query.party, product: request.query.product, byStore: request.query.by === 'store' }),
  });

  app.get('/stock/expiring', {
    schema: {
      tags,
      summary: 'Lots expiring within N days (default 90), earliest first',
      querystring: z.object({
        party: party.optional(),
        product: product.optional(),
        days: z.coerce.number().int().min(0).max(3650).default(90),
        limit: z.coerce.number().int().min(1).max(2000).default(500),
      }),
    },
    handler: async (request) => levels.expiring(actorOf(request), request.query),
  });

  app.get('/stock/reserves', {
    schema: { tags, summary: 'Reserves owed under each stockpile-sharing clause in force, and compliance per party and product', querystring: z.object({ party: party.optional() }) },
    handler: async (request) => levels.reserves(actorOf(request), request.query),
  });

  app.get('/public/stock-levels', {
    config: { access: 'public' },
    schema: {
      tags: ['public'],
      summary: 'Stock levels by party and product for anyone, only as far as the pact lets each party publish (country × month)',
      querystring: z.object({ month: z.string().max(7).optional() }),
    },
    handler: async (request) => publicLevels.levels(request.query),
  });
};
