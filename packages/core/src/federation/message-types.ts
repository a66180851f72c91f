/**
 * The messages nodes exchange, one payload schema per type. Payloads are
 * strict: a field the type does not define is refused, so nothing rides
 * along that the pact check did not see. Person-level parts (a line list in
 * an alert, a patient in a referral) use the field names of their catalogue
 * dataset, so a clause's `dropFields` applies to them by name.
 */
import { z } from 'zod';
import { findDataset } from '../catalogue/datasets.ts';
import { PLACE_GRANULARITIES, PROFESSIONS, PURPOSES, REFERRAL_SERVICES, TIME_GRANULARITIES } from '../pact/vocabulary.ts';

export const MESSAGE_TYPES = [
  'aggregate-submission',
  'alert',
  'alert-update',
  'stock-request',
  'stock-answer',
  'referral-request',
  'referral-status',
  'licence-verification',
  'sanction-alert',
  'disbursement-notice',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const jurisdictionCode = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, 'a party or hub code such as KE or EAC');
const reference = z.string().min(1).max(120);
const text = (max: number) => z.string().min(1).max(max);
const date = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const alertLevel = z.number().int().min(1).max(4);
const disease = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a catalogue disease code');
const product = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a catalogue product id');

/** Periods: a day `2026-03-02`, an ISO week `2026-W10`, or a month `2026-03`. */
export const periodSchema = z.string().regex(/^\d{4}-(\d{2}-\d{2}|W\d{2}|\d{2})$/, 'a day (YYYY-MM-DD), ISO week (YYYY-Www) or month (YYYY-MM)');

/** One count of the aggregate-counts dataset; `count` is null when suppressed. */
export const aggregateCellSchema = z.strictObject({
  area: z.string().min(1).max(40).optional(),
  period: periodSchema,
  ageBand: z.string().min(1).max(20).optional(),
  sex: z.enum(['male', 'female', 'unknown']).optional(),
  classification: z.enum(['suspected', 'probable', 'confirmed']).optional(),
  count: count.nullable(),
  suppressed: z.boolean().optional(),
});
export type AggregateCell = z.infer<typeof aggregateCellSchema>;

/** A record of a person-level dataset: only the dataset's own field names. */
const datasetRecord = (datasetId: string) => {
  const fields = findDataset(datasetId)?.fields ?? [];
  const value = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
  return z.strictObject(Object.fromEntries(fields.map((field) => [field, value.optional()])));
};

export const caseReportSchema = datasetRecord('case-reports');
export type CaseReport = z.infer<typeof caseReportSchema>;
export const referralPatientSchema = datasetRecord('referrals');

/** An alert level a party states about itself, which the decision then reads. */
const declaredAlert = z.strictObject({ disease, level: z.number().int().min(0).max(4) });

const aggregateSubmission = z.strictObject({
  submissionId: reference,
  party: jurisdictionCode,
  disease,
  purpose: z.enum(PURPOSES).default('surveillance'),
  granularity: z.strictObject({ place: z.enum(PLACE_GRANULARITIES).exclude(['person']), time: z.enum(TIME_GRANULARITIES) }),
  periodStart: date,
  periodEnd: date,
  cells: z.array(aggregateCellSchema).max(100_000),
});

const alertFields = {
  alertId: reference,
  party: jurisdictionCode,
  disease,
  level: alertLevel,
  cases: count.optional(),
  deaths: count.optional(),
  caseReports: z.array(caseReportSchema).max(10_000).optional(),
  /** How many line-list records the sender held back because no clause let them cross. */
  caseReportsWithheld: count.optional(),
};

const alert = z.strictObject({
  ...alertFields,
  title: text(300),
  summary: z.string().max(5000).optional(),
  area: z.string().min(1).max(40).optional(),
  onsetDate: date.optional(),
  detectedAt: instant,
});

const alertUpdate = z.strictObject({
  ...alertFields,
  revision: z.number().int().min(1),
  status: z.enum(['verified', 'discarded', 'escalated', 'de-escalated', 'responding', 'closed', 'update']),
  note: z.string().max(5000).optional(),
  changedAt: instant,
});

