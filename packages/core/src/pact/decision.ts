/**
 * What a decision point is asked and what it answers. A request is a
 * discriminated union on `kind`, one per clause kind; a decision is permit or
 * deny, the clause that permitted it, the obligations that come with the
 * permit (as data for the caller to enforce), and reasons in plain words,
 * each starting with a stable code.
 */
import { z } from 'zod';
import { slug } from './clauses.ts';
import type { AlertLevels, Indicators } from './cel.ts';
import { PLACE_GRANULARITIES, TIME_GRANULARITIES, WAIVER_SCOPES, type PlaceGranularity, type TimeGranularity } from './vocabulary.ts';

const code = z.string().min(1);
const clauseId = slug.optional().describe('Decide under this clause only');

export const dataRequestSchema = z.strictObject({
  kind: z.literal('data'),
  action: z.enum(['read', 'send']).describe('read: the recipient pulls; send: the holder pushes'),
  dataset: z.string().min(1),
  from: code.describe('Whose data'),
  to: code.describe('Recipient: a party, the hub, or public'),
  purpose: z.string().min(1),
  disease: z.string().min(1).optional().describe('The disease the data is about, for conditions that depend on it'),
  role: z.string().min(1).optional().describe("The requester's role"),
  fields: z.array(z.string().min(1)).optional().describe('Fields asked for; all allowed fields when absent'),
  granularity: z
    .strictObject({ place: z.enum(PLACE_GRANULARITIES).optional(), time: z.enum(TIME_GRANULARITIES).optional() })
    .optional()
    .describe('Detail asked for; the clause granularity when absent'),
  clauseId,
});

export const stockReleaseRequestSchema = z.strictObject({
  kind: z.literal('stock-release'),
  product: z.string().min(1),
  from: code.describe('The party (or hub) holding the stock'),
  to: code.describe('The party asking for it'),
  quantity: z.number().positive().optional(),
  clauseId,
});

export const fundingRequestSchema = z.strictObject({
  kind: z.literal('funding'),
  party: code.describe('The recipient asking for a disbursement'),
  clauseId,
});

export const referralRequestSchema = z.strictObject({
  kind: z.literal('referral'),
  from: code.describe('Referring party'),
  to: code.describe('Receiving party'),
  service: z.string().min(1),
  emergency: z.boolean().optional(),
  authorised: z.boolean().optional().describe('Prior authorisation already granted'),
  clauseId,
});

export const licenceRequestSchema = z.strictObject({
  kind: z.literal('licence'),
  profession: z.string().min(1),
  from: code.describe('Party that issued the licence'),
  to: code.describe('Party where the professional would practise'),
  temporary: z.boolean().optional().describe('Ask for an emergency temporary licence'),
  days: z.number().int().positive().optional(),
  clauseId,
});

export const waiverRequestSchema = z.strictObject({
  kind: z.literal('waiver'),
  scope: z.enum(WAIVER_SCOPES),
  party: code.describe('Party activating the waiver'),
  product: z.string().min(1).optional(),
  days: z.number().int().positive().optional(),
  clauseId,
});

export const escalationRequestSchema = z.strictObject({
  kind: z.literal('escalation'),
  party: code.describe('The affected party'),
  disease: z.string().min(1).optional(),
  level: z.number().int().min(0).max(4).optional().describe("The alert level; the context's level when absent"),
  clauseId,
});

export const milestoneRequestSchema = z.strictObject({
  kind: z.literal('milestone'),
  party: code.optional(),
  clauseId,
});

export const pactRequestSchema = z.discriminatedUnion('kind', [
  dataRequestSchema,
  stockReleaseRequestSchema,
  fundingRequestSchema,
  referralRequestSchema,
  licenceRequestSchema,
  waiverRequestSchema,
  escalationRequestSchema,
  milestoneRequestSchema,
]);

export type PactRequest = z.infer<typeof pactRequestSchema>;
export type RequestKind = PactRequest['kind'];
export type RequestOf<K extends RequestKind> = Extract<PactRequest, { kind: K }>;

export interface DecisionContext {
  /** The moment of the decision; the pact never reads a clock. */
  now: Date;
  alert?: AlertLevels;
  indicators?: Indicators;
  /** The sunset after renewals, when the pact was renewed; the document's sunset otherwise. */
  sunset?: string;
}

/** The JSON form of a context (CLI `--context`, HTTP bodies); `now` is an ISO 8601 instant. */
export const decisionContextSchema = z.strictObject({
  now: z.iso.datetime({ offset: true }).optional(),
  alert: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(4))).optional(),
  indicators: z.record(z.string(), z.number()).optional(),
  sunset: z.iso.date().optional(),
});

export type Obligation =
  | { type: 'suppress-below'; k: number }
  | { type: 'drop-fields'; fields: string[] }
  | { type: 'aggregate-to'; place: PlaceGranularity; time: TimeGranularity }
  | { type: 'retain-until'; date: string }
  | { type: 'require-consent' }
  | { type: 'notify'; parties: string[]; withinHours: number }
  | { type: 'lead'; by: string[] }
  | { type: 'decide-within'; hours: number; by: string[]; deadline: string }
  | { type: 'repay'; to: string; withinDays: number; inKind: boolean }
  | { type: 'disburse'; envelope: string; amount: number; currency: string; to: string; by: string }
  | { type: 'settle'; via: string; currency: string; perDay?: number; perCase?: number; periodDays: number }
  | { type: 'authorise-after'; by: string }
  | { type: 'meet-conditions'; conditions: string[] }
  | { type: 'expire-at'; date: string };

export type ObligationType = Obligation['type'];

export interface Decision {
  effect: 'permit' | 'deny';
  pactId: string;
  pactVersion: number;
  clauseId: string | null;
  obligations: Obligation[];
  /** Plain-words reasons, each `CODE: sentence` (docs/pact.md, "Decision reasons"). */
  reasons: string[];
}
