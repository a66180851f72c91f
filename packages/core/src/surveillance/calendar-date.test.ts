import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateOfDayNumber, dayNumber, daysBetween, instantMs, isCalendarDate, isoWeekday, utcDateOf } from './calendar-date.ts';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-5', '20240105', '2024-01-05T00:00:00Z', '']) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it('does arithmetic across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2024-03-10', '2024-03-03')).toBe(-7);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dateOfDayNumber(-1)).toBe('1969-12-31');
  });

  it('keeps years 0001–0099 as written', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });

  it('knows weekdays (1970-01-01 was a Thursday, 2024-01-01 a Monday)', () => {
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('2024-01-01')).toBe(1);
    expect(isoWeekday('2024-01-07')).toBe(7);
    expect(isoWeekday('1969-12-28')).toBe(7);
  });

  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        expect(dayNumber(dateOfDayNumber(day))).toBe(day);
      }),
    );
  });

  it('reads instants only with an offset, and takes their UTC date', () => {
    expect(utcDateOf('2024-03-01T23:30:00-02:00')).toBe('2024-03-02');
    expect(instantMs('2024-03-01T00:00:00.500Z')).toBe(Date.UTC(2024, 2, 1) + 500);
    for (const bad of ['2024-03-01T10:00:00', '2024-03-01', '2024-02-30T10:00:00Z', '2024-03-01T24:00:00Z', 'yesterday']) {
      expect(() => instantMs(bad)).toThrow(expect.objectContaining({ code: 'SURV_INSTANT_INVALID' }));
    }
  });
});
