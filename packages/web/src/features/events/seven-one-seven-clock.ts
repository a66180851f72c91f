import { splitMinutes } from './duration.ts';
import type { EventRecord, Interval, IntervalResult, RunningClock, SevenOneSevenResult } from './events.types.ts';

/**
 * 7-1-7 clocks in the browser. The node says which interval is running and
 * since when (events/timeliness.ts); 7-1-7 counts whole calendar days, so an
 * interval still meets its target on day `since + target` and misses it from
 * the next day (00:00 UTC) on. The page recomputes the time left from that
 * instant while it is open, so a clock left on screen runs down by itself.
 */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The first instant at which the interval has missed its target. */
export const intervalDeadline = (since: string, target: number): Date => new Date(Date.parse(`${since}T00:00:00Z`) + (target + 1) * DAY_MS);

export type ClockTone = 'calm' | 'urgent' | 'late';

export interface IntervalClockReading {
  state: 'running' | 'overdue';
  /** Calendar days since the interval started, as 7-1-7 counts them (today − since). */
  elapsedDays: number;
  /** Time left before the target is missed (running), or since it was missed (overdue). */
  days: number;
  hours: number;
  minutes: number;
  deadline: string;
  tone: ClockTone;
}

export const readIntervalClock = (clock: Pick<RunningClock, 'since' | 'target'>, now: Date): IntervalClockReading => {
  const deadline = intervalDeadline(clock.since, clock.target);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const elapsedDays = Math.round((today - Date.parse(`${clock.since}T00:00:00Z`)) / DAY_MS);
  const left = deadline.getTime() - now.getTime();
  if (left > 0) {
    // Less than a day left is drawn as urgent; the words say the same.
    return { state: 'running', elapsedDays, ...splitMinutes(Math.floor(left / MINUTE_MS)), deadline: deadline.toISOString(), tone: left <= DAY_MS ? 'urgent' : 'calm' };
  }
  return { state: 'overdue', elapsedDays, ...splitMinutes(Math.ceil(Math.abs(left) / MINUTE_MS)), deadline: deadline.toISOString(), tone: 'late' };
};

export interface IntervalView {
  interval: Interval;
  result: IntervalResult;
  /** The milestones the interval runs between (null: not known yet). */
  from: string | null;
  to: string | null;
  /** Set on the one interval running now. */
  running: RunningClock | null;
}

/** The three intervals of an event with the dates they run between. */
export const intervalsOf = (event: Pick<EventRecord, 'emergenceDate' | 'detectionDate' | 'notificationDate'>, result: SevenOneSevenResult, clock: RunningClock | null): IntervalView[] => [
  { interval: 'detection', result: result.detect, from: event.emergenceDate, to: event.detectionDate, running: clock?.interval === 'detection' ? clock : null },
  { interval: 'notification', result: result.notify, from: event.detectionDate, to: event.notificationDate, running: clock?.interval === 'notification' ? clock : null },
  { interval: 'response', result: result.respond, from: event.notificationDate, to: result.responseCompletionDate, running: clock?.interval === 'response' ? clock : null },
];
