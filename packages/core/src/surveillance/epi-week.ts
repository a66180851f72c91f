/**
 * Epidemiological weeks and DHIS2 period identifiers.
 *
 * Two week systems are in use in the region:
 * - ISO 8601 (used by WHO AFRO/EURO, ECDC and DHIS2 `Weekly` periods): weeks
 *   run Monday–Sunday and week 1 is the week holding the year's first
 *   Thursday, so a week belongs to the year of its Thursday.
 * - MMWR (US CDC, also used by PAHO): weeks run Sunday–Saturday and week 1 is
 *   the first week with at least four days in the calendar year, so a week
 *   belongs to the year of its Wednesday.
 * Both rules are "the year of the week's fourth day", which is why one
 * routine serves both. In both systems 4 January always lies in week 1.
 *
 * All dates are `YYYY-MM-DD` strings read as UTC calendar dates.
 */
import { AppError } from '../errors.ts';
import { dateOfDayNumber, dayNumber, daysInMonth, isoWeekdayOfDay } from './calendar-date.ts';

export type WeekSystem = 'iso' | 'mmwr';

export interface EpiWeek {
  system: WeekSystem;
  year: number;
  week: number;
  /** First day of the week (Monday for ISO, Sunday for MMWR). */
  start: string;
  /** Last day of the week, inclusive. */
  end: string;
}

/** ISO weekday (Mon = 1 … Sun = 7) on which each system's week begins. */
const FIRST_WEEKDAY: Record<WeekSystem, number> = { iso: 1, mmwr: 7 };

const weekStartDay = (day: number, system: WeekSystem): number =>
  day - ((isoWeekdayOfDay(day) - FIRST_WEEKDAY[system] + 7) % 7);

const yearOfDay = (day: number): number => Number(dateOfDayNumber(day).slice(0, 4));

const firstWeekStartDay = (year: number, system: WeekSystem): number =>
  weekStartDay(dayNumber(`${String(year).padStart(4, '0')}-01-04`), system);

/** The epi week that contains `date`. */
export const epiWeek = (date: string, system: WeekSystem): EpiWeek => {
  const start = weekStartDay(dayNumber(date), system);
  // The week's fourth day (Thursday ISO, Wednesday MMWR) decides its year.
  const year = yearOfDay(start + 3);
  const week = Math.floor((start - firstWeekStartDay(year, system)) / 7) + 1;
  return { system, year, week, start: dateOfDayNumber(start), end: dateOfDayNumber(start + 6) };
};

/** 52 or 53. */
export const weeksInYear = (year: number, system: WeekSystem): number =>
  (firstWeekStartDay(year + 1, system) - firstWeekStartDay(year, system)) / 7;

/** First day of week `week` of `year`; throws SURV_WEEK_INVALID for week 0 or past the year's last week. */
export const weekStart = (year: number, week: number, system: WeekSystem): string => {
  if (!Number.isInteger(year) || year < 1 || year > 9998 || !Number.isInteger(week) || week < 1 || week > weeksInYear(year, system)) {
    throw new AppError('SURV_WEEK_INVALID', `No ${system.toUpperCase()} week ${week} in ${year}`, { params: { year, week, system } });
  }
  return dateOfDayNumber(firstWeekStartDay(year, system) + 7 * (week - 1));
};

/** The whole week `week` of `year`. */
export const weekOf = (year: number, week: number, system: WeekSystem): EpiWeek => {
  const start = weekStart(year, week, system);
  return { system, year, week, start, end: dateOfDayNumber(dayNumber(start) + 6) };
};

/**
 * `2024-W05` (ISO 8601 week notation, `style: 'iso'`) or `2024W5` (DHIS2
 * weekly period id, `style: 'dhis2'`). The notation does not say which week
 * system produced the numbers; the caller keeps that alongside.
 */
export const formatWeek = (week: { year: number; week: number }, style: 'iso' | 'dhis2' = 'iso'): string =>
  style === 'iso'
    ? `${String(week.year).padStart(4, '0')}-W${String(week.week).padStart(2, '0')}`
    : `${week.year}W${week.week}`;

/** Reads `2024-W05` (ISO week notation) into an ISO week; throws SURV_WEEK_INVALID. */
export const parseIsoWeek = (text: string): EpiWeek => {
  const match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!match) throw new AppError('SURV_WEEK_INVALID', `Not an ISO week (YYYY-Www): ${text}`, { params: { week: text } });
  return weekOf(Number(match[1]), Number(match[2]), 'iso');
};

export type Dhis2PeriodType = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';

