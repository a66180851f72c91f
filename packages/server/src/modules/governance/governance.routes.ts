import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reaches } from '../../actor.ts';
import { actorOf } from '../../http/access.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import type { DataAccess } from './access.service.ts';
import type { BreachAlerts } from './breach-alerts.ts';
import type { Breaches } from './breaches.service.ts';
import type { Consents } from './consents.ts';
import type { KeyRotation } from './key-rotation.ts';
import type { Retention } from './retention.ts';

const code = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/);
const instant = z.iso.datetime({ offset: true });
const text = (max = 4000) => z.string().trim().min(1).max(max);
const STEWARDS = ['national-focal-point', 'auditor', 'hub-coordinator'] as const;
/** Who is alerted when a breach's clock runs out (breach-alerts.ts). */
const ADDRESSEES = ['national-focal-point', 'hub-coordinator'] as const;

export const governanceRoutes =
  (deps: { access: DataAccess; breaches: Breaches; breachAlerts: BreachAlerts; consents: Consents; retention: Retention; rotation: KeyRotation }) => async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const { access, breaches, breachAlerts, consents, retention, rotation } = deps;
    const tags = ['governance'];
    const id = z.object({ id: z.uuid() });

    app.get('/governance/access-report', {
      config: { access: { roles: STEWARDS } },
      schema: {
        tags,
        summary: "Who read or received what about a party's people, when, and under which clause",
        querystring: z.object({ party: code, from: instant.optional(), to: instant.optional(), limit: z.coerce.number().int().min(1).max(5000).default(500) }),
      },
      handler: async (request) => {
        const actor = actorOf(request);
        if (!reaches(actor, request.query.party)) throw outOfScope(request.query.party);
        const { party, from, to, limit } = request.query;
        return { party, rows: await access.report(party, { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined, limit }) };
      },
    });

    app.get('/breaches', {
      config: { access: { roles: STEWARDS } },
      schema: { tags, summary: 'Personal-data breaches with their 72-hour clocks', querystring: z.object({ party: code.optional(), open: z.enum(['true', 'false']).optional() }) },
      handler: async (request) => ({
        breaches: await breaches.list(actorOf(request), { party: request.query.party, open: request.query.open === undefined ? undefined : request.query.open === 'true' }),
      }),
    });

    app.post('/breaches', {
      schema: {
        tags,
        summary: 'Report a personal-data breach (anyone signed in, for their own jurisdiction); the 72-hour clock runs from awareAt',
        body: z.object({ party: code, title: text(200), nature: text(), awareAt: instant }),
      },
      handler: async (request, reply) => reply.status(201).send(await breaches.report(actorOf(request), request.body)),
    });

    app.get('/breaches/alerts', {
      config: { access: { roles: STEWARDS } },
      schema: {
        tags,
        summary: 'Breach alerts addressed to you (an overdue 72-hour clock), open ones first',
        querystring: z.object({ open: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      },
      handler: async (request) => ({
        alerts: await breachAlerts.inbox(actorOf(request), { open: request.query.open === 'true', limit: request.query.limit }),
      }),
    });

    app.post('/breaches/alerts/:id/acknowledge', {
      config: { access: { roles: ADDRESSEES } },
      schema: { tags, summary: 'Acknowledge a breach alert addressed to you', params: id },
      handler: async (request) => breachAlerts.acknowledge(actorOf(request), request.params.id),
    });

    app.get('/breaches/:id', {
      config: { access: { roles: STEWARDS } },
      schema: { tags, summary: 'One breach, its clock, missing notification content and timeline', params: id },
      handler: async (request) => breaches.get(actorOf(request), request.params.id),
    });

    app.post('/breaches/:id/assess', {
      config: { access: { roles: STEWARDS } },
      schema: {
        tags,
        summary: 'Assess risk, people and records concerned, likely consequences (unlikely risk: no notification, Art. 33(1))',
        params: id,
        body: z.object({
          risk: z.enum(['unlikely', 'risk', 'high']),
          dataSubjects: text(),
          subjectsApprox: z.number().int().min(0).optional(),
          records: text(),
          recordsApprox: z.number().int().min(0).optional(),
          likelyConsequences: text(),
        }),
      },
      handler: async (request) => breaches.assess(actorOf(request), request.params.id, request.body),
    });

    app.post('/breaches/:id/contain', {
      config: { access: { roles: STEWARDS } },
      schema: { tags, summary: 'Record containment and the measures taken', params: id, body: z.object({ measures: text(), containedAt: instant.optional() }) },
      handler: async (request) => breaches.contain(actorOf(request), request.params.id, request.body),
    });

    app.post('/breaches/:id/notify', {
      config: { access: { roles: STEWARDS } },
      schema: {
        tags,
        summary: 'Record the notification to the supervisory authority (Art. 33); late ones need the reasons for delay',
        params: id,
        body: z.object({ authority: text(300), contactPoint: text(500), notifiedAt: instant.optional(), reasonsForDelay: text().optional() }),
      },
      handler: async (request) => breaches.notify(actorOf(request), request.params.id, request.body),
    });

    app.post('/breaches/:id/notify-subjects', {
      config: { access: { roles: STEWARDS } },
      schema: { tags, summary: 'Record that the people concerned were told (Art. 34, high risk)', params: id, body: z.object({ at: instant.optional() }) },
      handler: async (request) => breaches.notifySubjects(actorOf(request), request.params.id, request.body),
    });

    app.post('/breaches/:id/remedies', {
      config: { access: { roles: STEWARDS } },
      schema: { tags, summary: 'Add a remedy (an action with an owner and a due date)', params: id, body: z.object({ action: text(), owner: text(200), due: z.iso.date() }) },
      handler: async (request) => breaches.addRemedy(actorOf(request), request.params.id, request.body),
    });

    app.post('/breaches/:id/remedies/:index/done', {
      config: { access: { roles: STEWARDS } },
      schema: { tags, summary: 'Mark a remedy done', params: z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(1000) }) },
      handler: async (request) => breaches.completeRemedy(actorOf(request), request.params.id, request.params.index),
    });

    app.post('/breaches/:id/close', {
      config: { access: { roles: STEWARDS } },
      schema: { tags, summary: 'Close a breach that is assessed, contained, notified as required and whose remedies are done', params: id },
      handler: async (request) => breaches.close(actorOf(request), request.params.id),
    });

    app.post('/consents', {
      config: { access: { roles: ['national-focal-point', 'facility-staff', 'lab-staff'] } },
      schema: { tags, summary: 'Record a consent (a FHIR R4 Consent resource)', body: z.record(z.string(), z.unknown()) },
      handler: async (request, reply) => reply.status(201).send((await consents.record(actorOf(request), request.body)).resource),
    });

    app.get('/consents', {
      config: { access: { roles: ['national-focal-point', 'facility-staff', 'lab-staff', 'auditor', 'hub-coordinator'] } },
      schema: { tags, summary: 'Consents of a party, as a FHIR searchset Bundle', querystring: z.object({ owner: code, subject: z.string().max(200).optional() }) },
      handler: async (request) => {
        const rows = await consents.list(actorOf(request), request.query);
        return { resourceType: 'Bundle', type: 'searchset', total: rows.length, entry: rows.map((row) => ({ resource: row.resource })) };
      },
    });

    app.post('/consents/:id/revoke', {
      config: { access: { roles: ['national-focal-point', 'facility-staff', 'lab-staff'] } },
      schema: { tags, summary: 'Revoke a consent (status becomes inactive)', params: id },
      handler: async (request) => (await consents.revoke(actorOf(request), request.params.id)).resource,
    });

    app.get('/governance/retention', {
      config: { access: { roles: ['auditor', 'hub-coordinator'] } },
      schema: { tags, summary: 'Retention targets and what the last runs deleted or anonymised' },
      handler: async () => ({ targets: retention.targets(), runs: await retention.history() }),
    });

    app.post('/governance/retention/run', {
      config: { access: { roles: ['hub-coordinator'] } },
      schema: { tags, summary: 'Run the retention job now (it also runs on a schedule)' },
      handler: async (request) => ({ results: await retention.run(actorOf(request)) }),
    });

    app.post('/governance/keys/rotate', {
      config: { access: { roles: ['hub-coordinator'] } },
      schema: { tags, summary: 'Activate a new field key and re-encrypt stored values in the background' },
      handler: async (request, reply) => reply.status(202).send(await rotation.rotate(actorOf(request))),
    });

    app.get('/governance/keys', {
      config: { access: { roles: ['hub-coordinator', 'auditor'] } },
      schema: { tags, summary: 'The active field key id (never the key) and the latest rotations, newest first' },
      handler: async () => ({ activeKeyId: rotation.activeKeyId(), rotations: await rotation.list() }),
    });

    app.get('/governance/keys/rotations/:id', {
      config: { access: { roles: ['hub-coordinator', 'auditor'] } },
      schema: { tags, summary: 'Progress of a key rotation', params: id },
      handler: async (request) => rotation.status(request.params.id),
    });
  };
