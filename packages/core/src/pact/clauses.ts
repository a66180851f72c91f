/**
 * The clause kinds of a pact (PRODUCT.md, "The pact: an agreement as code"),
 * one zod schema each. Objects are strict so that a misspelt key is an error
 * the negotiator sees, not a promise silently dropped; nothing has a default
 * so that the parsed pact is byte-for-byte the document the parties signed.
 */
import { z } from 'zod';
import {
  COMPARISONS,
  PLACE_GRANULARITIES,
  PROFESSIONS,
  PURPOSES,
  RECOGNITION_MODES,
  REFERRAL_SERVICES,
  REPORTING_FREQUENCIES,
  TIME_GRANULARITIES,
  WAIVER_SCOPES,
} from './vocabulary.ts';

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug: lower-case letters, digits and single hyphens')
  .describe('A stable identifier: lower-case letters, digits and single hyphens');
export const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD (UTC)');
export const cel = z.string().min(1).describe('A CEL expression (https://cel.dev) over the documented decision context');
export const positiveInt = z.number().int().positive();
export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as USD')
  .describe('ISO 4217 currency code');

/** A party code, the hub code, or `all-parties`; `public` is also allowed where data may go to the public. */
export const partyRef = z.string().min(1).describe('A party code, the hub code, or all-parties');
export const partyRefs = z.array(partyRef).min(1);
/** A party reference, a relative actor (affected-party, requesting-party), a role, or `<party>/<role>`. */
export const actorRef = z
  .string()
  .min(1)
  .describe('A party or hub code, affected-party, requesting-party, a role, or <party>/<role>');
export const actorRefs = z.union([actorRef, z.array(actorRef).min(1)]);

const clauseBase = {
  id: slug.describe('Stable clause id, unique in the pact; decisions cite it'),
  title: z.string().min(1),
  summary: z.string().optional().describe('What the clause promises, in plain words'),
  parties: partyRefs.optional().describe('The parties bound by the clause; all parties when absent'),
};

export const granularitySchema = z.strictObject({
  place: z.enum(PLACE_GRANULARITIES),
  time: z.enum(TIME_GRANULARITIES),
});

export const dataSharingClause = z
  .strictObject({
    ...clauseBase,
    kind: z.literal('data-sharing'),
    dataset: z.string().min(1).describe('A dataset id from the catalogue'),
    from: partyRefs.describe('Whose data: the parties that share'),
    to: partyRefs.describe('Who receives: parties, the hub, or public'),
    purposes: z.array(z.enum(PURPOSES)).min(1),
    roles: z.array(z.string().min(1)).min(1).optional().describe('Requester roles allowed; any role when absent'),
    granularity: granularitySchema.describe('The finest place and time detail that may be shared'),
    minCellSize: z.number().int().min(1).optional().describe('k: counts below k are suppressed'),
    fields: z.array(z.string().min(1)).min(1).optional().describe('The only fields that may be shared'),
    dropFields: z.array(z.string().min(1)).min(1).optional().describe('Fields removed before sharing'),
    retentionDays: positiveInt.describe('Days the recipient may keep the data'),
    consentRequired: z.boolean().optional(),
    condition: cel.optional().describe('CEL boolean: the clause permits only while it is true'),
    reporting: z
      .strictObject({
        frequency: z.enum(REPORTING_FREQUENCIES),
        deadlineDays: z.number().int().min(0).describe('Days after the end of each period'),
      })
      .optional()
      .describe('A duty on the `from` parties to send the data every period'),
  })
  .refine((clause) => !(clause.fields && clause.dropFields), {
    message: 'give either fields (allowed) or dropFields, not both',
    path: ['dropFields'],
  });

const shareFraction = z.number().gt(0).max(1);
export const stockpileSharingClause = z.strictObject({
  ...clauseBase,
  kind: z.literal('stockpile-sharing'),
  products: z.array(z.string().min(1)).min(1).describe('Product ids from the catalogue'),
  reserveShare: z
    .union([shareFraction, z.record(z.string(), shareFraction)])
    .describe('Fraction of national stock held in reserve: one number, or one per party code'),
  releaseCondition: cel.describe('CEL boolean: when a release may be requested'),
  decidedBy: actorRefs,
  decisionDeadlineHours: positiveInt,
  repayment: z.strictObject({ withinDays: positiveInt, inKind: z.boolean() }),
});

