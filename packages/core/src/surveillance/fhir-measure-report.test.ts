import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FHIR_SYSTEMS } from './fhir-coding.ts';
import { importCountsOf, importOutcomeOf, operationOutcomeOf, readMeasureReport, toMeasureReports } from './fhir-measure-report.ts';
import { IMPORT_COUNTS_EXTENSION } from './fhir-coding.ts';
import { aggregateKey, type AggregateCount } from './records.ts';

const S = FHIR_SYSTEMS;
const strat = (code: string) => ({ coding: [{ system: S.stratifier, code }] });
const pop = (count: number) => [{ code: { coding: [{ system: S.population, code: 'initial-population' }] }, count }];

const report = () => ({
  resourceType: 'MeasureReport',
  status: 'complete',
  type: 'summary',
  measure: 'https://concord.example.org/fhir/Measure/case-counts',
  subject: { identifier: { system: S.area, value: 'UG-102' } },
  reporter: { identifier: { system: S.party, value: 'UG' } },
  period: { start: '2024-01-29', end: '2024-02-04T23:59:59Z' },
  group: [
    {
      code: { coding: [{ system: S.disease, code: 'cholera' }] },
      population: pop(12),
      stratifier: [
        {
          code: [strat('age-band'), strat('sex')],
          stratum: [
            { component: [{ code: strat('age-band'), value: { coding: [{ system: S.ageBand, code: '0-4' }] } }, { code: strat('sex'), value: { coding: [{ system: S.sex, code: 'female' }] } }], population: pop(5) },
            { component: [{ code: strat('age-band'), value: { coding: [{ system: S.ageBand, code: '65+' }] } }, { code: strat('sex'), value: { coding: [{ system: S.sex, code: 'male' }] } }], population: pop(7) },
          ],
        },
      ],
    },
    {
      // ICD-10 B05 is measles; a single-code stratifier may use stratum.value; mADX puts strata counts in measureScore.
      code: { coding: [{ system: S.icd10, code: 'B05' }] },
      stratifier: [{ code: [strat('classification')], stratum: [{ value: { coding: [{ system: S.classification, code: 'confirmed' }] }, measureScore: { value: 3 } }] }],
    },
  ],
});

const week = { party: 'UG', area: 'UG-102', periodStart: '2024-01-29', periodEnd: '2024-02-04' };

