import { describe, expect, it } from 'vitest';
import { durationKey, splitMinutes } from './duration.ts';

describe('a clock’s duration', () => {
  it('splits minutes into days, hours and minutes', () => {
    expect(splitMinutes(44_209)).toEqual({ days: 30, hours: 16, minutes: 49 });
    expect(splitMinutes(59)).toEqual({ days: 0, hours: 0, minutes: 59 });
  });

  it('speaks in days and hours from a day on, in hours and minutes below', () => {
    expect(durationKey(splitMinutes(1440))).toBe('events.duration.days');
    expect(durationKey(splitMinutes(1439))).toBe('events.duration.hours');
  });
});
