import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import type { ColdChain } from './cold-chain.service.ts';
import { instant, WRITERS } from './ledger.routes.ts';
import { BATCH_ROWS, readingBatches } from './readings-csv.ts';
import { csvExpected } from './stock.errors.ts';

const tags = ['cold chain'];
const device = z.string().min(1).max(64);
const party = z.string().regex(/^[A-Z]{2,8}$/);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const coldChainRoutes = (deps: { coldChain: ColdChain; uploadLimitBytes: number }) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { coldChain } = deps;
  // Recorder exports stream in; the reader counts bytes against its own limit.
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));

  app.post('/stock/cold-chain/devices', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: 'Register a 30-day temperature recorder in a store; its range (+2…+8 °C by default) says which products it guards',
      body: z.object({ id: device, store: z.string().min(1).max(64), label: z.string().trim().min(1).max(200), minC: z.number().min(-100).max(60).optional(), maxC: z.number().min(-100).max(60).optional() }),
    },
    handler: async (request, reply) => reply.status(201).send(await coldChain.registerDevice(actorOf(request), request.body)),
  });

  app.get('/stock/cold-chain/devices', {
    schema: { tags, summary: 'Recorders you reach', querystring: z.object({ store: z.string().max(64).optional() }) },
    handler: async (request) => ({ devices: await coldChain.devices(actorOf(request), request.query) }),
  });

  app.get('/stock/cold-chain/devices/:device/readings', {
    schema: {
      tags,
      summary: "A recorder's readings over a window (default: the last 30 days)",
      params: z.object({ device }),
      querystring: z.object({ from: instant.optional(), to: instant.optional(), limit: z.coerce.number().int().min(1).max(50_000).default(5_000) }),
    },
    handler: async (request) => {
      const to = request.query.to ? new Date(request.query.to) : new Date();
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 30 * 86_400_000);
      return coldChain.readings(actorOf(request), request.params.device, { from, to, limit: request.query.limit });
    },
  });

  const ingestDescription =
    'All or nothing: a bad row refuses the whole upload. A reading already stored with the same temperature is skipped; with another, refused. Excursions are judged with the WHO PQS 30-DTR rule for the recorder range; an alarm quarantines the exposed lots.';

  app.post('/stock/cold-chain/readings', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: 'Upload recorder readings as JSON',
      description: ingestDescription,
      body: z.object({ readings: z.array(z.object({ device, time: z.string().max(40), celsius: z.number() })).min(1).max(200_000) }),
    },
    handler: async (request, reply) => reply.status(201).send(await coldChain.ingest(actorOf(request), chunks(request.body.readings))),
  });

  app.post('/stock/cold-chain/readings/csv', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: 'Upload a recorder export as CSV (Content-Type text/csv; header device,time,celsius), streamed',
      description: ingestDescription,
      consumes: ['text/csv'],
    },
    handler: async (request, reply) => {
      if (!(request.headers['content-type'] ?? '').startsWith('text/csv')) throw csvExpected();
      return reply.status(201).send(await coldChain.ingest(actorOf(request), readingBatches(request.body as Readable, deps.uploadLimitBytes)));
    },
  });

  app.get('/stock/cold-chain/alarms', {
    schema: {
      tags,
      summary: 'Cold-chain excursions (alarms by default, alarm=all for every one), newest first, with their open quarantines',
      querystring: z.object({
        party: party.optional(),
        store: z.string().max(64).optional(),
        device: device.optional(),
        alarm: z
          .enum(['true', 'false', 'all'])
          .default('true')
          .transform((v) => (v === 'all' ? undefined : v === 'true'))
          .describe('true: alarms only (the default); false: excursions that raised no alarm; all: both'),
        since: instant.optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
    },
    handler: async (request) => {
      const { since, ...rest } = request.query;
      return { excursions: await coldChain.excursions(actorOf(request), { ...rest, since: since ? new Date(since) : undefined }) };
    },
  });

  app.get('/stock/quarantines', {
    schema: {
      tags,
      summary: 'Quarantined lots (open by default) awaiting a VVM or shake-test decision',
      querystring: z.object({ party: party.optional(), store: z.string().max(64).optional(), open: flag.default(true), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    },
    handler: async (request) => ({ quarantines: await coldChain.quarantines(actorOf(request), request.query) }),
  });

  app.post('/stock/quarantines/:id/decision', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: 'Decide a quarantined lot: VVM stage (1 use, 2 use first, 3–4 discard) or square, shake test; discard writes the lot off',
      params: z.object({ id: z.uuid() }),
      body: z.object({
        vvm: z.union([z.object({ stage: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }), z.object({ square: z.enum(['lighter', 'matches', 'darker']) })]).optional(),
        shakeTest: z.enum(['pass', 'fail']).optional(),
        action: z.enum(['use', 'discard']).optional(),
        reason: z.string().trim().min(1).max(500).optional(),
      }),
    },
    handler: async (request) => coldChain.decide(actorOf(request), request.params.id, request.body),
  });
};

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH_ROWS) yield items.slice(i, i + BATCH_ROWS);
}
