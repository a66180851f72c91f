import { describe, expect, it } from 'vitest';
import { readNotice } from './notification-state.ts';

const now = new Date('2026-12-01T12:00:00Z');

describe('a notification against its due time', () => {
  it('is acknowledged on time up to the due instant, late after it', () => {
    expect(readNotice({ dueAt: '2026-12-01T15:00:00Z', acknowledgedAt: '2026-12-01T15:00:00Z' }, now)).toEqual({ state: 'acknowledged', days: 0, hours: 0, minutes: 0 });
    expect(readNotice({ dueAt: '2026-12-01T15:00:00Z', acknowledgedAt: '2026-12-01T17:30:00Z' }, now)).toEqual({ state: 'acknowledged-late', days: 0, hours: 2, minutes: 30 });
  });

  it('counts in days once a notification is a day or more overdue', () => {
    expect(readNotice({ dueAt: '2026-11-01T00:00:00Z', acknowledgedAt: null }, now)).toEqual({ state: 'overdue', days: 30, hours: 12, minutes: 0 });
  });

  it('counts down while open and up once overdue', () => {
    expect(readNotice({ dueAt: '2026-12-02T09:45:00Z', acknowledgedAt: null }, now)).toEqual({ state: 'open', days: 0, hours: 21, minutes: 45 });
    expect(readNotice({ dueAt: '2026-12-01T10:59:30Z', acknowledgedAt: null }, now)).toEqual({ state: 'overdue', days: 0, hours: 1, minutes: 1 });
  });
});
