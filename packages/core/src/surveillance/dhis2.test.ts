import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDataValueSet } from './dhis2-export.ts';
import { settleImportCount } from './dhis2-import-summary.ts';
import { importDataValueSet, parseDhis2Mapping, type Dhis2Mapping } from './dhis2.ts';
import type { AggregateCount } from './records.ts';

// Identifiers look like DHIS2 UIDs (11 characters, starting with a letter) but are made up.
const mapping: Dhis2Mapping = parseDhis2Mapping({
  dataElements: {
    CholSusp001: { disease: 'cholera', classification: 'suspected' },
    CholConf001: { disease: 'cholera', classification: 'confirmed' },
    MeasCase001: { disease: 'measles' },
  },
  categoryOptionCombos: {
    DefaultCoc1: {},
    MaleU5Coc01: { sex: 'male', ageBand: '0-4' },
    Fem5to14Coc: { sex: 'female', ageBand: '5-14' },
    LabConfCoc1: { classification: 'confirmed' },
  },
  orgUnits: {
    OuKampala01: { party: 'UG', area: 'UG-102' },
    OuNairobi01: { party: 'KE', area: 'KE-047' },
  },
});

describe('importDataValueSet', () => {
  it('reads the single-form variant, with period and org unit on the set', () => {
    const { counts, summary } = importDataValueSet(
      {
        dataSet: 'IdsrWeekly1',
        completeDate: '2024-02-05',
        period: '2024W5',
        orgUnit: 'OuKampala01',
        dataValues: [
          { dataElement: 'CholSusp001', categoryOptionCombo: 'MaleU5Coc01', value: '4' },
          { dataElement: 'MeasCase001', value: '0', comment: 'nil report' },
          { dataElement: 'MeasCase001', categoryOptionCombo: 'LabConfCoc1', value: 2 },
        ],
      },
      mapping,
    );
    const week = { party: 'UG', area: 'UG-102', periodStart: '2024-01-29', periodEnd: '2024-02-04' };
    expect(counts).toEqual([
      { ...week, disease: 'cholera', ageBand: '0-4', sex: 'male', classification: 'suspected', count: 4 },
      { ...week, disease: 'measles', ageBand: 'all', sex: 'all', classification: 'all', count: 0 },
      { ...week, disease: 'measles', ageBand: 'all', sex: 'all', classification: 'confirmed', count: 2 },
    ]);
    expect(summary).toEqual({
      responseType: 'ImportSummary',
      status: 'SUCCESS',
      description: 'Import process completed successfully',
      importCount: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
      conflicts: [],
      rejectedIndexes: [],
    });
  });

  it('turns every bad value into a conflict and ignores it', () => {
    const values = [
      /* 0 */ { dataElement: 'CholConf001', period: '202402', orgUnit: 'OuNairobi01', value: '7' },
      /* 1 */ { dataElement: 'NotMapped01', period: '202402', orgUnit: 'OuNairobi01', value: '1' },
      /* 2 */ { dataElement: 'NotMapped01', period: '202403', orgUnit: 'OuNairobi01', value: '1' },
      /* 3 */ { dataElement: 'MeasCase001', period: '202402', orgUnit: 'OuUnknown01', value: '1' },
      /* 4 */ { dataElement: 'MeasCase001', period: '2024W53', orgUnit: 'OuNairobi01', value: '1' },
      /* 5 */ { dataElement: 'MeasCase001', period: '2024BiW2', orgUnit: 'OuNairobi01', value: '1' },
      /* 6 */ { dataElement: 'MeasCase001', period: '202402', orgUnit: 'OuNairobi01', categoryOptionCombo: 'NoSuchCoc01', value: '1' },
      /* 7 */ { dataElement: 'CholSusp001', period: '202402', orgUnit: 'OuNairobi01', categoryOptionCombo: 'LabConfCoc1', value: '1' },
      /* 8 */ { dataElement: 'MeasCase001', period: '202402', orgUnit: 'OuNairobi01', value: '' },
      /* 9 */ { dataElement: 'MeasCase001', period: '202402', orgUnit: 'OuNairobi01', value: '3.5' },
      /* 10 */ { dataElement: 'MeasCase001', period: '202402', orgUnit: 'OuNairobi01', value: '-1' },
      /* 11 */ { dataElement: 'MeasCase001', period: '202402', orgUnit: 'OuNairobi01', value: '5', deleted: true },
      /* 12 */ { period: '202402', orgUnit: 'OuNairobi01', value: '5' },
      /* 13 */ { dataElement: 'CholConf001', period: '202402', orgUnit: 'OuNairobi01', categoryOptionCombo: 'LabConfCoc1', value: '8' },
      /* 14 */ { dataElement: 'MeasCase001', period: '202402', orgUnit: 'OuNairobi01', value: '12' },
    ];
    const { counts, summary } = importDataValueSet({ dataValues: values }, mapping);
    expect(counts.map((c) => `${c.disease}/${c.classification}=${c.count}`)).toEqual(['cholera/confirmed=7', 'measles/all=12']);
    expect(summary.status).toBe('WARNING');
    expect(summary.importCount).toEqual({ imported: 2, updated: 0, ignored: 13, deleted: 0 });
    expect(summary.rejectedIndexes).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(summary.conflicts.map((c) => [c.errorCode, c.property, c.object, c.indexes])).toEqual([
      ['E7610', 'dataElement', 'NotMapped01', [1, 2]],
      ['E7612', 'orgUnit', 'OuUnknown01', [3]],
      ['E7611', 'period', '2024W53', [4]],
      ['E7611', 'period', '2024BiW2', [5]],
      ['E7613', 'categoryOptionCombo', 'NoSuchCoc01', [6]],
      ['SURV_DHIS2_CLASSIFICATION_CONFLICT', 'categoryOptionCombo', 'LabConfCoc1', [7]],
      ['E7618', 'value', 'MeasCase001', [8]],
      ['E7619', 'value', 'MeasCase001', [9, 10]],
      ['SURV_DHIS2_DELETE_UNSUPPORTED', 'deleted', 'MeasCase001', [11]],
      ['E7610', 'dataElement', '', [12]],
      ['SURV_DHIS2_DUPLICATE_CELL', 'dataValue', 'KE|KE-047|cholera|2024-02-01|2024-02-29|all|all|confirmed', [13]],
    ]);
    expect(summary.conflicts[0]!.value).toMatch(/NotMapped01/);
  });

  it('reports ERROR when nothing could be imported, and in atomic mode on any conflict', () => {
    const bad = { dataValues: [{ dataElement: 'NotMapped01', period: '202402', orgUnit: 'OuNairobi01', value: '1' }] };
    expect(importDataValueSet(bad, mapping).summary.status).toBe('ERROR');
    const mixed = { dataValues: [...bad.dataValues, { dataElement: 'MeasCase001', period: '202402', orgUnit: 'OuNairobi01', value: '1' }] };
    const atomic = importDataValueSet(mixed, mapping, { atomic: true });
    expect(atomic.counts).toEqual([]);
    expect(atomic.summary).toMatchObject({ status: 'ERROR', importCount: { imported: 0, ignored: 2 }, rejectedIndexes: [0] });
    expect(atomic.summary.description).toMatch(/atomic/);
  });

  it('refuses periods that start after today when told the date', () => {
    const payload = { dataValues: [{ dataElement: 'MeasCase001', period: '2024W12', orgUnit: 'OuNairobi01', value: '1' }] };
    expect(importDataValueSet(payload, mapping, { today: '2024-03-17' }).summary.conflicts[0]?.errorCode).toBe('E7641');
    expect(importDataValueSet(payload, mapping, { today: '2024-03-18' }).summary.status).toBe('SUCCESS');
  });

  it('throws only when the payload is not a data value set', () => {
    for (const payload of [null, [], 'x', { dataValues: 'no' }, {}]) {
      expect(() => importDataValueSet(payload, mapping)).toThrow(expect.objectContaining({ code: 'SURV_DHIS2_PAYLOAD_INVALID' }));
    }
    expect(importDataValueSet({ dataValues: [] }, mapping).summary.status).toBe('SUCCESS');
  });

  it('accounts for every value exactly once', () => {
    const value = fc.record({
      dataElement: fc.constantFrom('CholSusp001', 'CholConf001', 'MeasCase001', 'NotMapped01'),
      period: fc.constantFrom('2024W5', '202402', '2024Q1', '2024W60', 'x'),
      orgUnit: fc.constantFrom('OuKampala01', 'OuNairobi01', 'Nope0000001'),
      categoryOptionCombo: fc.constantFrom('DefaultCoc1', 'MaleU5Coc01', 'LabConfCoc1', 'Unknown0001'),
      value: fc.oneof(fc.nat({ max: 500 }).map(String), fc.constantFrom('', '1.5', '-3', 'ten')),
    });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.boolean(), (dataValues, atomic) => {
        const { counts, summary } = importDataValueSet({ dataValues }, mapping, { atomic });
        const c = summary.importCount;
        expect(c.imported).toBe(counts.length);
        expect(c.imported + c.ignored).toBe(dataValues.length);
        expect(new Set(summary.rejectedIndexes).size).toBe(summary.rejectedIndexes.length);
        if (atomic && summary.conflicts.length > 0) expect(c.imported).toBe(0);
        else expect(summary.rejectedIndexes.length).toBe(c.ignored);
        expect(summary.status === 'SUCCESS').toBe(summary.conflicts.length === 0);
      }),
    );
  });
});

