/**
 * 7-1-7 performance over many events, per party and for the region. The
 * toolkit asks for the proportion of events that met each target and all
 * three, not median intervals: a median of 6 days can hide that half the
 * events took far longer. Shares are taken over events whose interval can
 * be computed; pending events are counted beside them, never as misses.
 */
import type { CauseCategory, Interval, SevenOneSevenResult, TargetStatus } from './seven-one-seven.ts';

export interface TargetShare {
  met: number;
  notMet: number;
  pending: number;
  /** met / (met + notMet); null while no event is computable. */
  share: number | null;
}

export interface SevenOneSevenSummary {
  events: number;
  detect: TargetShare;
  notify: TargetShare;
  respond: TargetShare;
  all: TargetShare;
  /** How often each cause category was recorded as a bottleneck, per interval. */
  bottlenecks: Record<Interval, Record<CauseCategory, number>>;
  enablers: Record<Interval, Record<CauseCategory, number>>;
}

const shareOf = (statuses: readonly TargetStatus[]): TargetShare => {
  const met = statuses.filter((s) => s === 'met').length;
  const notMet = statuses.filter((s) => s === 'not-met').length;
  return { met, notMet, pending: statuses.length - met - notMet, share: met + notMet === 0 ? null : met / (met + notMet) };
};

const INTERVALS: readonly Interval[] = ['detection', 'notification', 'response'];

const tally = (results: readonly SevenOneSevenResult[], pick: (r: SevenOneSevenResult) => SevenOneSevenResult['bottlenecks']) =>
  Object.fromEntries(
    INTERVALS.map((interval) => {
      const counts: Record<CauseCategory, number> = { technical: 0, operational: 0, political: 0 };
      for (const r of results) for (const f of pick(r)[interval]) counts[f.category] += 1;
      return [interval, counts];
    }),
  ) as Record<Interval, Record<CauseCategory, number>>;

export const summarise717 = (results: readonly SevenOneSevenResult[]): SevenOneSevenSummary => ({
  events: results.length,
  detect: shareOf(results.map((r) => r.detect.status)),
  notify: shareOf(results.map((r) => r.notify.status)),
  respond: shareOf(results.map((r) => r.respond.status)),
  all: shareOf(results.map((r) => r.overall)),
  bottlenecks: tally(results, (r) => r.bottlenecks),
  enablers: tally(results, (r) => r.enablers),
});

/** The region's summary and one per party (parties in code order). */
export const summarise717ByParty = (results: readonly SevenOneSevenResult[]): { region: SevenOneSevenSummary; parties: Record<string, SevenOneSevenSummary> } => {
  const parties = [...new Set(results.map((r) => r.party))].sort();
  return {
    region: summarise717(results),
    parties: Object.fromEntries(parties.map((p) => [p, summarise717(results.filter((r) => r.party === p))])),
  };
};
