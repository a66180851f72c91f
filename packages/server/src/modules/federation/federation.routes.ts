import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@concord/core';
import { caseReportSchema, MESSAGE_TYPES } from '@concord/core/federation/index';
import { actorOf } from '../../http/access.ts';
import type { Readiness } from '../../readiness.ts';
import { MESSAGES_PATH } from './delivery.ts';
import { notReady } from './federation.errors.ts';
import type { FederationService } from './federation.service.ts';

const VIEWERS = ['hub-coordinator', 'national-focal-point'] as const;
const SENDERS = ['hub-coordinator', 'national-focal-point'] as const;
const code = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/);
const limit = z.coerce.number().int().min(1).max(1000).default(100);
const tags = ['federation'];

/** The node-to-node endpoint: public, because the JWS is the credential. */
export const federationRootRoutes = (federation: FederationService, readiness: Readiness) => async (app: FastifyInstance) => {
  // RFC 7515 §9.2.1 registers application/jose for the compact serialization.
  app.addContentTypeParser('application/jose', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.withTypeProvider<ZodTypeProvider>().post(MESSAGES_PATH, {
    config: { access: 'public', rateLimit: { max: 60_000, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Receive a signed message from another node (body: compact JWS, content type application/jose)',
      body: z.string().min(1).max(64 * 1024 * 1024),
    },
    handler: async (request) => {
      // A node still seeding has no pact to check against yet: the sender should come back, not give up.
      if (readiness.state() !== 'ready') {
        throw notReady(readiness.state());
      }
      return federation.receive(request.body, { remote: request.ip });
    },
  });
};

const alertBody = z.object({
  alertId: z.string().min(1).max(120).optional(),
  disease: z.string().min(1).max(60),
  level: z.number().int().min(1).max(4),
  title: z.string().min(1).max(300),
  summary: z.string().max(5000).optional(),
  area: z.string().min(1).max(40).optional(),
  onsetDate: z.iso.date().optional(),
  detectedAt: z.iso.datetime({ offset: true }).optional(),
  cases: z.number().int().min(0).optional(),
  deaths: z.number().int().min(0).optional(),
  caseReports: z.array(caseReportSchema).max(10_000).optional(),
  to: z.array(code).min(1).max(20).optional().describe('Recipients; by default everyone the escalation playbook involves at this level'),
});

export const federationRoutes = (federation: FederationService) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/federation/alerts', {
    config: { access: { roles: SENDERS } },
    schema: { tags, summary: "Raise an alert from your jurisdiction to the parties the pact's playbook involves (or those named)", body: alertBody },
    handler: async (request, reply) => reply.status(201).send(await federation.raiseAlert(actorOf(request), request.body)),
  });

  app.post('/federation/outbox', {
    config: { access: { roles: SENDERS } },
    schema: {
      tags,
      summary: 'Send one message from your jurisdiction; refused (and recorded as refused) when no clause permits it',
      description: 'Types a context sends from its own change (stock-request, stock-answer) are refused with 400 FEDERATION_TYPE_RESERVED.',
      body: z.object({ type: z.enum(MESSAGE_TYPES), to: code, payload: z.record(z.string(), z.unknown()) }),
    },
    handler: async (request, reply) => {
      const [result] = await federation.sendByHand(actorOf(request), request.body);
      return reply.status(201).send(result);
    },
  });

  app.get('/federation/outbox', {
    config: { access: { roles: VIEWERS } },
    schema: {
      tags,
      summary: 'Messages this node sent or refused to send: status, attempts, last error',
      querystring: z.object({ status: z.enum(['pending', 'delivered', 'refused', 'rejected']).optional(), recipient: code.optional(), type: z.enum(MESSAGE_TYPES).optional(), limit }),
    },
    handler: async (request) => ({ messages: await federation.outbox(actorOf(request), request.query) }),
  });

  app.get('/federation/outbox/:id', {
    config: { access: { roles: VIEWERS } },
    schema: { tags, summary: 'One sent message with its signed form (compact JWS)', params: z.object({ id: z.uuid() }) },
    handler: async (request) => federation.outboxMessage(actorOf(request), request.params.id),
  });

  app.get('/federation/inbox', {
    config: { access: { roles: VIEWERS } },
    schema: { tags, summary: 'Messages this node accepted, once each', querystring: z.object({ type: z.enum(MESSAGE_TYPES).optional(), sender: code.optional(), limit }) },
    handler: async (request) => ({ messages: await federation.inbox(actorOf(request), request.query) }),
  });

  app.get('/federation/refusals', {
    config: { access: { roles: VIEWERS } },
    schema: { tags, summary: 'Messages this node refused on arrival, with the code it answered', querystring: z.object({ limit }) },
    handler: async (request) => ({ refusals: await federation.refusals(actorOf(request), request.query.limit) }),
  });

  app.get('/federation/peers', {
    config: { access: { roles: VIEWERS } },
    schema: { tags, summary: 'Each member of the pact in force: node URL, pinned key, served here or a peer, last success, backlog' },
    handler: async () => ({ peers: await federation.peers() }),
  });

  app.get('/federation/received/alerts', {
    config: { access: { roles: VIEWERS } },
    schema: { tags, summary: 'Alerts received from other parties, with their latest update', querystring: z.object({ disease: z.string().optional(), limit }) },
    handler: async (request) => ({ alerts: await federation.receivedAlerts(actorOf(request), request.query) }),
  });

  app.get('/federation/received/aggregates', {
    config: { access: { roles: VIEWERS } },
    schema: {
      tags,
      summary: 'Aggregate counts received from other parties, as the pact shaped them (suppressed cells are null)',
      querystring: z.object({ disease: z.string().optional(), party: code.optional(), limit }),
    },
    handler: async (request) => ({ aggregates: await federation.receivedAggregates(actorOf(request), request.query) }),
  });

  app.get('/federation/received/records', {
    config: { access: { roles: VIEWERS } },
    schema: {
      tags,
      summary: 'Other received messages: stock requests and answers, referrals, licence checks, sanctions, disbursements',
      querystring: z.object({ type: z.enum(MESSAGE_TYPES).optional(), subject: z.string().max(120).optional(), limit }),
    },
    handler: async (request) => ({ records: await federation.receivedRecords(actorOf(request), request.query) }),
  });
};
