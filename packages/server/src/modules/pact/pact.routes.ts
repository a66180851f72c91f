import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionContextSchema, describeClause, pactJsonSchema, pactRequestSchema } from '@concord/core';
import { reaches } from '../../actor.ts';
import { actorOf } from '../../http/access.ts';
import { outOfScope } from '../accounts/accounts.errors.ts';
import type { PactService } from './pact.service.ts';

const pactId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
const versionNumber = z.coerce.number().int().min(1).max(100_000);
const party = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/);
const isoInstant = z.iso.datetime({ offset: true });
const DRAFTERS = ['negotiator', 'hub-coordinator'] as const;
const SIGNERS = ['negotiator', 'national-focal-point', 'hub-coordinator'] as const;

export const pactRoutes = (pacts: PactService) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['pact'];

  app.get('/pacts', { schema: { tags, summary: 'The pacts this node holds, with their state now' } }, async () => ({ pacts: await pacts.list() }));

  app.post('/pacts', {
    config: { access: { roles: DRAFTERS } },
    schema: {
      tags,
      summary: 'Register a new pact (version 1, a draft until every party signs)',
      body: z.object({ source: z.string().min(1).max(2_000_000).describe('The pact in YAML or JSON') }),
    },
    handler: async (request, reply) => reply.status(201).send(await pacts.create(actorOf(request), request.body.source)),
  });

  app.get('/pacts/:id', {
    schema: { tags, summary: 'A pact: state, versions, signatures and lifecycle', params: z.object({ id: pactId }), querystring: z.object({ at: isoInstant.optional() }) },
    handler: async (request) => pacts.state(request.params.id, request.query.at ? new Date(request.query.at) : undefined),
  });

  app.post('/pacts/:id/versions', {
    config: { access: { roles: DRAFTERS } },
    schema: {
      tags,
      summary: 'Amend: add the next version (it must say which version it amends)',
      params: z.object({ id: pactId }),
      body: z.object({ source: z.string().min(1).max(2_000_000) }),
    },
    handler: async (request, reply) => reply.status(201).send(await pacts.amend(actorOf(request), request.params.id, request.body.source)),
  });

  app.get('/pacts/:id/versions/:version', {
    schema: { tags, summary: 'One version: the document, its source and canonical hash', params: z.object({ id: pactId, version: versionNumber }) },
    handler: async (request) => pacts.getVersion(request.params.id, request.params.version),
  });

  app.get('/pacts/:id/versions/:version/clauses', {
    schema: {
      tags,
      summary: "Each clause of a version in plain words: what it promises, in English or French (the account's language when lang is absent)",
      params: z.object({ id: pactId, version: versionNumber }),
      querystring: z.object({ lang: z.enum(['en', 'fr']).optional() }),
    },
    handler: async (request) => {
      const { document } = await pacts.getVersion(request.params.id, request.params.version);
      const locale = request.query.lang ?? actorOf(request).locale;
      return document.clauses.map((clause) => ({ id: clause.id, kind: clause.kind, ...describeClause(clause, document, locale) }));
    },
  });

  app.post('/pacts/:id/versions/:version/signatures', {
    config: { access: { roles: SIGNERS } },
    schema: {
      tags,
      summary: "Record a party's Ed25519 signature over the version's canonical JSON (RFC 8785)",
      params: z.object({ id: pactId, version: versionNumber }),
      body: z.object({ party, signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'a 64-byte Ed25519 signature in base64url') }),
    },
    handler: async (request, reply) =>
      reply.status(201).send(await pacts.sign(actorOf(request), request.params.id, request.params.version, request.body)),
  });

  app.post('/pacts/:id/suspend', {
    config: { access: { roles: DRAFTERS } },
    schema: { tags, summary: 'Suspend the pact (no clause permits anything until resumed)', params: z.object({ id: pactId }), body: z.object({ reason: z.string().min(1).max(2000) }) },
    handler: async (request) => pacts.suspend(actorOf(request), request.params.id, request.body.reason),
  });

  app.post('/pacts/:id/resume', {
    config: { access: { roles: DRAFTERS } },
    schema: { tags, summary: 'Resume a suspended pact', params: z.object({ id: pactId }) },
    handler: async (request) => pacts.resume(actorOf(request), request.params.id),
  });

  app.post('/pacts/:id/renew', {
    config: { access: { roles: DRAFTERS } },
    schema: { tags, summary: 'Renew: move the sunset of the version in force later', params: z.object({ id: pactId }), body: z.object({ sunset: z.iso.date() }) },
    handler: async (request) => pacts.renew(actorOf(request), request.params.id, request.body.sunset),
  });

  app.get('/pacts/:id/diff', {
    schema: { tags, summary: 'What changed between two versions, in plain words', params: z.object({ id: pactId }), querystring: z.object({ from: versionNumber, to: versionNumber }) },
    handler: async (request) => pacts.diff(request.params.id, request.query.from, request.query.to),
  });

  app.get('/pacts/:id/duties', {
    schema: {
      tags,
      summary: 'What a party owes now: reserves, reports and their deadlines, milestones, escalation duties, renewal notice',
      params: z.object({ id: pactId }),
      querystring: z.object({ party, at: isoInstant.optional() }),
    },
    handler: async (request) => pacts.duties(request.params.id, request.query.party, request.query.at ? new Date(request.query.at) : undefined),
  });

  app.get('/pacts/:id/triggers', {
    schema: { tags, summary: 'Funding triggers evaluated on the live indicators', params: z.object({ id: pactId }) },
    handler: async (request) => pacts.triggers(request.params.id),
  });

  app.get('/pacts/:id/odrl', {
    schema: { tags, summary: 'Data-sharing clauses as a W3C ODRL 2.2 policy (JSON-LD)', params: z.object({ id: pactId }), querystring: z.object({ version: versionNumber.optional() }) },
    handler: async (request, reply) => reply.type('application/ld+json').send(await pacts.odrl(request.params.id, request.query.version)),
  });

  app.post('/decisions/dry-run', {
    schema: {
      tags,
      summary: 'Ask the decision point without acting or recording: permit or deny, the clause, obligations and reasons',
      body: z.object({ request: pactRequestSchema, context: decisionContextSchema.optional() }),
    },
    handler: async (request) => {
      const { now, ...context } = request.body.context ?? {};
      return pacts.decide(actorOf(request), request.body.request, { dryRun: true, at: now ? new Date(now) : undefined, context });
    },
  });

  app.get('/decisions', {
    config: { access: { roles: ['auditor', 'hub-coordinator', 'national-focal-point'] } },
    schema: {
      tags,
      summary: 'The decision log; party roles see the decisions that concern their jurisdiction',
      querystring: z.object({
        party: party.optional(),
        effect: z.enum(['permit', 'deny']).optional(),
        kind: z.string().max(32).optional(),
        clauseId: z.string().max(100).optional(),
        before: isoInstant.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { party: wanted, before, ...rest } = request.query;
      if (wanted && !reaches(actor, wanted)) throw outOfScope(wanted);
      const parties = wanted ? [wanted] : actor.regionWide ? undefined : [actor.jurisdiction];
      return { decisions: await pacts.decisions({ ...rest, parties, before: before ? new Date(before) : undefined }) };
    },
  });
};

/** The pact's JSON Schema, public, at /schemas/pact.json. */
export const pactSchemaRoute = async (app: FastifyInstance) => {
  const schema = pactJsonSchema();
  app.get('/schemas/pact.json', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/schema+json').send(schema),
  );
};
