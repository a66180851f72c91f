import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREACH_NOTIFICATION_CONTENT, breachClock, breachDeadline, missingBreachContent } from './breach-clock.ts';

describe('breachDeadline', () => {
  it('is 72 elapsed hours after awareness, whatever the offset', () => {
    expect(breachDeadline('2024-03-01T09:30:00Z')).toBe('2024-03-04T09:30:00.000Z');
    expect(breachDeadline('2024-03-01T09:30:00+01:00')).toBe('2024-03-04T08:30:00.000Z');
    // Across the EU spring clock change (31 March 2024): still 72 real hours.
    expect(breachDeadline('2024-03-30T12:00:00+01:00')).toBe('2024-04-02T11:00:00.000Z');
    expect(breachDeadline('2024-02-28T12:00:00Z')).toBe('2024-03-02T12:00:00.000Z');
  });

  it('refuses instants without an offset', () => {
    expect(() => breachDeadline('2024-03-01T09:30:00')).toThrow(expect.objectContaining({ code: 'SURV_INSTANT_INVALID' }));
  });
});

describe('breachClock', () => {
  const awareAt = '2024-03-01T09:00:00Z';

  it('runs open until the deadline, then overdue', () => {
    expect(breachClock({ awareAt }, '2024-03-02T09:00:00Z')).toMatchObject({ status: 'open', hoursRemaining: 48, hoursLate: null, reasonsForDelayRequired: false });
    expect(breachClock({ awareAt }, '2024-03-04T09:00:00Z')).toMatchObject({ status: 'open', hoursRemaining: 0 });
    expect(breachClock({ awareAt }, '2024-03-04T10:30:00Z')).toMatchObject({ status: 'overdue', hoursLate: 1.5, reasonsForDelayRequired: true });
  });

  it('judges a notification against the deadline, not against now', () => {
    expect(breachClock({ awareAt, notifiedAt: '2024-03-04T09:00:00Z' }, '2024-06-01T00:00:00Z')).toMatchObject({ status: 'notified-on-time', reasonsForDelayRequired: false });
    expect(breachClock({ awareAt, notifiedAt: '2024-03-05T09:00:00Z' }, '2024-03-05T10:00:00Z')).toMatchObject({ status: 'notified-late', hoursLate: 24, reasonsForDelayRequired: true });
  });

  it('runs no clock when notification is not required', () => {
    expect(breachClock({ awareAt, notificationRequired: false }, '2024-09-01T00:00:00Z')).toMatchObject({ status: 'not-required', deadline: '2024-03-04T09:00:00.000Z' });
  });

  it('refuses a notification before awareness', () => {
    expect(() => breachClock({ awareAt, notifiedAt: '2024-02-28T09:00:00Z' }, awareAt)).toThrow(expect.objectContaining({ code: 'GOVERNANCE_BREACH_TIMES_OUT_OF_ORDER' }));
  });

  it('is open exactly while no more than 72 hours have passed', () => {
    const start = Date.UTC(2024, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 3_600_000 }), fc.integer({ min: 0, max: 300 * 3_600_000 }), (elapsed, offset) => {
        const aware = new Date(start + offset).toISOString();
        const now = new Date(start + offset + elapsed).toISOString();
        const clock = breachClock({ awareAt: aware }, now);
        expect(clock.status).toBe(elapsed <= 72 * 3_600_000 ? 'open' : 'overdue');
      }),
    );
  });
});

describe('Art. 33(3) minimum content', () => {
  it('lists the four points (a)–(d) and the reasons for delay', () => {
    expect(new Set(BREACH_NOTIFICATION_CONTENT.map((i) => i.article))).toEqual(new Set(['Art. 33(3)(a)', 'Art. 33(3)(b)', 'Art. 33(3)(c)', 'Art. 33(3)(d)', 'Art. 33(1)']));
  });

  it('names what a notification still lacks; reasons for delay only when late', () => {
    const content = { nature: 'Laptop with an unencrypted line-list export stolen', 'data-subjects': 'about 1,200 cholera patients', 'contact-point': '  ' };
    expect(missingBreachContent(content, { late: false })).toEqual(['records', 'contact-point', 'likely-consequences', 'measures']);
    expect(missingBreachContent(content, { late: true })).toContain('reasons-for-delay');
  });
});
