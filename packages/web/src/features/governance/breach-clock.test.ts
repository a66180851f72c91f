import { describe, expect, it } from 'vitest';
import { readClock, type BreachClock } from './breach-clock.ts';

const open = (deadline: string): BreachClock => ({ status: 'open', deadline, hoursRemaining: 72, hoursLate: null, reasonsForDelayRequired: false });

describe('readClock', () => {
  it('counts down from the deadline, not from what the node said when it answered', () => {
    const clock = open('2026-03-04T12:00:00Z');
    expect(readClock(clock, new Date('2026-03-01T12:00:00Z'))).toEqual({ status: 'open', hours: 72, minutes: 0, tone: 'calm' });
    expect(readClock(clock, new Date('2026-03-03T12:30:30Z'))).toEqual({ status: 'open', hours: 23, minutes: 29, tone: 'urgent' });
  });

  it('turns overdue when the deadline passes while the page is open', () => {
    expect(readClock(open('2026-03-04T12:00:00Z'), new Date('2026-03-04T15:10:00Z'))).toEqual({ status: 'overdue', hours: 3, minutes: 10, tone: 'late' });
  });

  it('shows how late a late notification was, and no count once nothing is owed', () => {
    const late: BreachClock = { status: 'notified-late', deadline: '2026-03-04T12:00:00Z', hoursRemaining: null, hoursLate: 5.5, reasonsForDelayRequired: true };
    expect(readClock(late, new Date())).toEqual({ status: 'notified-late', hours: 5, minutes: 30, tone: 'late' });
    const onTime: BreachClock = { ...late, status: 'notified-on-time', hoursLate: null, reasonsForDelayRequired: false };
    expect(readClock(onTime, new Date()).tone).toBe('done');
    expect(readClock({ ...onTime, status: 'not-required' }, new Date())).toMatchObject({ status: 'not-required', tone: 'done' });
  });
});
