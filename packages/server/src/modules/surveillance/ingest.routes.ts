import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importOutcomeOf, isAppError } from '@concord/core';
import { actorOf } from '../../http/access.ts';
import type { AggregateIngest } from './aggregate-ingest.service.ts';
import type { CaseIngest } from './case-ingest.service.ts';
import { MAX_JSON_BATCH } from './case-ingest.service.ts';
import { csvExpected } from './surveillance.errors.ts';

/** Who may write a party's surveillance data: its reporters, for their own jurisdiction only (checked per record). */
export const REPORTERS = ['facility-staff', 'lab-staff', 'national-focal-point'] as const;

const tags = ['surveillance'];

const summary = z.object({
  received: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  signalsRaised: z.number(),
  results: z.array(z.object({ clientId: z.string(), id: z.string(), status: z.enum(['created', 'updated', 'unchanged']) })).optional(),
});

export const ingestRoutes = (deps: { cases: CaseIngest; aggregates: AggregateIngest; csvMaxBytes: number }) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // The CSV body reaches the handler as a stream: it is parsed while it arrives.
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.post('/surveillance/cases', {
    config: { access: { roles: REPORTERS } },
    schema: {
      tags,
      summary: 'Report one case (line list). Resending the same clientId changes nothing; a changed report replaces the earlier one.',
      body: z.record(z.string(), z.unknown()).describe('A case report: docs/surveillance-ingest.md lists the fields'),
      response: { 200: summary, 201: summary },
    },
    handler: async (request, reply) => {
      const result = await deps.cases.submitJson(actorOf(request), [request.body]);
      return reply.status(result.created > 0 ? 201 : 200).send(result);
    },
  });

  app.post('/surveillance/cases/batch', {
    config: { access: { roles: REPORTERS } },
    schema: {
      tags,
      summary: `Report up to ${MAX_JSON_BATCH} cases at once, all or nothing (idempotent by clientId)`,
      body: z.object({ reports: z.array(z.unknown()) }),
      response: { 200: summary },
    },
    handler: async (request) => deps.cases.submitJson(actorOf(request), request.body.reports),
  });

  app.post('/surveillance/cases/csv', {
    config: { access: { roles: REPORTERS } },
    schema: {
      tags,
      summary: 'Upload a line-list CSV (text/csv), streamed; any bad line rejects the file with every bad line listed',
      consumes: ['text/csv'],
      response: { 200: summary },
    },
    handler: async (request) => {
      // Another content type reaches here already parsed (a string or an object), not as the stream the reader needs.
      if (!(request.headers['content-type'] ?? '').startsWith('text/csv')) throw csvExpected();
      return deps.cases.submitCsv(actorOf(request), request.body as Readable, deps.csvMaxBytes);
    },
  });

  app.post('/surveillance/aggregates', {
    config: { access: { roles: REPORTERS } },
    schema: {
      tags,
      summary: 'Report aggregate counts (a cell reported again replaces the earlier count), all or nothing',
      body: z.object({ counts: z.array(z.unknown()).max(MAX_JSON_BATCH) }),
    },
    handler: async (request) => deps.aggregates.submitJson(actorOf(request), request.body.counts),
  });

  app.get('/surveillance/dhis2/mapping', {
    config: { access: { roles: REPORTERS } },
    schema: { tags, summary: "Your party's DHIS2 mapping (data elements, category option combos, org units)" },
    handler: async (request) => deps.aggregates.getMapping(actorOf(request)),
  });

  app.put('/surveillance/dhis2/mapping', {
    config: { access: { roles: ['national-focal-point'] } },
    schema: { tags, summary: "Set your party's DHIS2 mapping; every org unit must map to one of your areas", body: z.record(z.string(), z.unknown()) },
    handler: async (request) => deps.aggregates.putMapping(actorOf(request), request.body),
  });

  app.post('/surveillance/dhis2/dataValueSets', {
    config: { access: { roles: REPORTERS } },
    schema: {
      tags,
      summary: 'Import a DHIS2 dataValueSets JSON payload; answers with a DHIS2 ImportSummary (409 when status is ERROR)',
      querystring: z.object({
        atomicMode: z.enum(['ALL', 'NONE']).default('NONE').describe('ALL: any conflict rejects every value (DHIS2 atomicMode)'),
        dryRun: z.enum(['true', 'false']).default('false'),
      }),
      body: z.unknown(),
    },
    handler: async (request, reply) => {
      const result = await deps.aggregates.submitDhis2(actorOf(request), request.body, {
        atomic: request.query.atomicMode === 'ALL',
        dryRun: request.query.dryRun === 'true',
      });
      return reply.status(result.status === 'ERROR' ? 409 : 200).send(result);
    },
  });

  app.post('/surveillance/fhir/MeasureReport', {
    config: { access: { roles: REPORTERS } },
    schema: {
      tags,
      summary: 'Import a FHIR R4 MeasureReport (type summary): answered with an OperationOutcome whose import-counts extension holds the figures; refused whole with a 422 OperationOutcome',
      consumes: ['application/fhir+json', 'application/json'],
      body: z.unknown(),
    },
    handler: async (request, reply) => {
      try {
        const stored = await deps.aggregates.submitMeasureReport(actorOf(request), request.body);
        return reply.type('application/fhir+json').send(importOutcomeOf({ received: stored.counts, imported: stored.imported, updated: stored.updated, signalsRaised: stored.signalsRaised }));
      } catch (error) {
        // FHIR clients read an OperationOutcome; the Concord code is inside each issue.
        if (isAppError(error) && error.code === 'SURV_FHIR_REJECTED') {
          return reply.status(422).type('application/fhir+json').send(error.params.operationOutcome);
        }
        throw error;
      }
    },
  });
};
