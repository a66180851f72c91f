/**
 * The governance context's answers as the dashboard reads them
 * (packages/server/src/modules/governance/governance.routes.ts and the
 * decision log of modules/pact/pact.routes.ts; docs/governance.md).
 */
import type { BreachClock } from './breach-clock.ts';
import type { Obligation } from '../pact/pact.types.ts';

export interface StoredDecision {
  id: string;
  at: string;
  pactId: string | null;
  pactVersion: number | null;
  clauseId: string | null;
  effect: 'permit' | 'deny';
  kind: string;
  request: Record<string, unknown>;
  obligations: Obligation[];
  reasons: string[];
  parties: string[];
  actor: string;
  purpose: string | null;
}

export interface DecisionFilter {
  party?: string;
  effect?: 'permit' | 'deny';
  kind?: string;
  clauseId?: string;
  before?: string;
  limit?: number;
}

export interface AccessRow {
  id: string;
  at: string;
  actor: string;
  actorJurisdiction: string | null;
  role: string | null;
  dataset: string;
  owner: string;
  purpose: string;
  action: 'read' | 'send';
  recipient: string | null;
  basis: 'own-jurisdiction' | 'pact';
  decisionId: string | null;
  pactId: string | null;
  pactVersion: number | null;
  clauseId: string | null;
  records: number;
  fields: string[];
  subjects: string[];
}

export type BreachStatus = 'reported' | 'assessed' | 'contained' | 'notified' | 'closed';
export type Risk = 'unlikely' | 'risk' | 'high';

export interface Remedy {
  action: string;
  owner: string;
  due: string;
  doneAt: string | null;
}

export type ContentItem = 'nature' | 'data-subjects' | 'records' | 'contact-point' | 'likely-consequences' | 'measures' | 'reasons-for-delay';

export interface Breach {
  id: string;
  party: string;
  title: string;
  nature: string;
  awareAt: string;
  reportedAt: string;
  reportedBy: string;
  status: BreachStatus;
  risk: Risk | null;
  notificationRequired: boolean | null;
  dataSubjects: string | null;
  subjectsApprox: number | null;
  records: string | null;
  recordsApprox: number | null;
  likelyConsequences: string | null;
  measures: string | null;
  contactPoint: string | null;
  authority: string | null;
  reasonsForDelay: string | null;
  containedAt: string | null;
  notifiedAt: string | null;
  subjectsNotifiedAt: string | null;
  closedAt: string | null;
  remedies: Remedy[];
  clock: BreachClock;
  missingContent: ContentItem[];
}

export interface BreachEvent {
  at: string;
  actor: string;
  type: string;
  details: Record<string, unknown>;
}

export interface BreachDetail extends Breach {
  timeline: BreachEvent[];
}

export interface RetentionRun {
  id: string;
  at: string;
  target: string;
  deleted: number;
  anonymised: number;
  items: string[];
}

export interface RetentionOverview {
  targets: { name: string; description: string }[];
  runs: RetentionRun[];
}

export interface KeyRotation {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  targetKid: string;
  total: number;
  done: number;
  status: 'running' | 'done' | 'failed';
  error: string | null;
}

/** An alert to a focal point or hub coordinator: a breach's 72-hour clock ran out unnotified. */
export interface BreachAlert {
  id: string;
  breachId: string;
  kind: 'overdue';
  jurisdiction: string;
  role: string;
  raisedAt: string;
  deadline: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  title: string;
  party: string;
  status: string;
}
