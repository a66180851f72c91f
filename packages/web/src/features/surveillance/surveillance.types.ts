/**
 * The surveillance context's answers as the dashboard reads them (mirrors
 * packages/server/src/modules/surveillance/read.routes.ts and its services).
 * Counts a reader outside the party may not see exactly arrive as null with
 * `suppressed: true`; detection figures are null when the pact does not
 * share them (`detectionShared: false`).
 */
export const DETECTION_METHODS = ['ears-c1', 'ears-c2', 'ears-c3', 'farrington', 'farrington-noufaily', 'farrington-noufaily-muan', 'cusum'] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

export const SIGNAL_STATUSES = ['new', 'dismissed', 'promoted', 'withdrawn'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export interface SeriesWeek {
  /** ISO 8601 week, e.g. 2026-W48. */
  week: string;
  weekStart: string;
  observed: number | null;
  lineList: number | null;
  reported: number | null;
  suppressed: boolean;
  method: string | null;
  threshold: number | null;
  expected: number | null;
  alarm: boolean | null;
  signal: { id: string; status: SignalStatus } | null;
}

export interface Series {
  party: string;
  disease: string;
  area: string;
  from: string;
  to: string;
  method: DetectionMethod | 'stored';
  /** Counts under this many are withheld from this reader (null: nothing withheld). */
  suppressionK: number | null;
  detectionShared: boolean;
  weeks: SeriesWeek[];
}

export interface SeriesQuery {
  party: string;
  disease: string;
  area: string;
  from?: string;
  to?: string;
  method?: DetectionMethod;
}

/** A party left out of a region-wide read, with the node's reason. */
export interface Refusal {
  party: string;
  code: string;
  message: string;
}

export interface Signal {
  id: string;
  party: string;
  disease: string;
  area: string;
  weekStart: string;
  week: string;
  method: string;
  observed: number;
  threshold: number | null;
  expected: number | null;
  raisedAt: string;
  status: SignalStatus;
  triagedAt: string | null;
  triagedBy: string | null;
  note: string | null;
  eventId: string | null;
  synthetic: boolean;
}

export interface SignalFilter {
  party?: string;
  disease?: string;
  area?: string;
  status?: SignalStatus;
  from?: string;
  to?: string;
  limit?: number;
}

export const BREAKDOWNS = ['ageBand', 'sex', 'classification', 'area'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface AggregateCell {
  party: string;
  disease: string;
  periodStart: string;
  period: string;
  periodEnd: string;
  area?: string;
  ageBand?: string;
  sex?: string;
  classification?: string;
  count: number | null;
  suppressed: boolean;
}

export interface Aggregates {
  source: 'cases' | 'reported';
  period: 'week' | 'day';
  weeks: 'iso' | 'mmwr' | null;
  by: Breakdown[];
  suppression: Record<string, number | null>;
  refused: Refusal[];
  cells: AggregateCell[];
}

export interface AggregateQuery {
  party?: string;
  disease?: string;
  area?: string;
  from?: string;
  to?: string;
  by: Breakdown[];
  source?: 'cases' | 'reported';
}
