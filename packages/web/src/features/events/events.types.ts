/**
 * The events context's answers as the dashboard reads them (mirrors
 * packages/server/src/modules/events/events.routes.ts and
 * packages/core/src/events/seven-one-seven*.ts). Instants are ISO strings,
 * dates YYYY-MM-DD.
 */
export const EVENT_STATUSES = ['verification', 'confirmed', 'discarded', 'closed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type TargetStatus = 'met' | 'not-met' | 'pending';
export type Interval = 'detection' | 'notification' | 'response';
export const INTERVALS: readonly Interval[] = ['detection', 'notification', 'response'];
export type CauseCategory = 'technical' | 'operational' | 'political';
export const CAUSE_CATEGORIES: readonly CauseCategory[] = ['technical', 'operational', 'political'];

/** The seven early response actions of the 7-1-7 toolkit, in its order. */
export const EARLY_RESPONSE_ACTIONS = [
  'investigation',
  'epi-analysis',
  'lab-confirmation',
  'case-management-ipc',
  'community-countermeasures',
  'risk-communication',
  'coordination',
] as const;

export const IHR_CRITERIA = ['seriousImpact', 'unusualOrUnexpected', 'internationalSpread', 'travelOrTradeRestrictions'] as const;
export type IhrCriterion = (typeof IHR_CRITERIA)[number];

export interface ResponseActionRecord {
  action: string;
  applicable: boolean;
  completedOn?: string;
}

export interface TimelinessFactor {
  interval: Interval;
  category: CauseCategory;
  description: string;
  rootCause: string;
}

/** The 7-1-7 interval running now for an open event (server: events/timeliness.ts). */
export interface RunningClock {
  interval: Interval;
  since: string;
  target: number;
  elapsedDays: number;
  remainingDays: number;
}

export interface EventRecord {
  id: string;
  party: string;
  area: string | null;
  disease: string | null;
  title: string;
  summary: string | null;
  status: EventStatus;
  signalId: string | null;
  alertLevel: number | null;
  riskLevel: string | null;
  ihrOutcome: string | null;
  emergenceDate: string | null;
  detectionDate: string | null;
  notificationDate: string | null;
  responseActions: ResponseActionRecord[];
  bottlenecks: TimelinessFactor[];
  enablers: TimelinessFactor[];
  cases: number | null;
  deaths: number | null;
  openedAt: string;
  closedAt: string | null;
  synthetic: boolean;
}

export interface EventListItem extends EventRecord {
  sevenOneSeven: { overall: TargetStatus; detect: TargetStatus; notify: TargetStatus; respond: TargetStatus };
  clock: RunningClock | null;
}

export interface IntervalResult {
  interval: Interval;
  target: number;
  days: number | null;
  status: TargetStatus;
  pendingReason?: string;
}

export interface SevenOneSevenResult {
  detect: IntervalResult;
  notify: IntervalResult;
  respond: IntervalResult;
  responseCompletionDate: string | null;
  responseInitiationDate: string | null;
  overall: TargetStatus;
  bottlenecks: Record<Interval, TimelinessFactor[]>;
  enablers: Record<Interval, TimelinessFactor[]>;
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  actor: string;
  summary: string;
  details: Record<string, unknown>;
}

export interface RiskAssessment {
  id: string;
  at: string;
  likelihood: string;
  consequences: string;
  risk: string;
  alertLevel: number;
  rationale: string | null;
  assessedBy: string;
}

export interface IhrAssessment {
  id: string;
  at: string;
  answers: Partial<Record<IhrCriterion, boolean>>;
  potentialInternationalConcern: boolean;
  outcome: string;
  criteriaMet: string[];
  path: string[];
  reason: string;
  notifyBy: string | null;
  assessedBy: string;
}

export interface Escalation {
  id: string;
  at: string;
  alertLevel: number;
  effect: 'permit' | 'deny';
  pactId: string | null;
  pactVersion: number | null;
  clauseId: string | null;
  lead: string[];
  decides: string[];
  decideBy: string | null;
  reasons: string[];
}

export interface EventNotification {
  id: string;
  escalationId: string | null;
  channel: 'pact' | 'ihr';
  recipient: string;
  jurisdiction: string;
  role: string | null;
  alertLevel: number | null;
  sentAt: string;
  dueAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  overdueAt: string | null;
}

export interface EventDetail extends EventRecord {
  timeline: TimelineEntry[];
  riskAssessments: RiskAssessment[];
  ihrAssessments: IhrAssessment[];
  escalations: Escalation[];
  notifications: EventNotification[];
  sevenOneSeven: SevenOneSevenResult;
  clock: RunningClock | null;
}

export interface EventFilter {
  party?: string;
  disease?: string;
  status?: EventStatus;
  open?: boolean;
  from?: string;
  to?: string;
  limit?: number;
}

export interface TargetShare {
  met: number;
  notMet: number;
  pending: number;
  share: number | null;
}

export interface SevenOneSevenSummary {
  events: number;
  detect: TargetShare;
  notify: TargetShare;
  respond: TargetShare;
  all: TargetShare;
  bottlenecks: Record<Interval, Record<CauseCategory, number>>;
  enablers: Record<Interval, Record<CauseCategory, number>>;
}

export interface SevenOneSevenReport {
  region: SevenOneSevenSummary;
  parties: Record<string, SevenOneSevenSummary>;
}
