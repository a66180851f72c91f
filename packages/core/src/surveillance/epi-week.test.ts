import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from './calendar-date.ts';
import { dhis2PeriodId, epiWeek, formatWeek, parseDhis2Period, parseIsoWeek, weekOf, weekStart, weeksInYear, type WeekSystem } from './epi-week.ts';

const pick = (date: string, system: WeekSystem) => {
  const w = epiWeek(date, system);
  return `${formatWeek(w)} ${w.start}..${w.end}`;
};

describe('epiWeek: known edge years', () => {
  it.each([
    // [date, ISO week, MMWR week], checked against published ISO and CDC MMWR calendars.
    ['2020-12-31', '2020-W53 2020-12-28..2021-01-03', '2020-W53 2020-12-27..2021-01-02'],
    ['2021-01-03', '2020-W53 2020-12-28..2021-01-03', '2021-W01 2021-01-03..2021-01-09'],
    ['2026-01-01', '2026-W01 2025-12-29..2026-01-04', '2025-W53 2025-12-28..2026-01-03'],
    ['2024-01-01', '2024-W01 2024-01-01..2024-01-07', '2024-W01 2023-12-31..2024-01-06'],
    ['2016-01-03', '2015-W53 2015-12-28..2016-01-03', '2016-W01 2016-01-03..2016-01-09'],
    ['2010-01-02', '2009-W53 2009-12-28..2010-01-03', '2009-W52 2009-12-27..2010-01-02'],
    ['2008-12-31', '2009-W01 2008-12-29..2009-01-04', '2008-W53 2008-12-28..2009-01-03'],
    ['2024-02-29', '2024-W09 2024-02-26..2024-03-03', '2024-W09 2024-02-25..2024-03-02'],
  ])('%s', (date, iso, mmwr) => {
    expect(pick(date, 'iso')).toBe(iso);
    expect(pick(date, 'mmwr')).toBe(mmwr);
  });

  it('counts 53-week years', () => {
    expect(weeksInYear(2020, 'iso')).toBe(53);
    expect(weeksInYear(2026, 'iso')).toBe(53);
    expect(weeksInYear(2023, 'iso')).toBe(52);
    expect(weeksInYear(2025, 'mmwr')).toBe(53);
    expect(weeksInYear(2014, 'mmwr')).toBe(53);
    expect(weeksInYear(2021, 'mmwr')).toBe(52);
  });

  it('refuses weeks that do not exist', () => {
    expect(() => weekStart(2023, 53, 'iso')).toThrow(/No ISO week 53 in 2023/);
    expect(() => weekStart(2024, 0, 'mmwr')).toThrow(expect.objectContaining({ code: 'SURV_WEEK_INVALID' }));
    expect(weekStart(2020, 53, 'iso')).toBe('2020-12-28');
  });

  it('formats ISO and DHIS2 notations and reads the ISO one back', () => {
    expect(formatWeek({ year: 2024, week: 5 })).toBe('2024-W05');
    expect(formatWeek({ year: 2024, week: 5 }, 'dhis2')).toBe('2024W5');
    expect(parseIsoWeek('2024-W05')).toMatchObject({ start: '2024-01-29', end: '2024-02-04' });
    expect(() => parseIsoWeek('2024W5')).toThrow(expect.objectContaining({ code: 'SURV_WEEK_INVALID' }));
  });
});