describe('settleImportCount', () => {
  it('splits accepted values into imported and updated, and refuses numbers that do not add up', () => {
    const { summary } = importDataValueSet({ period: '202402', orgUnit: 'OuNairobi01', dataValues: [{ dataElement: 'MeasCase001', value: '1' }, { dataElement: 'CholConf001', value: '2' }] }, mapping);
    expect(settleImportCount(summary, { imported: 1, updated: 1 }).importCount).toEqual({ imported: 1, updated: 1, ignored: 0, deleted: 0 });
    expect(() => settleImportCount(summary, { imported: 1, updated: 0 })).toThrow(expect.objectContaining({ code: 'SURV_DHIS2_STORE_MISMATCH' }));
  });
});

describe('parseDhis2Mapping', () => {
  it('lists every problem of a bad mapping', () => {
    const bad = { dataElements: { a: { disease: 'flu' } }, categoryOptionCombos: { b: { sex: 'm' } }, orgUnits: { c: { party: 'uga', area: 'x' } } };
    expect(() => parseDhis2Mapping(bad)).toThrow(expect.objectContaining({ code: 'SURV_DHIS2_MAPPING_INVALID', params: { problems: expect.arrayContaining([expect.stringMatching(/^dataElements\.a\.disease/), expect.stringMatching(/^categoryOptionCombos\.b\.sex/), expect.stringMatching(/^orgUnits\.c\.party/)]) } }));
  });
});

