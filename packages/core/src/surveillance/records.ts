/**
 * The two records surveillance data arrive as: a case report (one line of a
 * line list, person-level) and an aggregate count (people counted by place,
 * disease, period, age band, sex and classification). Both are parsed here
 * into plain typed objects, or into a list of field errors with stable
 * SURV_… codes; nothing is thrown for bad input, so a CSV upload or an API
 * batch can report every problem at once.
 *
 * Field names follow the catalogue's `case-reports` and `aggregate-counts`
 * datasets (catalogue/datasets.ts).
 */
import { z } from 'zod';
import { isDiseaseCode } from '../catalogue/diseases.ts';
import { dayNumber, isCalendarDate } from './calendar-date.ts';
import { parseIsoWeek } from './epi-week.ts';
import { isAppError } from '../errors.ts';

export const SEXES = ['male', 'female', 'unknown'] as const;
export const CLASSIFICATIONS = ['suspected', 'probable', 'confirmed'] as const;
export const OUTCOMES = ['alive', 'dead', 'unknown'] as const;
export const LAB_RESULTS = ['positive', 'negative', 'pending', 'not-tested'] as const;
/**
 * Concord's standard age bands, in years. They are unions of the five- and
 * ten-year bands of WHO reporting tables (e.g. 0–4, 5–14, 15–24, 25–34 …
 * 65+), so counts from national systems that use the finer bands can be
 * summed into them. `unknown` holds cases whose age was not recorded.
 */
export const AGE_BANDS = ['0-4', '5-14', '15-24', '25-44', '45-64', '65+', 'unknown'] as const;

export type Sex = (typeof SEXES)[number];
export type Classification = (typeof CLASSIFICATIONS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type LabResult = (typeof LAB_RESULTS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];

/** In an aggregate count, `all` means "not broken down by this dimension" (a margin total). */
export const ALL = 'all';
export type All = typeof ALL;

/** Upper band limits (exclusive), in the order of AGE_BANDS. */
const BAND_LIMITS: readonly [number, AgeBand][] = [
  [5, '0-4'],
  [15, '5-14'],
  [25, '15-24'],
  [45, '25-44'],
  [65, '45-64'],
  [Number.POSITIVE_INFINITY, '65+'],
];

/** The age band of an age in completed or fractional years; `unknown` when no age is given. */
export const ageBandOf = (age: number | undefined): AgeBand => {
  if (age === undefined || !Number.isFinite(age) || age < 0) return 'unknown';
  // A 4.9-year-old is in 0-4: bands are by completed years.
  return BAND_LIMITS.find(([limit]) => age < limit)![1];
};

export const MAX_AGE_YEARS = 130;

const calendarDate = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');
const text = (max: number) => z.string().min(1).max(max);

/** A case report as sent by a reporter (API JSON or a parsed CSV row). Unknown fields are refused. */
export const CaseReportInputSchema = z.strictObject({
  clientId: text(200),
  party: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  area: text(64),
  facility: text(200).optional(),
  disease: z.string().refine(isDiseaseCode, 'is not a disease code of the catalogue'),
  onsetDate: calendarDate.optional(),
  reportDate: calendarDate,
  age: z.number().finite().min(0).max(MAX_AGE_YEARS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  sex: z.enum(SEXES),
  classification: z.enum(CLASSIFICATIONS),
  outcome: z.enum(OUTCOMES).optional(),
  labResult: z.enum(LAB_RESULTS).optional(),
  patientName: text(200).optional(),
  phone: text(40).optional(),
  nationalId: text(64).optional(),
  village: text(200).optional(),
});
export type CaseReportInput = z.infer<typeof CaseReportInputSchema>;

/** A validated case report; `ageBand` is always set (derived from `age` when not given). */
export type CaseReport = Omit<CaseReportInput, 'ageBand'> & { ageBand: AgeBand };

/** An aggregate count as sent: a period as `periodStart`/`periodEnd` or as an ISO `week` (`2024-W05`). */
export const AggregateCountInputSchema = z.strictObject({
  party: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  area: text(64),
  disease: z.string().refine(isDiseaseCode, 'is not a disease code of the catalogue'),
  periodStart: calendarDate.optional(),
  periodEnd: calendarDate.optional(),
  week: z.string().optional(),
  ageBand: z.enum([...AGE_BANDS, ALL]).default(ALL),
  sex: z.enum([...SEXES, ALL]).default(ALL),
  classification: z.enum([...CLASSIFICATIONS, ALL]).default(ALL),
  count: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type AggregateCountInput = z.input<typeof AggregateCountInputSchema>;

export interface AggregateCount {
  party: string;
  area: string;
  disease: string;
  /** First day of the period, `YYYY-MM-DD`. */
  periodStart: string;
  /** Last day of the period, inclusive. */
  periodEnd: string;
  ageBand: AgeBand | All;
  sex: Sex | All;
  classification: Classification | All;
  count: number;
}

/** The identity of an aggregate cell: two counts with the same key are the same cell. */
export const aggregateKey = (c: Omit<AggregateCount, 'count'>): string =>
  [c.party, c.area, c.disease, c.periodStart, c.periodEnd, c.ageBand, c.sex, c.classification].join('|');

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The code each field's type or format error carries. */
const FIELD_CODES: Record<string, string> = {
  party: 'SURV_PARTY_INVALID',
  disease: 'SURV_DISEASE_UNKNOWN',
  onsetDate: 'SURV_DATE_INVALID',
  reportDate: 'SURV_DATE_INVALID',
  periodStart: 'SURV_DATE_INVALID',
  periodEnd: 'SURV_DATE_INVALID',
  age: 'SURV_AGE_INVALID',
  count: 'SURV_COUNT_INVALID',
};

const issueErrors = (issues: readonly z.core.$ZodIssue[], input: unknown): FieldError[] =>
  issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: key, code: 'SURV_FIELD_UNKNOWN', message: `${key} is not a field of this record` }));
    }
    const field = String(issue.path[0] ?? '');
    const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field] : undefined;
    if (field !== '' && given === undefined) return [{ field, code: 'SURV_FIELD_REQUIRED', message: `${field} is required` }];
    const code = FIELD_CODES[field] ?? 'SURV_FIELD_INVALID';
    return [{ field, code, message: `${field || 'record'} ${issue.message}` }];
  });