describe('readMeasureReport', () => {
  it('reads totals and strata into counts, with all for dimensions not broken down', () => {
    expect(readMeasureReport(report())).toEqual({
      ok: true,
      counts: [
        { ...week, disease: 'cholera', ageBand: 'all', sex: 'all', classification: 'all', count: 12 },
        { ...week, disease: 'cholera', ageBand: '0-4', sex: 'female', classification: 'all', count: 5 },
        { ...week, disease: 'cholera', ageBand: '65+', sex: 'male', classification: 'all', count: 7 },
        { ...week, disease: 'measles', ageBand: 'all', sex: 'all', classification: 'confirmed', count: 3 },
      ],
    });
  });

  const errorsOf = (mutate: (r: ReturnType<typeof report>) => unknown) => {
    const r = report();
    const result = readMeasureReport(mutate(r) ?? r);
    return result.ok ? [] : result.errors.map((e) => `${e.path} ${e.code}`);
  };

  it('refuses anything that is not a summary MeasureReport', () => {
    expect(errorsOf((r) => ({ ...r, resourceType: 'Observation' }))).toEqual(['MeasureReport SURV_FHIR_NOT_MEASURE_REPORT']);
    expect(errorsOf((r) => ({ ...r, type: 'individual' }))).toEqual(['MeasureReport.type SURV_FHIR_TYPE_UNSUPPORTED']);
    expect(errorsOf((r) => ({ ...r, status: 'error' }))).toEqual(['MeasureReport.status SURV_FHIR_STATUS_ERROR']);
    expect(errorsOf((r) => ({ ...r, group: 'x' }))).toEqual(['MeasureReport.group SURV_FHIR_STRUCTURE_INVALID']);
  });

  it('needs the area, the party and a real period', () => {
    expect(errorsOf((r) => ({ ...r, subject: { reference: 'Location/1' } }))).toEqual(['MeasureReport.subject SURV_FHIR_SUBJECT_MISSING']);
    expect(errorsOf((r) => ({ ...r, reporter: { identifier: { system: S.party, value: 'Uganda' } } }))).toEqual(['MeasureReport.reporter SURV_FHIR_REPORTER_MISSING']);
    expect(errorsOf((r) => ({ ...r, period: { start: '2024-02-30', end: '2024-03-01' } }))).toEqual(['MeasureReport.period SURV_FHIR_PERIOD_INVALID']);
    expect(errorsOf((r) => ({ ...r, period: { start: '2024-02-05', end: '2024-02-04' } }))).toEqual(['MeasureReport.period SURV_FHIR_PERIOD_INVALID']);
  });

  it('lists every bad group and stratum with its location', () => {
    const errors = errorsOf((r) => {
      // Free-form edits of a JSON fixture: typed loosely on purpose.
      const groups = r.group as unknown as { code: { coding: { code: string }[] }; stratifier: { stratum: { component: { value: { coding: { code: string }[] } }[]; population: unknown }[] }[] }[];
      groups[0]!.stratifier[0]!.stratum[0]!.component[1]!.value.coding[0]!.code = 'other';
      groups[0]!.stratifier[0]!.stratum[1]!.population = pop(-2);
      groups[1]!.code.coding[0]!.code = 'Z99';
      r.group.push({ code: { coding: [{ system: S.disease, code: 'dengue' }] } } as never);
      r.group.push({ code: { coding: [{ system: S.disease, code: 'mpox' }] }, stratifier: [{ code: [strat('region')], stratum: [{ value: { coding: [{ code: 'north' }] }, measureScore: { value: 1 } }] }] } as never);
    });
    expect(errors).toEqual([
      'MeasureReport.group[0].stratifier[0].stratum[0].component[1].value SURV_FHIR_CODE_UNKNOWN',
      'MeasureReport.group[0].stratifier[0].stratum[1] SURV_FHIR_COUNT_INVALID',
      'MeasureReport.group[1].code SURV_FHIR_DISEASE_UNKNOWN',
      'MeasureReport.group[2] SURV_FHIR_POPULATION_MISSING',
      'MeasureReport.group[3].stratifier[0].stratum[0].component[0].code SURV_FHIR_STRATUM_UNKNOWN',
      'MeasureReport.group[3] SURV_FHIR_POPULATION_MISSING',
    ]);
  });

  it('refuses two counts for one cell', () => {
    expect(errorsOf((r) => ({ ...r, group: [r.group[0], r.group[0]] }))).toContain('MeasureReport.group SURV_FHIR_DUPLICATE_CELL');
  });

  it('turns errors into an OperationOutcome', () => {
    const result = readMeasureReport({ ...report(), type: 'individual' });
    if (result.ok) throw new Error('expected a refusal');
    expect(operationOutcomeOf(result.errors)).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-supported', details: { coding: [{ system: S.errorCode, code: 'SURV_FHIR_TYPE_UNSUPPORTED' }], text: expect.any(String) }, expression: ['MeasureReport.type'] }],
    });
  });
});

