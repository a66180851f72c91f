import { splitMinutes, type Duration } from './duration.ts';
import type { EventNotification } from './events.types.ts';

/**
 * Where a notification stands against its due time: acknowledged on time
 * or late, or still open and counting down (or overdue). Computed from the
 * node's instants against the browser's clock, refreshed while the page is
 * open; the node itself marks overdue notifications on its schedule.
 */
export type NoticeState = 'acknowledged' | 'acknowledged-late' | 'open' | 'overdue';

export interface NoticeReading extends Duration {
  /** With the time left (open) or past the due time (overdue, acknowledged late). */
  state: NoticeState;
}

const reading = (state: NoticeState, ms: number): NoticeReading => ({
  state,
  ...splitMinutes(Math.max(0, state === 'open' ? Math.floor(ms / 60_000) : Math.ceil(ms / 60_000))),
});

export const readNotice = (notice: Pick<EventNotification, 'dueAt' | 'acknowledgedAt'>, now: Date): NoticeReading => {
  const due = Date.parse(notice.dueAt);
  if (notice.acknowledgedAt) {
    const late = Date.parse(notice.acknowledgedAt) - due;
    return late > 0 ? reading('acknowledged-late', late) : { state: 'acknowledged', days: 0, hours: 0, minutes: 0 };
  }
  const left = due - now.getTime();
  return left >= 0 ? reading('open', left) : reading('overdue', -left);
};
