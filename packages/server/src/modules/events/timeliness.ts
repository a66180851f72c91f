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
 * The 7-1-7 clock that is running now for an open event: the interval whose
 * end is the first milestone not reached yet (detection, notification, then
 * the completed early response), counted from the milestone before it.
 * Null when all three are reached, or when the interval's start is not
 * known (an emergence date still to be established).
 */
export const runningClock = (event: EventRecord, result: SevenOneSevenResult, today: string): RunningClock | null => {
  const frontier: [Interval, string | null, SevenOneSevenResult['detect']] | undefined = !event.detectionDate
    ? ['detection', event.emergenceDate, result.detect]
    : !event.notificationDate
      ? ['notification', event.detectionDate, result.notify]
      : result.responseCompletionDate === null
        ? ['response', event.notificationDate, result.respond]
        : undefined;
  if (!frontier || frontier[1] === null) return null;
  const [interval, since, outcome] = frontier;
  const elapsedDays = daysBetween(since, today);
  return { interval, since, target: outcome.target, elapsedDays, remainingDays: outcome.target - elapsedDays };
};
