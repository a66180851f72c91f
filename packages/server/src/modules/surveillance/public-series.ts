import { addDays, epiWeek, formatWeek } from '@concord/core';
import type { ChannelRow } from './public-cases.repo.ts';

/**
 * The public weekly series, as pure functions of the counts read: one
 * national figure per party, disease and ISO week, then small-cell
 * suppression with the k each party's clause sets.
 */
// A type, not an interface: the cells go through dropFields, which takes plain records.
export type PublicWeekCell = {
  party: string;
  disease: string;
  /** The Monday the ISO week starts. */
  weekStart: string;
  /** 2026-W05. */
  week: string;
  /** Null when suppressed. */
  count: number | null;
  suppressed: boolean;
};

/** Every Monday from `from` to `to`, both Mondays, both included. */
export const mondaysBetween = (from: string, to: string): string[] => {
  const weeks: string[] = [];
  for (let week = from; week <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
};

/**
 * The week's national figure is the larger of the two channels, the rule
 * detection and the indicators use: a party that reports counts and also
 * sends a line list for the same week is not counted twice, and one that
 * uses only one channel is counted once. A party × disease with at least
 * one case in the window gets every week, zeros included (a zero identifies
 * nobody); one with none is left out. Counts from 1 to k − 1 are withheld.
 */
export const nationalSeries = (
  channels: { lineList: readonly ChannelRow[]; reported: readonly ChannelRow[] },
  weeks: readonly string[],
  kOf: (party: string) => number | null,
): PublicWeekCell[] => {
  const totals = new Map<string, Map<string, number>>();
  for (const row of [...channels.lineList, ...channels.reported]) {
    const key = `${row.party}|${row.disease}`;
    let byWeek = totals.get(key);
    if (!byWeek) totals.set(key, (byWeek = new Map()));
    byWeek.set(row.weekStart, Math.max(byWeek.get(row.weekStart) ?? 0, Number(row.count)));
  }
  const cells: PublicWeekCell[] = [];
  for (const key of [...totals.keys()].sort()) {
    const byWeek = totals.get(key)!;
    if (![...byWeek.values()].some((n) => n > 0)) continue;
    const [party, disease] = key.split('|') as [string, string];
    const k = kOf(party);
    for (const weekStart of weeks) {
      const count = byWeek.get(weekStart) ?? 0;
      const hide = k !== null && count > 0 && count < k;
      cells.push({ party, disease, weekStart, week: formatWeek(epiWeek(weekStart, 'iso')), count: hide ? null : count, suppressed: hide });
    }
  }
  return cells;
};
