import type { DecisionClock, RequestStatus } from './stock.types.ts';

/**
 * A sharing request's decision clock, live in the browser: the node sends
 * the deadline the clause set (e.g. 48 hours after the request); while the
 * request waits for its decision the page recomputes the time left from
 * that deadline, so an open page turns "overdue" on its own.
 */
export type RequestClockState = 'open' | 'overdue' | 'decided-on-time' | 'decided-late';
export type RequestClockTone = 'calm' | 'urgent' | 'late' | 'done';

/** Less than this many hours left to decide is drawn as urgent. */
export const URGENT_HOURS = 12;

export interface RequestClockReading {
  state: RequestClockState;
  /** Whole hours and minutes left (open) or past the deadline (overdue). */
  hours: number;
  minutes: number;
  tone: RequestClockTone;
}

const split = (totalMinutes: number) => ({ hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 });

export const readRequestClock = (clock: DecisionClock, status: RequestStatus, now: Date): RequestClockReading => {
  if (status !== 'pending') {
    return { state: clock.decidedLate ? 'decided-late' : 'decided-on-time', hours: 0, minutes: 0, tone: clock.decidedLate ? 'late' : 'done' };
  }
  const left = Date.parse(clock.deadline) - now.getTime();
  if (left >= 0) {
    const minutes = Math.floor(left / 60_000);
    return { state: 'open', ...split(minutes), tone: minutes < URGENT_HOURS * 60 ? 'urgent' : 'calm' };
  }
  return { state: 'overdue', ...split(Math.ceil(-left / 60_000)), tone: 'late' };
};
