/**
 * The pact context's answers as the dashboard reads them
 * (packages/server/src/modules/pact/pact.routes.ts and, for the shapes,
 * docs/pact.md). Dates are ISO 8601 strings; calendar dates YYYY-MM-DD.
 */
export const CLAUSE_KINDS = [
  'data-sharing',
  'stockpile-sharing',
  'funding-trigger',
  'referral-corridor',
  'licensure-recognition',
  'emergency-waiver',
  'escalation',
  'milestone',
] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

export type PactState = 'draft' | 'signed' | 'in-force' | 'suspended' | 'expired';

export interface PactStatus {
  state: PactState;
  version: number | null;
  effective: string | null;
  sunset: string | null;
  amended: boolean;
  renewed: boolean;
  pending: number[];
}

export interface PactSummary {
  id: string;
  title: string;
  status: PactStatus;
}

export interface Signature {
  party: string;
  signature: string;
  at: string;
}

export interface SignatureStatus {
  complete: boolean;
  signed: string[];
  missing: string[];
  invalid: string[];
}

export interface VersionSummary {
  version: number;
  effective: string;
  sunset: string;
  amends: number | null;
  clauses: number;
  canonicalSha256: string;
  createdAt: string;
  createdBy: string;
  signatures: Signature[];
  signatureStatus: SignatureStatus;
}

export interface LifecycleEventRow {
  type: 'signed' | 'suspended' | 'resumed' | 'renewed';
  version: number | null;
  party: string | null;
  sunset: string | null;
  reason: string | null;
  at: string;
  actor: string;
}

export interface PactDetail extends PactSummary {
  versions: VersionSummary[];
  events: LifecycleEventRow[];
}

export interface PactMember {
  code: string;
  name: string;
  node?: { url: string; publicKey?: string };
}

/** The parts of a pact document the pages read; the rest is in the clauses' plain words. */
export interface PactDocument {
  id: string;
  title: string;
  version: number;
  amends?: number;
  hub: PactMember;
  parties: PactMember[];
  effective: string;
  sunset: string;
  renewalNoticeDays: number;
  clauses: { id: string; kind: ClauseKind; title: string; summary?: string; parties?: string[] }[];
}

export interface VersionDetail {
  document: PactDocument;
  source: string;
  sourceFormat: 'yaml' | 'json';
  canonicalSha256: string;
}

export interface DescribedClause {
  id: string;
  kind: ClauseKind;
  title: string;
  sentences: string[];
}

export interface PactDiff {
  from: number;
  to: number;
  sentences: string[];
}

export type EscalationRole = 'lead' | 'decide' | 'notify';

export type PartyDuty =
  | { type: 'hold-reserve'; clauseId: string; products: string[]; share: number; text: string }
  | {
      type: 'report';
      clauseId: string;
      dataset: string;
      to: string[];
      frequency: 'weekly' | 'monthly';
      period: { start: string; end: string };
      deadline: string;
      text: string;
    }
  | {
      type: 'meet-milestone';
      clauseId: string;
      milestone: { party: string | null; target: number; comparison: string; due: string; state: 'met' | 'open' | 'missed'; daysLeft: number; value?: number; error?: string };
      text: string;
    }
  | { type: 'renewal-notice'; by: string; sunset: string; text: string }
  | {
      type: 'escalation';
      clauseId: string;
      affectedParty: string;
      disease: string;
      level: number;
      levelName: string;
      roles: EscalationRole[];
      deadlineHours: number;
      text: string;
    };

export interface Duties {
  pactVersion: number | null;
  duties: PartyDuty[];
}

export interface TriggerEvaluation {
  clauseId: string;
  recipient: string;
  fired: boolean;
  value?: number;
  threshold?: number;
  comparison?: string;
  envelopeId: string;
  currency: string;
  amount: number;
  disburseBy?: string;
  reason: string;
}

export interface Triggers {
  pactVersion: number | null;
  triggers: TriggerEvaluation[];
}

export type Obligation =
  | { type: 'suppress-below'; k: number }
  | { type: 'drop-fields'; fields: string[] }
  | { type: 'aggregate-to'; place: string; time: string }
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

export interface Decision {
  id: string | null;
  at: string;
  effect: 'permit' | 'deny';
  pactId: string;
  pactVersion: number;
  clauseId: string | null;
  obligations: Obligation[];
  reasons: string[];
}

/** A request to the decision point (docs/pact.md, "Decisions"); the form builds one of these. */
export type DecisionRequest = { kind: string } & Record<string, unknown>;

export interface DecisionContextInput {
  now?: string;
  alert?: Record<string, Record<string, number>>;
  indicators?: Record<string, number>;
}
