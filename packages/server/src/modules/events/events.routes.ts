import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSEQUENCES, EARLY_RESPONSE_ACTIONS, IHR_CRITERIA, isDiseaseCode, LIKELIHOODS } from '@concord/core';
import { actorOf } from '../../http/access.ts';
import type { Escalation } from './escalation.service.ts';
import type { Events } from './events.service.ts';
import type { Timeliness } from './timeliness.service.ts';

const tags = ['events'];
const FOCAL_POINT = { roles: ['national-focal-point'] as const };
const id = z.object({ id: z.uuid() });
const date = z.iso.date();
const disease = z.string().refine(isDiseaseCode, 'is not a disease code of the catalogue');
const actionIds = EARLY_RESPONSE_ACTIONS.map((a) => a.id) as [string, ...string[]];
const factor = z.strictObject({
  interval: z.enum(['detection', 'notification', 'response']),
  category: z.enum(['technical', 'operational', 'political']),
  description: z.string().min(1).max(2000),
  rootCause: z.string().min(1).max(2000),
});

export const eventsRoutes = (deps: { events: Events; escalation: Escalation; timeliness: Timeliness }) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/events', {
    schema: {
      tags,
      summary: 'Events you may see (your party’s, and those the escalation clause told you about), newest first, with their 7-1-7 status and running clock',
      querystring: z.object({
        party: z.string().regex(/^[A-Z]{2}$/).optional(),
        disease: disease.optional(),
        status: z.enum(['verification', 'confirmed', 'discarded', 'closed']).optional(),
        open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        from: date.optional(),
        to: date.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    handler: async (request) => ({ events: await deps.events.list(actorOf(request), request.query) }),
  });

  app.post('/events', {
    config: { access: FOCAL_POINT },
    schema: {
      tags,
      summary: 'Open an event: promote a signal (signalId) or report one directly (title, disease, area)',
      body: z.strictObject({
        signalId: z.uuid().optional(),
        title: z.string().min(1).max(300).optional(),
        summary: z.string().max(5000).optional(),
        disease: disease.optional(),
        area: z.string().max(64).optional(),
        emergenceDate: date.optional(),
        detectionDate: date.optional(),
      }),
    },
    handler: async (request, reply) => reply.status(201).send(await deps.events.open(actorOf(request), request.body)),
  });

  app.get('/events/alerts', {
    schema: { tags, summary: 'Current alert level per party and disease, from open events (what the pact reads as `alert`)' },
    handler: async () => ({ alerts: await deps.escalation.alertLevels() }),
  });

  app.get('/events/seven-one-seven', {
    schema: {
      tags,
      summary: '7-1-7: the share of events meeting each target and all three, per party and for the region, with bottleneck tallies',
      querystring: z.object({ party: z.string().regex(/^[A-Z]{2}$/).optional(), from: date.optional(), to: date.optional() }),
    },
    handler: async (request) => deps.timeliness.summary(request.query),
  });

  app.get('/events/:id', {
    schema: { tags, summary: 'One event: timeline, risk and IHR assessments, escalations, notifications, 7-1-7 and its running clock', params: id },
    handler: async (request) => deps.events.get(actorOf(request), request.params.id),
  });

  app.patch('/events/:id', {
    config: { access: FOCAL_POINT },
    schema: {
      tags,
      summary: 'Update an event: counts, 7-1-7 dates, the seven early response actions, bottlenecks and enablers',
      params: id,
      body: z.strictObject({
        title: z.string().min(1).max(300).optional(),
        summary: z.string().max(5000).nullable().optional(),
        area: z.string().max(64).nullable().optional(),
        cases: z.number().int().min(0).nullable().optional(),
        deaths: z.number().int().min(0).nullable().optional(),
        emergenceDate: date.nullable().optional(),
        detectionDate: date.nullable().optional(),
        notificationDate: date.nullable().optional(),
        responseActions: z.array(z.strictObject({ action: z.enum(actionIds), applicable: z.boolean(), completedOn: date.optional() })).optional(),
        bottlenecks: z.array(factor).optional(),
        enablers: z.array(factor).optional(),
      }),
    },
    handler: async (request) => deps.events.update(actorOf(request), request.params.id, request.body as Parameters<Events['update']>[2]),
  });

  app.post('/events/:id/verify', {
    config: { access: FOCAL_POINT },
    schema: { tags, summary: 'Verify an event (confirmed) or discard it', params: id, body: z.object({ outcome: z.enum(['confirmed', 'discarded']), note: z.string().max(2000).optional() }) },
    handler: async (request) => deps.events.verify(actorOf(request), request.params.id, request.body.outcome, request.body.note),
  });

  app.post('/events/:id/risk-assessments', {
    config: { access: FOCAL_POINT },
    schema: {
      tags,
      summary: 'WHO rapid risk assessment: likelihood × consequences → risk → alert level; a new level notifies whom the pact names',
      params: id,
      body: z.object({ likelihood: z.enum(LIKELIHOODS), consequences: z.enum(CONSEQUENCES), rationale: z.string().max(5000).optional() }),
    },
    handler: async (request, reply) => reply.status(201).send(await deps.escalation.assessEventRisk(actorOf(request), request.params.id, request.body)),
  });

  app.post('/events/:id/ihr-assessments', {
    config: { access: FOCAL_POINT },
    schema: {
      tags,
      summary: 'IHR (2005) Annex 2: must WHO be notified within 24 hours?',
      params: id,
      body: z.object({
        answers: z.partialRecord(z.enum(IHR_CRITERIA), z.boolean()).default({}),
        potentialInternationalConcern: z.boolean().optional(),
      }),
    },
    handler: async (request, reply) => reply.status(201).send(await deps.escalation.assessIhr(actorOf(request), request.params.id, request.body)),
  });

  app.post('/events/:id/close', {
    config: { access: FOCAL_POINT },
    schema: { tags, summary: 'Close a confirmed event', params: id, body: z.object({ note: z.string().max(2000).optional() }).default({}) },
    handler: async (request) => deps.events.close(actorOf(request), request.params.id, request.body.note),
  });

  app.get('/notifications', {
    schema: {
      tags,
      summary: 'Notifications addressed to your jurisdiction and role, open ones first, with their due times',
      querystring: z.object({ open: z.enum(['true', 'false']).default('false') }),
    },
    handler: async (request) => ({ notifications: await deps.escalation.inbox(actorOf(request), request.query.open === 'true') }),
  });

  app.post('/notifications/:id/acknowledge', {
    schema: { tags, summary: 'Acknowledge a notification addressed to you (for WHO notifications: record that it was sent)', params: id },
    handler: async (request) => deps.escalation.acknowledge(actorOf(request), request.params.id),
  });
};