describe('exportDataValueSet', () => {
  const base = { party: 'UG', area: 'UG-102', periodStart: '2024-01-29', periodEnd: '2024-02-04' };

  it('writes the bulk variant with the mapped identifiers', () => {
    const counts: AggregateCount[] = [
      { ...base, disease: 'cholera', ageBand: '0-4', sex: 'male', classification: 'suspected', count: 4 },
      { ...base, disease: 'measles', ageBand: 'all', sex: 'all', classification: 'all', count: 9 },
    ];
    expect(exportDataValueSet(counts, mapping, { dataSet: 'IdsrWeekly1' })).toEqual({
      dataValueSet: {
        dataSet: 'IdsrWeekly1',
        dataValues: [
          { dataElement: 'CholSusp001', period: '2024W5', orgUnit: 'OuKampala01', categoryOptionCombo: 'MaleU5Coc01', value: '4' },
          { dataElement: 'MeasCase001', period: '2024W5', orgUnit: 'OuKampala01', categoryOptionCombo: 'DefaultCoc1', value: '9' },
        ],
      },
      unmapped: [],
    });
  });

  it('returns what it cannot express, with the reason', () => {
    const counts: AggregateCount[] = [
      { ...base, area: 'UG-999', disease: 'measles', ageBand: 'all', sex: 'all', classification: 'all', count: 1 },
      { ...base, disease: 'dengue', ageBand: 'all', sex: 'all', classification: 'all', count: 1 },
      { ...base, periodStart: '2024-01-28', periodEnd: '2024-02-03', disease: 'measles', ageBand: 'all', sex: 'all', classification: 'all', count: 1 },
    ];
    const { dataValueSet, unmapped } = exportDataValueSet(counts, mapping);
    expect(dataValueSet.dataValues).toEqual([]);
    expect(unmapped.map((u) => u.reason)).toEqual(['SURV_DHIS2_NO_ORG_UNIT', 'SURV_DHIS2_NO_DATA_ELEMENT', 'SURV_DHIS2_NO_PERIOD_TYPE']);
  });

  it('round-trips: what it exports imports back to the same counts', () => {
    const cell = fc.record({
      place: fc.constantFrom(['UG', 'UG-102'], ['KE', 'KE-047']),
      period: fc.constantFrom(['2024-01-29', '2024-02-04'], ['2024-02-01', '2024-02-29'], ['2024-04-01', '2024-06-30'], ['2024-03-03', '2024-03-03']),
      dims: fc.constantFrom(
        ['cholera', '0-4', 'male', 'suspected'],
        ['cholera', 'all', 'all', 'confirmed'],
        ['measles', '5-14', 'female', 'all'],
        ['measles', 'all', 'all', 'confirmed'],
      ),
      count: fc.nat({ max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(cell, { selector: (c) => `${c.place}${c.period}${c.dims}`, maxLength: 30 }), (cells) => {
        const counts = cells.map(
          (c): AggregateCount => ({
            party: c.place[0]!,
            area: c.place[1]!,
            periodStart: c.period[0]!,
            periodEnd: c.period[1]!,
            disease: c.dims[0]!,
            ageBand: c.dims[1] as AggregateCount['ageBand'],
            sex: c.dims[2] as AggregateCount['sex'],
            classification: c.dims[3] as AggregateCount['classification'],
            count: c.count,
          }),
        );
        const { dataValueSet, unmapped } = exportDataValueSet(counts, mapping);
        expect(unmapped).toEqual([]);
        const back = importDataValueSet(dataValueSet, mapping);
        expect(back.summary.status).toBe('SUCCESS');
        expect(back.counts).toEqual(counts);
      }),
    );
  });
});
