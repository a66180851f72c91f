import type { SevenOneSevenReport, SevenOneSevenSummary, TargetShare } from './events.types.ts';

/**
 * The 7-1-7 summary as rows and bars: one per party (code order), then the
 * region. The toolkit asks for the share of events meeting each target and
 * all three; pending events are counted beside the share, never as misses
 * (core/events/seven-one-seven-summary.ts).
 */
export const MEASURES = ['detect', 'notify', 'respond', 'all'] as const;
export type Measure = (typeof MEASURES)[number];

export interface ReportRow {
  /** A party code, or `region`. */
  key: string;
  summary: SevenOneSevenSummary;
}

export const reportRows = (report: SevenOneSevenReport): ReportRow[] => [
  ...Object.keys(report.parties)
    .sort()
    .map((key) => ({ key, summary: report.parties[key]! })),
  { key: 'region', summary: report.region },
];

/** Grouped bars: a category per row, a series per measure, each value a share (null: nothing settled yet). */
export const shareBars = (rows: readonly ReportRow[], name: (measure: Measure) => string, label: (key: string) => string) => ({
  categories: rows.map((row) => label(row.key)),
  series: MEASURES.map((measure) => ({ name: name(measure), values: rows.map((row) => row.summary[measure].share) })),
});

/** How many events a share was taken over (met + not met), beside those still pending. */
export const settled = (share: TargetShare): number => share.met + share.notMet;
