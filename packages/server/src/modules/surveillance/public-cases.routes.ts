import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDiseaseCode } from '@concord/core';
import { DEFAULT_WEEKS, MAX_WEEKS, type PublicCases } from './public-cases.ts';

/** The public page's weekly case counts: no sign-in, only what the pact lets each party publish. */
export const publicCasesRoutes = (deps: { publicCases: PublicCases }) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/public/cases', {
    config: { access: 'public' },
    schema: {
      tags: ['public'],
      summary: 'Weekly national case counts per party and disease for anyone, as far as the pact lets each party publish (country × ISO week, small counts withheld)',
      description: `Whole ISO weeks up to the last complete one; ${DEFAULT_WEEKS} weeks by default, at most ${MAX_WEEKS}. Parties no clause covers are listed in withheld with the pact's reasons.`,
      querystring: z.object({
        disease: z.string().refine(isDiseaseCode, 'is not a disease code of the catalogue').optional(),
        from: z.iso.date().optional().describe('A day of the first week'),
        to: z.iso.date().optional().describe('A day of the last week'),
      }),
    },
    handler: async (request) => deps.publicCases.cases(request.query),
  });
};
