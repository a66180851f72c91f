import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../catalogue/datasets.ts';
import { AGE_BANDS, ageBandOf, aggregateKey, CaseReportInputSchema, parseAggregateCount, parseCaseReport, type FieldError, type Parsed } from './records.ts';

const today = '2024-03-10';
const valid = {
  clientId: 'ug-lab-7/000123',
  party: 'UG',
  area: 'UG-102',
  disease: 'cholera',
  onsetDate: '2024-03-01',
  reportDate: '2024-03-04',
  age: 0.5,
  sex: 'female',
  classification: 'confirmed',
  patientName: 'A. N. Other',
};

const codes = <T>(result: Parsed<T>): string[] => (result.ok ? [] : result.errors.map((e: FieldError) => `${e.field}:${e.code}`));

describe('ageBandOf', () => {
  it.each([
    [0, '0-4'],
    [0.25, '0-4'],
    [4.99, '0-4'],
    [5, '5-14'],
    [14.5, '5-14'],
    [15, '15-24'],
    [24, '15-24'],
    [25, '25-44'],
    [44.9, '25-44'],
    [45, '45-64'],
    [64, '45-64'],
    [65, '65+'],
    [104, '65+'],
    [undefined, 'unknown'],
    [-1, 'unknown'],
  ] as const)('%s years → %s', (age, band) => {
    expect(ageBandOf(age)).toBe(band);
  });

  it('bands are ordered: an older person is never in an earlier band', () => {
    const order = (age: number) => AGE_BANDS.indexOf(ageBandOf(age));
    fc.assert(
      fc.property(fc.double({ min: 0, max: 130, noNaN: true }), fc.double({ min: 0, max: 130, noNaN: true }), (a, b) => {
        expect(a <= b ? order(a) <= order(b) : order(a) >= order(b)).toBe(true);
      }),
    );
  });
});

describe('parseCaseReport', () => {
  it('accepts a valid report and derives its age band', () => {
    const result = parseCaseReport(valid, { today });
    expect(result).toEqual({ ok: true, value: { ...valid, ageBand: '0-4' } });
  });

  it('keeps a given age band when no age is given, and defaults to unknown', () => {
    const { age: _age, ...noAge } = valid;
    expect(parseCaseReport({ ...noAge, ageBand: '65+' }, { today })).toMatchObject({ ok: true, value: { ageBand: '65+' } });
    expect(parseCaseReport(noAge, { today })).toMatchObject({ ok: true, value: { ageBand: 'unknown' } });
  });

  it('refuses an onset after the report, a report after today and a band that does not hold the age', () => {
    expect(codes(parseCaseReport({ ...valid, onsetDate: '2024-03-05' }, { today }))).toEqual(['onsetDate:SURV_ONSET_AFTER_REPORT']);
    expect(codes(parseCaseReport({ ...valid, reportDate: '2024-03-11' }, { today }))).toEqual(['reportDate:SURV_REPORT_IN_FUTURE']);
    expect(codes(parseCaseReport({ ...valid, reportDate: today }, { today }))).toEqual([]);
    expect(codes(parseCaseReport({ ...valid, age: 30, ageBand: '15-24' }, { today }))).toEqual(['ageBand:SURV_AGE_BAND_MISMATCH']);
  });

  it('names every bad field with its code', () => {
    const bad = { ...valid, party: 'Uganda', disease: 'flu', reportDate: '2023-02-29', age: 131, sex: 'f', extra: 1 };
    delete (bad as Partial<typeof bad>).clientId;
    expect(codes(parseCaseReport(bad, { today })).sort()).toEqual(
      [
        'age:SURV_AGE_INVALID',
        'clientId:SURV_FIELD_REQUIRED',
        'disease:SURV_DISEASE_UNKNOWN',
        'extra:SURV_FIELD_UNKNOWN',
        'party:SURV_PARTY_INVALID',
        'reportDate:SURV_DATE_INVALID',
        'sex:SURV_FIELD_INVALID',
      ].sort(),
    );
  });

  it('throws when the caller passes a today that is not a date', () => {
    expect(() => parseCaseReport(valid, { today: '10/03/2024' })).toThrow(expect.objectContaining({ code: 'SURV_DATE_INVALID' }));
  });

  it('accepts exactly the case-reports dataset fields (plus ageBand)', () => {
    const fields = DATASETS.find((d) => d.id === 'case-reports')!.fields;
    expect(Object.keys(CaseReportInputSchema.shape).sort()).toEqual([...fields, 'ageBand'].sort());
  });

  it('never accepts a report dated after today or an onset after the report', () => {
    const date = fc.integer({ min: 19_000, max: 20_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, date, (onset, report, now) => {
        const result = parseCaseReport({ ...valid, onsetDate: onset, reportDate: report }, { today: now });
        expect(result.ok).toBe(onset <= report && report <= now);
      }),
    );
  });
});

describe('parseAggregateCount', () => {
  const count = { party: 'KE', area: 'KE-047', disease: 'measles', periodStart: '2024-01-29', periodEnd: '2024-02-04', count: 12 };

  it('fills left-out dimensions with all', () => {
    expect(parseAggregateCount(count, { today })).toEqual({ ok: true, value: { ...count, ageBand: 'all', sex: 'all', classification: 'all' } });
  });

  it('reads an ISO week as the period', () => {
    const { periodStart: _s, periodEnd: _e, ...rest } = count;
    const result = parseAggregateCount({ ...rest, week: '2024-W05', sex: 'male', ageBand: '5-14' }, { today });
    expect(result).toMatchObject({ ok: true, value: { periodStart: '2024-01-29', periodEnd: '2024-02-04', sex: 'male', ageBand: '5-14' } });
  });

  it.each([
    [{ count: -1 }, 'count:SURV_COUNT_INVALID'],
    [{ count: 2.5 }, 'count:SURV_COUNT_INVALID'],
    [{ count: '3' }, 'count:SURV_COUNT_INVALID'],
    [{ periodEnd: '2024-01-28' }, 'periodEnd:SURV_PERIOD_INVALID'],
    [{ periodStart: '2024-03-11', periodEnd: '2024-03-17' }, 'periodStart:SURV_PERIOD_IN_FUTURE'],
    [{ periodEnd: undefined }, 'periodEnd:SURV_FIELD_REQUIRED'],
    [{ week: '2024-W05' }, 'week:SURV_PERIOD_AMBIGUOUS'],
    [{ periodStart: '2024-02-30' }, 'periodStart:SURV_DATE_INVALID'],
    [{ sex: 'all-of-them' }, 'sex:SURV_FIELD_INVALID'],
  ])('refuses %j', (change, code) => {
    expect(codes(parseAggregateCount({ ...count, ...change }, { today }))).toEqual([code]);
  });

  it('refuses a week that does not exist', () => {
    const { periodStart: _s, periodEnd: _e, ...rest } = count;
    expect(codes(parseAggregateCount({ ...rest, week: '2023-W53' }, { today }))).toEqual(['week:SURV_WEEK_INVALID']);
  });

  it('gives equal cells equal keys and different cells different keys', () => {
    const a = parseAggregateCount(count, { today });
    const b = parseAggregateCount({ ...count, count: 99 }, { today });
    const c = parseAggregateCount({ ...count, sex: 'female' }, { today });
    if (!a.ok || !b.ok || !c.ok) throw new Error('fixtures must parse');
    expect(aggregateKey(a.value)).toBe(aggregateKey(b.value));
    expect(aggregateKey(a.value)).not.toBe(aggregateKey(c.value));
  });
});
