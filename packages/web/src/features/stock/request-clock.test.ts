import { describe, expect, it } from 'vitest';
import { readRequestClock } from './request-clock.ts';

const clock = (deadline: string, decidedLate: boolean | null = null) => ({ deadline, hoursLeft: null, overdue: false, flaggedAt: null, decidedLate });
const at = (iso: string) => new Date(iso);

describe('the decision clock of a sharing request', () => {
  it('counts down to the deadline while the request waits, urgent under 12 hours', () => {
    expect(readRequestClock(clock('2026-01-07T08:00:00Z'), 'pending', at('2026-01-05T08:00:00Z'))).toEqual({ state: 'open', hours: 48, minutes: 0, tone: 'calm' });
    expect(readRequestClock(clock('2026-01-07T08:00:00Z'), 'pending', at('2026-01-06T20:00:30Z'))).toEqual({ state: 'open', hours: 11, minutes: 59, tone: 'urgent' });
  });

  it('turns overdue on its own once the deadline passes, counting the time since', () => {
    expect(readRequestClock(clock('2026-01-07T08:00:00Z'), 'pending', at('2026-01-07T08:00:00Z')).state).toBe('open');
    expect(readRequestClock(clock('2026-01-07T08:00:00Z'), 'pending', at('2026-01-07T21:04:10Z'))).toEqual({ state: 'overdue', hours: 13, minutes: 5, tone: 'late' });
  });

  it('stops at the decision, saying whether it came in time', () => {
    expect(readRequestClock(clock('2026-01-07T08:00:00Z', false), 'approved', at('2026-03-01T00:00:00Z'))).toMatchObject({ state: 'decided-on-time', tone: 'done' });
    expect(readRequestClock(clock('2026-01-07T08:00:00Z', true), 'refused', at('2026-03-01T00:00:00Z'))).toMatchObject({ state: 'decided-late', tone: 'late' });
  });
});
