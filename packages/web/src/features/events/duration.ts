/**
 * A stretch of time for a clock, in words: days and hours once it is a day
 * or more (minutes are noise by then), hours and minutes below a day.
 */
export interface Duration {
  days: number;
  hours: number;
  minutes: number;
}

export const splitMinutes = (total: number): Duration => ({ days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 });

export const durationKey = (duration: Duration): string => (duration.days > 0 ? 'events.duration.days' : 'events.duration.hours');
