import { describe, expect, it } from 'vitest';
import { addDays, daysUntil, deadlineState } from './deadline.ts';

describe('daysUntil', () => {
  it('counts UTC calendar days, whatever the hour', () => {
    expect(daysUntil('2026-03-10', new Date('2026-03-04T23:59:00Z'))).toBe(6);
    expect(daysUntil('2026-03-10', new Date('2026-03-10T00:00:00Z'))).toBe(0);
    expect(daysUntil('2026-03-10', new Date('2026-03-11T01:00:00Z'))).toBe(-1);
  });

  it('crosses month and leap-year boundaries', () => {
    expect(daysUntil('2028-03-01', new Date('2028-02-28T12:00:00Z'))).toBe(2);
    expect(daysUntil('2027-01-01', new Date('2026-12-31T12:00:00Z'))).toBe(1);
  });
});

describe('deadlineState', () => {
  it('says overdue, today, soon (three days or less) or later', () => {
    expect([-5, -1, 0, 1, 3, 4, 100].map(deadlineState)).toEqual(['overdue', 'overdue', 'today', 'soon', 'soon', 'later', 'later']);
  });
});

describe('addDays', () => {
  it('moves a calendar date across months and leap days, both ways', () => {
    expect(addDays('2032-12-31', -180)).toBe('2032-07-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
