/**
 * Calendar dates as plain `YYYY-MM-DD` strings in the proleptic Gregorian
 * calendar, with arithmetic on whole days. Everything goes through a day
 * number (days since 1970-01-01, UTC), so a machine's local time zone or a
 * daylight-saving change can never move a date.
 */
import { AppError } from '../errors.ts';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` date, or undefined when it is not a real calendar date. */
export const tryDayNumber = (date: string): number | undefined => {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  return at.getTime() / DAY_MS;
};

/** True for a well-formed `YYYY-MM-DD` that exists in the calendar (no 2023-02-29). */
export const isCalendarDate = (value: string): boolean => tryDayNumber(value) !== undefined;

export const dayNumber = (date: string): number => {
  const day = tryDayNumber(date);
  if (day === undefined) {
    throw new AppError('SURV_DATE_INVALID', `Not a calendar date (YYYY-MM-DD): ${date}`, { params: { date } });
  }
  return day;
};

/** `YYYY-MM-DD` of a day number; years outside 0000–9999 are not supported by the format. */
export const dateOfDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => dateOfDayNumber(dayNumber(date) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** ISO weekday: Monday = 1 … Sunday = 7. */
export const isoWeekday = (date: string): number => isoWeekdayOfDay(dayNumber(date));

/** 1970-01-01 was a Thursday (ISO weekday 4). */
export const isoWeekdayOfDay = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

// An instant must name its offset: a bare local time would depend on the machine reading it.
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 instant with `Z` or an offset, e.g. `2024-03-01T22:15:00Z`. */
export const instantMs = (instant: string): number => {
  const match = ISO_INSTANT.exec(instant);
  const valid =
    match !== null &&
    isCalendarDate(match[1]!) &&
    Number(match[2]) < 24 &&
    Number(match[3]) < 60 &&
    Number(match[4] ?? 0) < 60;
  const ms = valid ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new AppError('SURV_INSTANT_INVALID', `Not an ISO 8601 instant with an offset: ${instant}`, { params: { instant } });
  }
  return ms;
};

/** The calendar date (UTC) of an ISO 8601 instant. */
export const utcDateOf = (instant: string): string => new Date(instantMs(instant)).toISOString().slice(0, 10);