describe('epiWeek: every date falls in exactly one week', () => {
  const anyDate = fc
    .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
  const anySystem = fc.constantFrom<WeekSystem>('iso', 'mmwr');

  it('start ≤ date ≤ end, the week starts on Monday (ISO) or Sunday (MMWR) and spans 7 days', () => {
    fc.assert(
      fc.property(anyDate, anySystem, (date, system) => {
        const w = epiWeek(date, system);
        expect(w.start <= date && date <= w.end).toBe(true);
        expect(isoWeekday(w.start)).toBe(system === 'iso' ? 1 : 7);
        expect(addDays(w.start, 6)).toBe(w.end);
        expect(w.week).toBeGreaterThanOrEqual(1);
        expect(w.week).toBeLessThanOrEqual(weeksInYear(w.year, system));
        expect(weekStart(w.year, w.week, system)).toBe(w.start);
      }),
      { numRuns: 2000 },
    );
  });

  it('the day after a week ends opens the next week, in the next year after the last week', () => {
    fc.assert(
      fc.property(anyDate, anySystem, (date, system) => {
        const w = epiWeek(date, system);
        const next = epiWeek(addDays(w.end, 1), system);
        expect(next.start).toBe(addDays(w.end, 1));
        const last = weeksInYear(w.year, system);
        expect([next.year, next.week]).toEqual(w.week === last ? [w.year + 1, 1] : [w.year, w.week + 1]);
      }),
      { numRuns: 1000 },
    );
  });

  it('the week of a year holds four or more days of that year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2099 }), anySystem, (year, system) => {
        for (const week of [1, weeksInYear(year, system)]) {
          const w = weekOf(year, week, system);
          const days = Array.from({ length: 7 }, (_, i) => addDays(w.start, i));
          expect(days.filter((d) => d.startsWith(String(year))).length).toBeGreaterThanOrEqual(4);
        }
      }),
    );
  });
});

describe('parseDhis2Period', () => {
  it.each([
    ['2024W5', 'weekly', '2024-01-29', '2024-02-04'],
    ['2024W05', 'weekly', '2024-01-29', '2024-02-04'],
    ['2020W53', 'weekly', '2020-12-28', '2021-01-03'],
    ['20240105', 'daily', '2024-01-05', '2024-01-05'],
    ['202401', 'monthly', '2024-01-01', '2024-01-31'],
    ['202402', 'monthly', '2024-02-01', '2024-02-29'],
    ['202302', 'monthly', '2023-02-01', '2023-02-28'],
    ['2024Q1', 'quarterly', '2024-01-01', '2024-03-31'],
    ['2024Q4', 'quarterly', '2024-10-01', '2024-12-31'],
    ['2024', 'yearly', '2024-01-01', '2024-12-31'],
  ])('%s is %s %s..%s', (id, type, start, end) => {
    expect(parseDhis2Period(id)).toEqual({ id, type, start, end });
  });

  it.each(['2023W53', '2024W0', '20230229', '202413', '2024Q5', 'abc', '', '2024-01-05', '2024w5'])('refuses %j', (id) => {
    expect(() => parseDhis2Period(id)).toThrow(expect.objectContaining({ code: 'SURV_PERIOD_INVALID' }));
  });

  it.each(['2024BiW1', '2024SunW5', '202401B', '2024S1', '2024April', '2024NovS1'])('names %s as an unsupported DHIS2 period type', (id) => {
    expect(() => parseDhis2Period(id)).toThrow(expect.objectContaining({ code: 'SURV_PERIOD_UNSUPPORTED' }));
  });
});

describe('dhis2PeriodId', () => {
  it('finds the period id of a span, or none', () => {
    expect(dhis2PeriodId('2024-01-29', '2024-02-04')).toBe('2024W5');
    expect(dhis2PeriodId('2024-02-01', '2024-02-29')).toBe('202402');
    expect(dhis2PeriodId('2024-07-01', '2024-09-30')).toBe('2024Q3');
    expect(dhis2PeriodId('2024-03-07', '2024-03-07')).toBe('20240307');
    expect(dhis2PeriodId('2024-01-28', '2024-02-03')).toBeUndefined(); // a Sunday week
    expect(dhis2PeriodId('2024-02-01', '2024-01-01')).toBeUndefined();
  });

  it('is the inverse of parseDhis2Period for every supported type', () => {
    const weekly = fc
      .integer({ min: 1950, max: 2080 })
      .chain((y) => fc.integer({ min: 1, max: weeksInYear(y, 'iso') }).map((w) => `${y}W${w}`));
    const monthly = fc.tuple(fc.integer({ min: 1950, max: 2080 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}${String(m).padStart(2, '0')}`);
    const quarterly = fc.tuple(fc.integer({ min: 1950, max: 2080 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}Q${q}`);
    const daily = fc.integer({ min: 0, max: 40_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10).replaceAll('-', ''));
    const yearly = fc.integer({ min: 1950, max: 2080 }).map(String);
    fc.assert(
      fc.property(fc.oneof(weekly, monthly, quarterly, daily, yearly), (id) => {
        const period = parseDhis2Period(id);
        expect(dhis2PeriodId(period.start, period.end)).toBe(id);
      }),
    );
  });
});
