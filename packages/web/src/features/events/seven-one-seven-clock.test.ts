import { describe, expect, it } from 'vitest';
import type { SevenOneSevenResult } from './events.types.ts';
import { intervalDeadline, intervalsOf, readIntervalClock } from './seven-one-seven-clock.ts';

const at = (iso: string) => new Date(iso);

describe('a running 7-1-7 clock', () => {
  it('keeps the target met through the whole last day', () => {
    // Notified 30 Nov, respond within 7 days: day 7 is 7 Dec, missed from 8 Dec 00:00 UTC.
    expect(intervalDeadline('2026-11-30', 7).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(intervalDeadline('2026-11-30', 1).toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });

  it('counts down the time left, urgent within the last day', () => {
    const clock = { since: '2026-11-30', target: 7 };
    expect(readIntervalClock(clock, at('2026-12-06T19:30:00Z'))).toMatchObject({ state: 'running', elapsedDays: 6, days: 1, hours: 4, minutes: 30, tone: 'calm' });
    expect(readIntervalClock(clock, at('2026-12-07T10:00:00Z'))).toMatchObject({ state: 'running', elapsedDays: 7, days: 0, hours: 14, minutes: 0, tone: 'urgent' });
  });

  it('turns overdue at the deadline and counts the time since', () => {
    const clock = { since: '2026-12-01', target: 1 };
    expect(readIntervalClock(clock, at('2026-12-03T00:00:00Z'))).toMatchObject({ state: 'overdue', elapsedDays: 2, days: 0, hours: 0, minutes: 0, tone: 'late' });
    expect(readIntervalClock(clock, at('2026-12-05T06:15:00Z'))).toMatchObject({ state: 'overdue', elapsedDays: 4, days: 2, hours: 6, minutes: 15 });
  });
});

describe('the intervals of an event', () => {
  const result = {
    detect: { interval: 'detection', target: 7, days: 7, status: 'met' },
    notify: { interval: 'notification', target: 1, days: 0, status: 'met' },
    respond: { interval: 'response', target: 7, days: null, status: 'pending' },
    responseCompletionDate: null,
  } as unknown as SevenOneSevenResult;

  it('pairs each with its milestones and marks the running one', () => {
    const clock = { interval: 'response' as const, since: '2026-11-30', target: 7, elapsedDays: 6, remainingDays: 1 };
    const views = intervalsOf({ emergenceDate: '2026-11-23', detectionDate: '2026-11-30', notificationDate: '2026-11-30' }, result, clock);
    expect(views.map((v) => [v.interval, v.from, v.to, v.running !== null])).toEqual([
      ['detection', '2026-11-23', '2026-11-30', false],
      ['notification', '2026-11-30', '2026-11-30', false],
      ['response', '2026-11-30', null, true],
    ]);
  });
});
