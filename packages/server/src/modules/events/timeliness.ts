import { daysBetween, evaluate717, type Interval, type SevenOneSevenResult, type TimelinessEvent } from '@concord/core';
import type { EventRecord } from './events.repo.ts';

/** The 7-1-7 view of a stored event (core decides; this only maps fields). */
export const timelinessEvent = (event: EventRecord): TimelinessEvent => ({
  id: event.id,
  party: event.party,
  ...(event.emergenceDate ? { emergenceDate: event.emergenceDate } : {}),
  ...(event.detectionDate ? { detectionDate: event.detectionDate } : {}),
  ...(event.notificationDate ? { notificationDate: event.notificationDate } : {}),
  responseActions: event.responseActions,
  bottlenecks: event.bottlenecks,
  enablers: event.enablers,
});

export const timelinessOf = (event: EventRecord): SevenOneSevenResult => evaluate717(timelinessEvent(event));

export interface RunningClock {
  interval: Interval;
  /** The date the interval started from. */
  since: string;
  target: number;
  elapsedDays: number;
  /** Negative once the target is missed. */
  remainingDays: number;
}

/**
 * The 7-1-7 clock that is running now for an open event: the first interval
 * still pending whose start is known. Null when nothing runs (all three
 * settled, or the emergence date is not known yet).
 */
export const runningClock = (event: EventRecord, result: SevenOneSevenResult, today: string): RunningClock | null => {
  const candidates: [Interval, string | null, SevenOneSevenResult['detect']][] = [
    ['detection', event.emergenceDate, result.detect],
    ['notification', event.detectionDate, result.notify],
    ['response', event.notificationDate, result.respond],
  ];
  for (const [interval, since, outcome] of candidates) {
    if (outcome.status !== 'pending') continue;
    if (since === null) return null;
    const elapsedDays = daysBetween(since, today);
    return { interval, since, target: outcome.target, elapsedDays, remainingDays: outcome.target - elapsedDays };
  }
  return null;
};
