/**
 * The 72-hour clock of a personal-data breach (GDPR Art. 33), live in the
 * browser. The node sends the deadline and the state at the moment it
 * answered (core/events/breach-clock.ts); while the notification is still
 * owed, the page recomputes the time left from the deadline every minute,
 * so a page left open does not show a stale count.
 */
export type BreachClockStatus = 'open' | 'overdue' | 'notified-on-time' | 'notified-late' | 'not-required';

export interface BreachClock {
  status: BreachClockStatus;
  deadline: string;
  hoursRemaining: number | null;
  hoursLate: number | null;
  reasonsForDelayRequired: boolean;
}

/** Less than this many hours left is drawn as urgent. */
export const URGENT_HOURS = 24;

export type ClockTone = 'calm' | 'urgent' | 'late' | 'done';

export interface ClockReading {
  status: BreachClockStatus;
  /** Whole hours and minutes left (open) or past the deadline (overdue, notified late). */
  hours: number;
  minutes: number;
  tone: ClockTone;
}

const split = (totalMinutes: number) => ({ hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 });

export const readClock = (clock: BreachClock, now: Date): ClockReading => {
  if (clock.status === 'open' || clock.status === 'overdue') {
    const left = Date.parse(clock.deadline) - now.getTime();
    if (left >= 0) {
      const minutes = Math.floor(left / 60_000);
      return { status: 'open', ...split(minutes), tone: minutes < URGENT_HOURS * 60 ? 'urgent' : 'calm' };
    }
    return { status: 'overdue', ...split(Math.ceil(-left / 60_000)), tone: 'late' };
  }
  if (clock.status === 'notified-late') return { status: clock.status, ...split(Math.round((clock.hoursLate ?? 0) * 60)), tone: 'late' };
  return { status: clock.status, hours: 0, minutes: 0, tone: 'done' };
};
