import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@concord/core';
import type { Db } from '../../db/database.ts';
import { regionGeoCache } from './region.geo.ts';
import * as repo from './region.repo.ts';

const code = z.string().regex(/^[A-Z]{2,8}$/);

export const regionRoutes = (db: Db) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const regionGeo = regionGeoCache();

  app.get('/region', {
    config: { access: 'public' },
    schema: { tags: ['region'], summary: 'The hub and the parties, with population and its source' },
    handler: async () => {
      const jurisdictions = await repo.listJurisdictions(db);
      return { hub: jurisdictions.find((j) => j.kind === 'hub') ?? null, parties: jurisdictions.filter((j) => j.kind === 'party') };
    },
  });

  app.get('/region/jurisdictions/:code', {
    config: { access: 'public' },
    schema: { tags: ['region'], summary: 'One jurisdiction and its administrative areas', params: z.object({ code }) },
    handler: async (request) => {
      const jurisdiction = (await repo.listJurisdictions(db)).find((j) => j.code === request.params.code);
      if (!jurisdiction) {
        throw new AppError('REGION_UNKNOWN_JURISDICTION', `There is no jurisdiction ${request.params.code}.`, {
          status: 404,
          params: { code: request.params.code },
        });
      }
      return { ...jurisdiction, areas: await repo.listAreas(db, jurisdiction.code) };
    },
  });

  app.get('/region/geo', {
    config: { access: 'public' },
    schema: {
      tags: ['region'],
      summary: 'Country shapes (TopoJSON, Natural Earth 1:50m) of the parties and their neighbours, for the map',
      description:
        'One GeometryCollection `countries`; each geometry has its ISO 3166-1 numeric id and properties {code, role, nameEn, nameFr}: role "party" with the jurisdiction code, or "context" (code null) for a neighbour.',
    },
    handler: async (_request, reply) => {
      const parties = (await repo.listJurisdictions(db)).flatMap((j) =>
        j.kind === 'party' && j.isoNumeric ? [{ code: j.code, isoNumeric: j.isoNumeric }] : [],
      );
      // Shapes change only with the parties or a world-atlas release; an hour of caching spares the map refetches.
      return reply.type('application/json').header('cache-control', 'public, max-age=3600').send(await regionGeo(parties));
    },
  });

  app.get('/region/facilities', {
    schema: {
      tags: ['region'],
      summary: 'Facilities (hospitals, laboratories, stores, points of entry) of the region',
      querystring: z.object({
        jurisdiction: code.optional(),
        kind: z.enum(['hospital', 'health-centre', 'laboratory', 'store', 'point-of-entry']).optional(),
        service: z.string().max(64).optional(),
      }),
    },
    handler: async (request) => ({ facilities: await repo.listFacilities(db, request.query) }),
  });
};