const stockRequest = z.strictObject({
  requestId: reference,
  party: jurisdictionCode.describe('The party asking'),
  holder: jurisdictionCode.describe('The party or hub holding the reserve'),
  product,
  quantity: z.number().positive(),
  reason: text(2000),
  neededBy: date.optional(),
  alert: declaredAlert.optional(),
});

const stockAnswer = z.strictObject({
  requestId: reference,
  party: jurisdictionCode.describe('The party that asked'),
  holder: jurisdictionCode,
  product,
  decision: z.enum(['approved', 'partially-approved', 'declined']),
  quantity: z.number().min(0),
  note: z.string().max(2000).optional(),
  askerAlert: declaredAlert.optional(),
  decidedAt: instant,
});

const referralRequest = z.strictObject({
  referralId: reference,
  party: jurisdictionCode.describe('The referring party'),
  fromFacility: reference,
  toFacility: reference.optional(),
  service: z.enum(REFERRAL_SERVICES),
  urgency: z.enum(['routine', 'urgent', 'emergency']),
  emergency: z.boolean(),
  requestedAt: instant,
  patient: referralPatientSchema.optional(),
  patientWithheld: z.boolean().optional(),
});

/** FHIR Task statuses (R4) that a receiving party reports back. */
const referralStatus = z.strictObject({
  referralId: reference,
  party: jurisdictionCode.describe('The referring party'),
  service: z.enum(REFERRAL_SERVICES),
  status: z.enum(['accepted', 'rejected', 'in-progress', 'completed', 'cancelled']),
  note: z.string().max(2000).optional(),
  at: instant,
});

const licenceVerification = z.strictObject({
  requestId: reference,
  kind: z.enum(['request', 'result']),
  profession: z.enum(PROFESSIONS),
  licenceNumber: reference,
  issuer: jurisdictionCode,
  host: jurisdictionCode,
  status: z.enum(['valid', 'suspended', 'revoked', 'expired', 'unknown']).optional(),
  validUntil: date.optional(),
  temporary: z.boolean().optional(),
  days: z.number().int().positive().optional(),
});

const sanctionAlert = z.strictObject({
  sanctionId: reference,
  profession: z.enum(PROFESSIONS),
  licenceNumber: reference,
  issuer: jurisdictionCode,
  sanction: z.enum(['suspended', 'revoked', 'restricted']),
  effectiveFrom: date,
  until: date.optional(),
  reason: text(2000),
});

const disbursementNotice = z.strictObject({
  disbursementId: reference,
  party: jurisdictionCode.describe('The recipient'),
  envelope: reference,
  amount: z.number().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** The indicator values that released the money, published with it. */
  indicators: z.record(z.string().min(1), z.number()),
  dueBy: date.optional(),
});

export const PAYLOAD_SCHEMAS = {
  'aggregate-submission': aggregateSubmission,
  alert,
  'alert-update': alertUpdate,
  'stock-request': stockRequest,
  'stock-answer': stockAnswer,
  'referral-request': referralRequest,
  'referral-status': referralStatus,
  'licence-verification': licenceVerification,
  'sanction-alert': sanctionAlert,
  'disbursement-notice': disbursementNotice,
} as const satisfies Record<MessageType, z.ZodType>;

export type PayloadOf<T extends MessageType> = z.infer<(typeof PAYLOAD_SCHEMAS)[T]>;
export type AnyPayload = { [T in MessageType]: PayloadOf<T> }[MessageType];

/** A typed message body: the type and its payload, before it has an envelope. */
export type MessageBody = { [T in MessageType]: { type: T; payload: PayloadOf<T> } }[MessageType];

export const isMessageType = (value: string): value is MessageType => (MESSAGE_TYPES as readonly string[]).includes(value);

/** Parses a payload for its type; the problems as `path: message` lines when it does not fit. */
export const parsePayload = (type: MessageType, payload: unknown): { ok: true; body: MessageBody } | { ok: false; problems: string[] } => {
  const parsed = PAYLOAD_SCHEMAS[type].safeParse(payload);
  if (parsed.success) return { ok: true, body: { type, payload: parsed.data } as MessageBody };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'payload'}: ${issue.message}`) };
};
