import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicResponseTimesService } from './public-response-times.ts';

/** The public page's response times: no sign-in, only what the pact lets each party publish. */
export const publicResponseTimesRoutes = (deps: { publicResponseTimes: PublicResponseTimesService }) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/public/response-times', {
    config: { access: 'public' },
    schema: {
      tags: ['public'],
      summary: 'The share of each party’s events that met the 7-1-7 targets, for anyone, as far as the pact lets each party publish (shares resting on few events withheld)',
      description: "Events are bounded by detection day. Parties no clause covers are listed in withheld with the pact's reasons.",
      querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
    },
    handler: async (request) => deps.publicResponseTimes.responseTimes(request.query),
  });
};