describe('toMeasureReports', () => {
  it('writes one report per place and period, one group per disease, with the catalogue and ICD-10 codes', () => {
    const read = readMeasureReport(report());
    if (!read.ok) throw new Error('fixture must read');
    const [written, ...others] = toMeasureReports(read.counts, { date: '2024-02-05T08:00:00Z' });
    expect(others).toEqual([]);
    expect(written).toMatchObject({ resourceType: 'MeasureReport', type: 'summary', status: 'complete', date: '2024-02-05T08:00:00Z', period: { start: '2024-01-29', end: '2024-02-04' } });
    expect(written!.group.map((g) => g.code.coding.map((c) => c.code))).toEqual([
      ['cholera', 'A00'],
      ['measles', 'B05'],
    ]);
    expect(written!.group[0]!.stratifier![0]!.code.map((c) => c.coding[0]!.code)).toEqual(['age-band', 'sex']);
  });

  it('refuses duplicate cells rather than dropping one', () => {
    const c: AggregateCount = { ...week, disease: 'cholera', ageBand: 'all', sex: 'all', classification: 'all', count: 1 };
    expect(() => toMeasureReports([c, { ...c, count: 2 }])).toThrow(expect.objectContaining({ code: 'SURV_FHIR_DUPLICATE_CELL' }));
  });

  it('round-trips any set of distinct counts', () => {
    const cell = fc.record({
      party: fc.constantFrom('UG', 'KE'),
      area: fc.constantFrom('A-1', 'B-2'),
      period: fc.constantFrom(['2024-01-29', '2024-02-04'], ['2024-02-01', '2024-02-29']),
      disease: fc.constantFrom('cholera', 'measles', 'ebola'),
      ageBand: fc.constantFrom('all', '0-4', '65+', 'unknown'),
      sex: fc.constantFrom('all', 'male', 'female', 'unknown'),
      classification: fc.constantFrom('all', 'suspected', 'confirmed'),
      count: fc.nat({ max: 1_000_000 }),
    });
    const toCount = (c: typeof cell extends fc.Arbitrary<infer T> ? T : never): AggregateCount => ({
      party: c.party,
      area: c.area,
      periodStart: c.period[0]!,
      periodEnd: c.period[1]!,
      disease: c.disease,
      ageBand: c.ageBand as AggregateCount['ageBand'],
      sex: c.sex as AggregateCount['sex'],
      classification: c.classification as AggregateCount['classification'],
      count: c.count,
    });
    const sorted = (counts: AggregateCount[]) => [...counts].sort((a, b) => (aggregateKey(a) < aggregateKey(b) ? -1 : 1));
    fc.assert(
      fc.property(fc.uniqueArray(cell.map(toCount), { selector: aggregateKey, minLength: 1, maxLength: 40 }), (counts) => {
        const back = toMeasureReports(counts).flatMap((r) => {
          const result = readMeasureReport(JSON.parse(JSON.stringify(r)));
          if (!result.ok) throw new Error(JSON.stringify(result.errors));
          return result.counts;
        });
        expect(sorted(back)).toEqual(sorted(counts));
      }),
    );
  });
});

/** The elements FHIR R4 defines on OperationOutcome (DomainResource plus `issue`): nothing else may appear. */
const OPERATION_OUTCOME_ELEMENTS = ['resourceType', 'id', 'meta', 'implicitRules', 'language', 'text', 'contained', 'extension', 'modifierExtension', 'issue'];
const ISSUE_ELEMENTS = ['id', 'extension', 'modifierExtension', 'severity', 'code', 'details', 'diagnostics', 'location', 'expression'];

describe('importOutcomeOf', () => {
  const outcome = importOutcomeOf({ received: 3, imported: 2, updated: 1, signalsRaised: 0 });

  it('is an R4 OperationOutcome with only the elements R4 defines', () => {
    expect(Object.keys(outcome).every((key) => OPERATION_OUTCOME_ELEMENTS.includes(key))).toBe(true);
    expect(outcome.issue).toHaveLength(1);
    for (const issue of outcome.issue) {
      expect(Object.keys(issue).every((key) => ISSUE_ELEMENTS.includes(key))).toBe(true);
      expect(issue).toMatchObject({ severity: 'information', code: 'informational' });
    }
  });

  it('carries the figures in one complex extension whose parts each have a url and one value', () => {
    expect(outcome.extension).toHaveLength(1);
    const [extension] = outcome.extension;
    expect(extension!.url).toBe(IMPORT_COUNTS_EXTENSION);
    expect(extension!.url).toMatch(/^https:\/\//);
    for (const part of extension!.extension) expect(Object.keys(part).sort()).toEqual(['url', 'valueUnsignedInt']);
    expect(importCountsOf(outcome)).toEqual({ received: 3, imported: 2, updated: 1, signalsRaised: 0 });
  });

  it('reads nothing out of an outcome without the extension', () => {
    expect(importCountsOf(operationOutcomeOf([]))).toBeUndefined();
    expect(importCountsOf(null)).toBeUndefined();
  });
});