/**
 * Validates a case report. Beyond the types: the onset is not after the
 * report date, the report date is not after `today` (the receiving node's
 * date), and an age and an age band given together agree.
 */
export const parseCaseReport = (input: unknown, options: { today: string }): Parsed<CaseReport> => {
  dayNumber(options.today); // a bad `today` is the caller's bug: it throws SURV_DATE_INVALID
  const result = CaseReportInputSchema.safeParse(input);
  if (!result.success) return { ok: false, errors: issueErrors(result.error.issues, input) };
  const { ageBand: givenBand, ...report } = result.data;
  const errors: FieldError[] = [];
  if (report.onsetDate !== undefined && report.onsetDate > report.reportDate) {
    errors.push({ field: 'onsetDate', code: 'SURV_ONSET_AFTER_REPORT', message: `onsetDate ${report.onsetDate} is after reportDate ${report.reportDate}` });
  }
  if (report.reportDate > options.today) {
    errors.push({ field: 'reportDate', code: 'SURV_REPORT_IN_FUTURE', message: `reportDate ${report.reportDate} is after today (${options.today})` });
  }
  const derived = ageBandOf(report.age);
  if (givenBand !== undefined && report.age !== undefined && givenBand !== derived) {
    errors.push({ field: 'ageBand', code: 'SURV_AGE_BAND_MISMATCH', message: `ageBand ${givenBand} does not hold age ${report.age} (band ${derived})` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...report, ageBand: givenBand ?? derived } };
};

const periodOf = (data: { periodStart?: string | undefined; periodEnd?: string | undefined; week?: string | undefined }): { start: string; end: string } | FieldError => {
  if (data.week !== undefined) {
    if (data.periodStart !== undefined || data.periodEnd !== undefined) {
      return { field: 'week', code: 'SURV_PERIOD_AMBIGUOUS', message: 'give either week or periodStart/periodEnd, not both' };
    }
    try {
      const week = parseIsoWeek(data.week);
      return { start: week.start, end: week.end };
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { field: 'week', code: 'SURV_WEEK_INVALID', message: error.message };
    }
  }
  if (data.periodStart === undefined || data.periodEnd === undefined) {
    const field = data.periodStart === undefined ? 'periodStart' : 'periodEnd';
    return { field, code: 'SURV_FIELD_REQUIRED', message: 'a period is required: periodStart and periodEnd, or week' };
  }
  if (data.periodStart > data.periodEnd) {
    return { field: 'periodEnd', code: 'SURV_PERIOD_INVALID', message: `periodEnd ${data.periodEnd} is before periodStart ${data.periodStart}` };
  }
  return { start: data.periodStart, end: data.periodEnd };
};

/**
 * Validates an aggregate count: a non-negative integer count over a real
 * period that has begun by `today`. Dimensions left out are `all`.
 */
export const parseAggregateCount = (input: unknown, options: { today: string }): Parsed<AggregateCount> => {
  dayNumber(options.today);
  const result = AggregateCountInputSchema.safeParse(input);
  if (!result.success) return { ok: false, errors: issueErrors(result.error.issues, input) };
  const { periodStart, periodEnd, week, ...rest } = result.data;
  const period = periodOf({ periodStart, periodEnd, week });
  if ('code' in period) return { ok: false, errors: [period] };
  if (period.start > options.today) {
    return { ok: false, errors: [{ field: week === undefined ? 'periodStart' : 'week', code: 'SURV_PERIOD_IN_FUTURE', message: `the period starts ${period.start}, after today (${options.today})` }] };
  }
  return { ok: true, value: { ...rest, periodStart: period.start, periodEnd: period.end } };
};