export const fundingTriggerClause = z
  .strictObject({
    ...clauseBase,
    kind: z.literal('funding-trigger'),
    envelope: z.strictObject({ id: slug, currency, amount: z.number().positive() }),
    indicator: cel.optional().describe('CEL expression evaluating to a number'),
    threshold: z.number().optional(),
    comparison: z.enum(COMPARISONS).optional().describe('How the indicator is compared with the threshold; >= when absent'),
    condition: cel.optional().describe('CEL boolean; with an indicator, both must hold'),
    amount: z.number().positive().optional().describe('Amount per recipient, in the envelope currency'),
    share: z.number().gt(0).max(1).optional().describe('Fraction of the envelope per recipient'),
    disbursementDeadlineDays: positiveInt,
    recipients: partyRefs,
  })
  .refine((c) => (c.indicator === undefined) === (c.threshold === undefined), {
    message: 'indicator and threshold go together',
    path: ['threshold'],
  })
  .refine((c) => c.indicator !== undefined || c.condition !== undefined, {
    message: 'give an indicator with a threshold, or a condition',
    path: ['indicator'],
  })
  .refine((c) => (c.amount === undefined) !== (c.share === undefined), {
    message: 'give exactly one of amount or share',
    path: ['amount'],
  });

export const referralCorridorClause = z
  .strictObject({
    ...clauseBase,
    kind: z.literal('referral-corridor'),
    services: z.array(z.enum(REFERRAL_SERVICES)).min(1),
    priorAuthorisation: z.boolean(),
    emergencyOverride: z.boolean(),
    tariff: z
      .strictObject({ currency, perDay: z.number().positive().optional(), perCase: z.number().positive().optional() })
      .refine((t) => t.perDay !== undefined || t.perCase !== undefined, 'give perDay, perCase or both'),
    settlement: z.strictObject({ periodDays: positiveInt, via: partyRef.describe('Who clears the accounts, e.g. the hub') }),
    condition: cel.optional(),
  })
  .refine((c) => c.parties !== undefined, { message: 'a referral corridor names its parties', path: ['parties'] });

export const licensureRecognitionClause = z
  .strictObject({
    ...clauseBase,
    kind: z.literal('licensure-recognition'),
    professions: z.array(z.enum(PROFESSIONS)).min(1),
    mode: z.enum(RECOGNITION_MODES),
    conditions: z.array(z.string().min(1)).min(1).optional().describe('What a conditional recognition requires'),
    emergencyTemporaryLicence: z
      .strictObject({ maxDays: positiveInt, condition: cel })
      .optional(),
  })
  .refine((c) => c.mode !== 'conditional' || c.conditions !== undefined, {
    message: 'a conditional recognition lists its conditions',
    path: ['conditions'],
  });

export const emergencyWaiverClause = z.strictObject({
  ...clauseBase,
  kind: z.literal('emergency-waiver'),
  scope: z.enum(WAIVER_SCOPES),
  products: z.array(z.string().min(1)).min(1).optional(),
  activation: cel.describe('CEL boolean: when the waiver may be activated'),
  maxDurationDays: positiveInt,
});

export const escalationLevel = z.strictObject({
  level: z.number().int().min(1).max(4),
  name: z.string().min(1),
  lead: actorRef,
  decides: actorRef,
  notify: z.array(actorRef).min(1),
  deadlineHours: positiveInt,
});

export const escalationClause = z
  .strictObject({
    ...clauseBase,
    kind: z.literal('escalation'),
    diseases: z.array(z.string().min(1)).min(1).optional().describe('Disease codes; every disease when absent'),
    levels: z.array(escalationLevel).min(1),
  })
  .refine((c) => new Set(c.levels.map((l) => l.level)).size === c.levels.length, {
    message: 'each alert level appears once',
    path: ['levels'],
  });

export const milestoneClause = z.strictObject({
  ...clauseBase,
  kind: z.literal('milestone'),
  indicator: cel.describe('CEL expression evaluating to a number'),
  target: z.number(),
  comparison: z.enum(COMPARISONS).optional().describe('>= when absent'),
  due: isoDate,
  party: partyRef.optional().describe('The party that owes the milestone; all-parties means each party'),
});

export const clauseSchema = z.discriminatedUnion('kind', [
  dataSharingClause,
  stockpileSharingClause,
  fundingTriggerClause,
  referralCorridorClause,
  licensureRecognitionClause,
  emergencyWaiverClause,
  escalationClause,
  milestoneClause,
]);

export type Clause = z.infer<typeof clauseSchema>;
export type ClauseKind = Clause['kind'];
export type ClauseOf<K extends ClauseKind> = Extract<Clause, { kind: K }>;
export type DataSharingClause = ClauseOf<'data-sharing'>;
export type StockpileSharingClause = ClauseOf<'stockpile-sharing'>;
export type FundingTriggerClause = ClauseOf<'funding-trigger'>;
export type ReferralCorridorClause = ClauseOf<'referral-corridor'>;
export type LicensureRecognitionClause = ClauseOf<'licensure-recognition'>;
export type EmergencyWaiverClause = ClauseOf<'emergency-waiver'>;
export type EscalationClause = ClauseOf<'escalation'>;
export type MilestoneClause = ClauseOf<'milestone'>;
export type EscalationLevel = z.infer<typeof escalationLevel>;

export const CLAUSE_KINDS: readonly ClauseKind[] = [
  'data-sharing',
  'stockpile-sharing',
  'funding-trigger',
  'referral-corridor',
  'licensure-recognition',
  'emergency-waiver',
  'escalation',
  'milestone',
];
