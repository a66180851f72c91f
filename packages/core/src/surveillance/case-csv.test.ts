import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CASE_CSV_COLUMNS, checkCaseCsvHeader, parseCaseCsvRow } from './case-csv.ts';

const today = '2024-03-10';

const csv = `clientId,party,area,facility,disease,onsetDate,reportDate,age,ageBand,sex,classification,outcome,labResult,patientName,phone,nationalId,village
c-1,UG,UG-102,Mulago,cholera,2024-03-01,2024-03-04,0.5,,female,confirmed,alive,positive,A. N. Other,+256700000000,,Kawempe
c-2,UG,UG-102,,cholera,,2024-03-04,,,male,suspected,,,,,,
c-3,UG,UG-102,,cholera,2024-03-06,2024-03-04,1e2,,x,suspected,,,,,,
`;

describe('checkCaseCsvHeader', () => {
  it('accepts the documented columns in any order', () => {
    expect(checkCaseCsvHeader([...CASE_CSV_COLUMNS].reverse())).toEqual([]);
  });

  it('names missing, unknown and repeated columns on line 1', () => {
    const errors = checkCaseCsvHeader(['clientId', 'party', 'area', 'disease', 'report_date', 'sex', 'sex']);
    expect(errors.map((e) => `${e.line}:${e.field}:${e.code}`)).toEqual([
      '1:reportDate:SURV_CSV_COLUMN_MISSING',
      '1:classification:SURV_CSV_COLUMN_MISSING',
      '1:report_date:SURV_CSV_COLUMN_UNKNOWN',
      '1:sex:SURV_CSV_COLUMN_DUPLICATE',
    ]);
  });
});

describe('parseCaseCsvRow', () => {
  const rows = parse(csv, { columns: true }) as Record<string, string>[];

  it('reads a full row with a fractional infant age', () => {
    const result = parseCaseCsvRow(rows[0]!, 2, { today });
    expect(result).toMatchObject({ ok: true, value: { clientId: 'c-1', age: 0.5, ageBand: '0-4', facility: 'Mulago', village: 'Kawempe' } });
    if (result.ok) expect(result.value).not.toHaveProperty('nationalId');
  });

  it('treats empty cells as not given', () => {
    const result = parseCaseCsvRow(rows[1]!, 3, { today });
    expect(result).toEqual({
      ok: true,
      value: { clientId: 'c-2', party: 'UG', area: 'UG-102', disease: 'cholera', reportDate: '2024-03-04', ageBand: 'unknown', sex: 'male', classification: 'suspected' },
    });
  });

  it('lists every error of a row with its line number', () => {
    const result = parseCaseCsvRow(rows[2]!, 4, { today });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => `${e.line}:${e.field}:${e.code}`)).toEqual(['4:age:SURV_AGE_INVALID', '4:sex:SURV_FIELD_INVALID']);
    }
  });

  it('reports the cross-field rule once types are right', () => {
    const result = parseCaseCsvRow({ ...rows[2]!, age: ' 7 ', sex: 'male' }, 9, { today });
    expect(result).toMatchObject({ ok: false, errors: [{ line: 9, field: 'onsetDate', code: 'SURV_ONSET_AFTER_REPORT' }] });
  });
});
