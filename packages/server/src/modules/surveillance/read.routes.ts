import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDiseaseCode, PURPOSES } from '@concord/core';
import { DETECTION_METHODS } from '@concord/core/detection/index';
import { actorOf } from '../../http/access.ts';
import type { Aggregates } from './aggregates.service.ts';
import { BREAKDOWNS, type Breakdown } from './count-queries.repo.ts';
import type { Detection } from './detection.service.ts';
import type { LineList } from './line-list.service.ts';
import type { Signals } from './signals.service.ts';

const tags = ['surveillance'];
const party = z.string().regex(/^[A-Z]{2}$/);
const disease = z.string().refine(isDiseaseCode, 'is not a disease code of the catalogue');
const date = z.iso.date();
const purpose = z.enum(PURPOSES).default('surveillance').describe('Why you read (the pact allows reads for named purposes)');
const breakdowns = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const items = text.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = items.filter((item) => !(BREAKDOWNS as readonly string[]).includes(item));
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `unknown breakdown ${unknown.join(', ')}; use ${BREAKDOWNS.join(', ')}` });
    return [...new Set(items)] as Breakdown[];
  })
  .describe(`Comma-separated breakdowns: ${BREAKDOWNS.join(', ')}`);

export const readRoutes = (deps: { lineList: LineList; aggregates: Aggregates; signals: Signals; detection: Detection }) => async (root: FastifyInstance) => {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/surveillance/cases', {
    schema: {
      tags,
      summary: "A party's line list: its own staff read it; others only under a clause in force, without the fields it drops",
      querystring: z.object({
        party: party.optional(),
        disease: disease.optional(),
        area: z.string().max(64).optional(),
        from: date.optional(),
        to: date.optional(),
        purpose,
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
    },
    handler: async (request) => deps.lineList.list(actorOf(request), request.query),
  });

  app.get('/surveillance/aggregates', {
    schema: {
      tags,
      summary: 'Counts by party, disease and period, broken down as asked; cells under the pact’s cell size are withheld for readers outside the party',
      querystring: z.object({
        party: party.optional(),
        disease: disease.optional(),
        area: z.string().max(64).optional(),
        from: date.optional(),
        to: date.optional(),
        period: z.enum(['week', 'day']).default('week'),
        weeks: z.enum(['iso', 'mmwr']).default('iso').describe('Week system for weekly periods'),
        by: breakdowns,
        source: z.enum(['cases', 'reported']).default('cases').describe('cases: live aggregates of the line list; reported: counts reported as counts'),
        purpose,
      }),
    },
    handler: async (request) => deps.aggregates.query(actorOf(request), request.query),
  });

  app.get('/surveillance/series', {
    schema: {
      tags,
      summary: 'One weekly series for a chart: observed, threshold, expected, alarm and signal per ISO week',
      querystring: z.object({
        party,
        disease,
        area: z.string().max(64).default('all').describe('An area code, or all for the whole party'),
        from: date.optional(),
        to: date.optional(),
        method: z.enum(DETECTION_METHODS).optional().describe('Compute with this method now instead of reading stored results'),
        purpose,
      }),
    },
    handler: async (request) => deps.signals.series(actorOf(request), request.query),
  });

  app.get('/surveillance/signals', {
    schema: {
      tags,
      summary: 'Signals (alarms) to triage, newest week first',
      querystring: z.object({
        party: party.optional(),
        disease: disease.optional(),
        area: z.string().max(64).optional(),
        status: z.enum(['new', 'dismissed', 'promoted', 'withdrawn']).optional(),
        from: date.optional(),
        to: date.optional(),
        purpose,
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
    },
    handler: async (request) => deps.signals.list(actorOf(request), request.query),
  });

  app.post('/surveillance/signals/:id/dismiss', {
    config: { access: { roles: ['national-focal-point'] } },
    schema: { tags, summary: 'Dismiss a signal of your party (a note says why)', params: z.object({ id: z.uuid() }), body: z.object({ note: z.string().min(1).max(2000) }) },
    handler: async (request) => deps.signals.dismiss(actorOf(request), request.params.id, request.body.note),
  });

  app.post('/surveillance/detection/run', {
    config: { access: { roles: ['national-focal-point', 'hub-coordinator'] } },
    schema: {
      tags,
      summary: 'Run detection now over a span of weeks (default the last 8) for your party, or the region for the hub',
      // Strict: every field is optional, so a misspelt one would otherwise run detection over everything.
      body: z.object({ disease: disease.optional(), from: date.optional(), to: date.optional() }).strict().default({}),
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const parties = actor.regionWide ? undefined : [actor.jurisdiction];
      return deps.detection.runOnRequest(actor, { ...request.body, parties });
    },
  });

  app.get('/surveillance/indicators', {
    schema: { tags, summary: 'The surveillance indicators the pact reads (cholera weekly incidence per 100 000, last complete ISO week)' },
    handler: async () => ({ indicators: await deps.aggregates.indicators() }),
  });
};