export interface Dhis2Period {
  id: string;
  type: Dhis2PeriodType;
  start: string;
  /** Inclusive. */
  end: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number): string => `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;

const PERIOD_FORMATS: { pattern: RegExp; read: (m: RegExpExecArray) => Omit<Dhis2Period, 'id'> | undefined }[] = [
  {
    // Daily: yyyyMMdd.
    pattern: /^(\d{4})(\d{2})(\d{2})$/,
    read: (m) => {
      const date = `${m[1]}-${m[2]}-${m[3]}`;
      return singleDay(date);
    },
  },
  {
    // Weekly (DHIS2 `Weekly`, ISO weeks starting Monday): yyyyWn, no zero padding required.
    pattern: /^(\d{4})W(\d{1,2})$/,
    read: (m) => {
      const year = Number(m[1]);
      const week = Number(m[2]);
      if (week < 1 || week > weeksInYear(year, 'iso')) return undefined;
      const w = weekOf(year, week, 'iso');
      return { type: 'weekly', start: w.start, end: w.end };
    },
  },
  {
    // Monthly: yyyyMM.
    pattern: /^(\d{4})(\d{2})$/,
    read: (m) => {
      const [year, month] = [Number(m[1]), Number(m[2])];
      if (month < 1 || month > 12) return undefined;
      return { type: 'monthly', start: `${m[1]}-${m[2]}-01`, end: lastDayOfMonth(year, month) };
    },
  },
  {
    // Quarterly: yyyyQn.
    pattern: /^(\d{4})Q([1-4])$/,
    read: (m) => {
      const [year, quarter] = [Number(m[1]), Number(m[2])];
      const first = 3 * quarter - 2;
      return { type: 'quarterly', start: `${m[1]}-${pad(first)}-01`, end: lastDayOfMonth(year, first + 2) };
    },
  },
  {
    // Yearly: yyyy.
    pattern: /^(\d{4})$/,
    read: (m) => ({ type: 'yearly', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` }),
  },
];

/** DHIS2 period types that exist but that Concord does not read (bi-monthly, other week starts, bi-weekly, six-monthly, financial years). */
const OTHER_DHIS2_PERIODS = /^\d{4}(\d{2}B|(Wed|Thu|Sat|Sun|Bi)W\d{1,2}|S[12]|(April|Nov)S[12]|April|July|Oct|Nov)$/;

const singleDay = (date: string): Omit<Dhis2Period, 'id'> | undefined => {
  try {
    dayNumber(date);
    return { type: 'daily', start: date, end: date };
  } catch {
    return undefined;
  }
};

/**
 * Reads a DHIS2 period id (Web API "Date and period format"): `20240105`
 * daily, `2024W5` weekly (ISO), `202401` monthly, `2024Q1` quarterly, `2024`
 * yearly. Other DHIS2 period types (bi-weekly, six-monthly, financial years,
 * Sunday weeks) are refused with SURV_PERIOD_UNSUPPORTED rather than guessed.
 */
export const parseDhis2Period = (id: string): Dhis2Period => {
  for (const format of PERIOD_FORMATS) {
    const match = format.pattern.exec(id);
    if (!match) continue;
    const period = format.read(match);
    if (period === undefined || Number(id.slice(0, 4)) < 1) break;
    return { id, ...period };
  }
  const code = OTHER_DHIS2_PERIODS.test(id) ? 'SURV_PERIOD_UNSUPPORTED' : 'SURV_PERIOD_INVALID';
  throw new AppError(code, `Not a supported DHIS2 period id: ${id}`, { params: { period: id } });
};

/**
 * The DHIS2 period id whose span is exactly `start`…`end`, preferring the
 * finest type (a one-day span is daily, a Monday–Sunday ISO week weekly, …);
 * undefined when no supported period type matches.
 */
export const dhis2PeriodId = (start: string, end: string): string | undefined => {
  const [first, last] = [dayNumber(start), dayNumber(end)];
  if (last < first) return undefined;
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  if (first === last) return start.replaceAll('-', '');
  const week = epiWeek(start, 'iso');
  if (week.start === start && week.end === end) return formatWeek(week, 'dhis2');
  if (start.endsWith('-01') && end === lastDayOfMonth(year, month)) return `${start.slice(0, 4)}${start.slice(5, 7)}`;
  if (start.endsWith('-01') && (month - 1) % 3 === 0 && end === lastDayOfMonth(year, month + 2)) return `${year}Q${(month + 2) / 3}`;
  if (start.endsWith('-01-01') && end === `${start.slice(0, 4)}-12-31`) return start.slice(0, 4);
  return undefined;
};
