import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCountsOf } from '@concord/core';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
let nfp: { authorization: string };
let lab: { authorization: string };

beforeAll(async () => {
  node = await startTestNode();
  nfp = await node.signIn(demoEmail('nfp.ke'));
  lab = await node.signIn(demoEmail('lab.ke'));
});
afterAll(() => node.close());

const csv = (lines: string[]) => `${lines.join('\n')}\n`;
const HEADER = 'clientId,party,area,facility,disease,onsetDate,reportDate,age,sex,classification,labResult,patientName,phone';
const postCsv = (body: string, headers = lab) =>
  node.app.inject({ method: 'POST', url: '/api/v1/surveillance/cases/csv', headers: { ...headers, 'content-type': 'text/csv' }, payload: body });
const caseCount = async () => (await node.db.query<{ n: number }>("SELECT count(*)::int8 AS n FROM case_reports WHERE party = 'KE'"))[0]!.n;
const weekCells = async (source: 'cases' | 'reported', extra = '') =>
  (await node.app.inject({ method: 'GET', url: `/api/v1/surveillance/aggregates?party=KE&source=${source}${extra}`, headers: nfp })).json().cells;

describe('CSV line-list upload', () => {
  it('stores a clean file and counts its rows into the aggregates', async () => {
    const response = await postCsv(
      csv([
        HEADER,
        'ke-1,KE,KE-30,Clinic A,measles,2025-12-28,2025-12-30,4,female,suspected,pending,Synthetic A,+254700000001',
        'ke-2,KE,KE-30,Clinic A,measles,,2025-12-30,0.5,male,confirmed,positive,"Synthetic, B",',
        'ke-3,KE,KE-28,,measles,,2026-01-02,,unknown,probable,,,',
      ]),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ received: 3, created: 3 });
    const cells = await weekCells('cases', '&by=area,ageBand');
    expect(cells.map((c: Record<string, unknown>) => [c.area, c.ageBand, c.count])).toEqual([
      ['KE-28', 'unknown', 1],
      ['KE-30', '0-4', 2],
    ]);
  });

  it('rejects a file with bad lines, naming each line, and stores nothing from it', async () => {
    const before = await caseCount();
    const response = await postCsv(
      csv([
        HEADER,
        'ke-10,KE,KE-30,,measles,,2025-12-30,30,female,suspected,,,',
        'ke-11,KE,KE-30,,measles,,2025-12-30,ten,female,suspected,,,',
        'ke-12,KE,KE-30,,flu-ish,,2025-12-30,30,female,suspected,,,',
        'ke-13,KE,KE-30,,measles,2026-01-01,2025-12-30,30,female,suspected,,,',
        'ke-14,KE,KE-30,,measles,,2025-12-30,30,female,suspected,,,',
      ]),
    );
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('SURV_BATCH_REJECTED');
    expect(body.params.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'SURV_AGE_INVALID'],
      [4, 'SURV_DISEASE_UNKNOWN'],
      [5, 'SURV_ONSET_AFTER_REPORT'],
    ]);
    expect(await caseCount()).toBe(before);
  });

  it('reports header problems before any row, and rows of the wrong width by line', async () => {
    const header = await postCsv(csv(['clientId,party,area,disease,reportDate,sex,colour', 'x,KE,KE-30,measles,2025-12-30,male,red']));
    expect(header.statusCode).toBe(422);
    expect(header.json().params.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([
      ['SURV_CSV_COLUMN_MISSING', 'classification'],
      ['SURV_CSV_COLUMN_UNKNOWN', 'colour'],
    ]);
    const ragged = await postCsv(csv([HEADER, 'ke-20,KE,KE-30,,measles,,2025-12-30,30,female,suspected,,,', 'ke-21,KE,KE-30']));
    expect(ragged.statusCode).toBe(422);
    expect(ragged.json().params.errors).toEqual([expect.objectContaining({ line: 3, code: 'SURV_CSV_ROW_INVALID' })]);
  });

  it('refuses a KE file that reports a UG case, line by line', async () => {
    const response = await postCsv(csv([HEADER, 'ke-30,UG,UG-C,,cholera,,2025-12-30,30,female,suspected,,,']));
    expect(response.statusCode).toBe(422);
    expect(response.json().params.errors).toEqual([expect.objectContaining({ line: 2, field: 'party', code: 'ACCESS_OUT_OF_SCOPE' })]);
  });
});

describe('personal fields at rest', () => {
  it('holds ciphertext bound to its row: the database never sees the name, and a copied value does not decrypt', async () => {
    const rows = await node.db.query<{ id: string; patient_name: string; phone: string | null }>(
      "SELECT id, patient_name, phone FROM case_reports WHERE party = 'KE' AND client_id IN ('ke-1', 'ke-2') ORDER BY client_id",
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.patient_name).toMatch(/^enc:v1:[A-Za-z0-9]+:/);
    expect(rows.map((r) => r.patient_name).join()).not.toContain('Synthetic');
    expect(rows[1]!.phone).toBeNull();

    const read = await node.app.inject({ method: 'GET', url: '/api/v1/surveillance/cases?disease=measles', headers: nfp });
    expect(read.json().cases.find((c: { clientId: string }) => c.clientId === 'ke-2').patientName).toBe('Synthetic, B');

    // Someone with database access moves a ciphertext to another row: it fails its integrity check instead of reading.
    await node.db.query("UPDATE case_reports SET patient_name = $1 WHERE party = 'KE' AND client_id = 'ke-3'", [rows[0]!.patient_name]);
    const tampered = await node.app.inject({ method: 'GET', url: '/api/v1/surveillance/cases?disease=measles', headers: nfp });
    expect(tampered.statusCode).toBe(500);
    await node.db.query("UPDATE case_reports SET patient_name = NULL WHERE party = 'KE' AND client_id = 'ke-3'");
  });

  it('refuses plaintext in a personal column at the database itself', async () => {
    await expect(node.db.query("UPDATE case_reports SET village = 'Kibera' WHERE party = 'KE' AND client_id = 'ke-1'")).rejects.toThrow(/check constraint/);
  });
});

const MAPPING = {
  dataElements: { MeasCase001: { disease: 'measles' }, CholSusp001: { disease: 'cholera', classification: 'suspected' } },
  categoryOptionCombos: { HllvX50cXC0: {}, MaleU5Coc01: { sex: 'male', ageBand: '0-4' } },
  orgUnits: { OuNairobi01: { party: 'KE', area: 'KE-30' }, OuMombasa01: { party: 'KE', area: 'KE-28' } },
};

describe('DHIS2 dataValueSets', () => {
  it('needs a mapping first, and refuses org units outside the party', async () => {
    const missing = await node.app.inject({ method: 'POST', url: '/api/v1/surveillance/dhis2/dataValueSets', headers: nfp, payload: { dataValues: [] } });
    expect(missing.json().code).toBe('SURV_DHIS2_MAPPING_MISSING');
    const foreign = await node.app.inject({
      method: 'PUT',
      url: '/api/v1/surveillance/dhis2/mapping',
      headers: nfp,
      payload: { ...MAPPING, orgUnits: { OuKampala01: { party: 'UG', area: 'UG-C' } } },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ code: 'SURV_DHIS2_MAPPING_OUT_OF_SCOPE', params: { orgUnits: ['OuKampala01'] } });
    const saved = await node.app.inject({ method: 'PUT', url: '/api/v1/surveillance/dhis2/mapping', headers: nfp, payload: MAPPING });
    expect(saved.statusCode).toBe(200);
  });

  it('imports what it can and answers with a DHIS2 import summary; a resend updates', async () => {
    const payload = {
      dataSet: 'IdsrWeekly1',
      period: '2025W52',
      orgUnit: 'OuNairobi01',
      dataValues: [
        { dataElement: 'MeasCase001', categoryOptionCombo: 'HllvX50cXC0', value: '12' },
        { dataElement: 'MeasCase001', categoryOptionCombo: 'MaleU5Coc01', value: '4' },
        { dataElement: 'NotMapped01', value: '1' },
        { dataElement: 'CholSusp001', value: 'three' },
      ],
    };
    const first = await node.app.inject({ method: 'POST', url: '/api/v1/surveillance/dhis2/dataValueSets', headers: lab, payload });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      responseType: 'ImportSummary',
      status: 'WARNING',
      importCount: { imported: 2, updated: 0, ignored: 2, deleted: 0 },
      rejectedIndexes: [2, 3],
    });
    expect(first.json().conflicts.map((c: { errorCode: string }) => c.errorCode).sort()).toEqual(['E7610', 'E7619']);

    const again = await node.app.inject({ method: 'POST', url: '/api/v1/surveillance/dhis2/dataValueSets', headers: lab, payload });
    expect(again.json().importCount).toEqual({ imported: 0, updated: 2, ignored: 2, deleted: 0 });

    const reported = await weekCells('reported', '&disease=measles&by=area');
    expect(reported).toEqual([expect.objectContaining({ area: 'KE-30', period: '2025-W52', count: 12 })]);
  });

  it('rejects the whole set in atomic mode (409, status ERROR) and stores nothing', async () => {
    const payload = { dataValues: [{ dataElement: 'MeasCase001', period: '2025W51', orgUnit: 'OuMombasa01', value: '7' }, { dataElement: 'MeasCase001', period: '2025W51', orgUnit: 'OuNowhere', value: '1' }] };
    const response = await node.app.inject({ method: 'POST', url: '/api/v1/surveillance/dhis2/dataValueSets?atomicMode=ALL', headers: lab, payload });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ status: 'ERROR', importCount: { imported: 0 } });
    expect(await weekCells('reported', '&disease=measles&from=2025-12-15&to=2025-12-15')).toEqual([]);
  });
});

const measureReport = (count: number, extra: Record<string, unknown> = {}) => ({
  resourceType: 'MeasureReport',
  status: 'complete',
  type: 'summary',
  measure: 'https://concord.example.org/fhir/Measure/case-counts',
  subject: { identifier: { system: 'https://concord.example.org/fhir/NamingSystem/area', value: 'KE-28' } },
  reporter: { identifier: { system: 'urn:iso:std:iso:3166', value: 'KE' } },
  period: { start: '2025-12-22', end: '2025-12-28' },
  group: [
    {
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'A00' }] },
      population: [{ code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'initial-population' }] }, count }],
    },
  ],
  ...extra,
});

describe('FHIR R4 MeasureReport', () => {
  it('stores a summary report as a weekly cholera total', async () => {
    const response = await node.app.inject({
      method: 'POST',
      url: '/api/v1/surveillance/fhir/MeasureReport',
      headers: { ...lab, 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(measureReport(9)),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const outcome = response.json();
    // A valid R4 OperationOutcome: no elements beyond R4's; the figures sit in the import-counts extension.
    expect(Object.keys(outcome).sort()).toEqual(['extension', 'issue', 'resourceType']);
    expect(outcome).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] });
    expect(importCountsOf(outcome)).toEqual({ received: 1, imported: 1, updated: 0, signalsRaised: 0 });
    expect(await weekCells('reported', '&disease=cholera')).toEqual([expect.objectContaining({ period: '2025-W52', count: 9 })]);
  });

  it('refuses a broken report whole with an OperationOutcome carrying the Concord codes', async () => {
    const response = await node.app.inject({
      method: 'POST',
      url: '/api/v1/surveillance/fhir/MeasureReport',
      headers: lab,
      payload: measureReport(-3, { type: 'individual' }),
    });
    expect(response.statusCode).toBe(422);
    const outcome = response.json();
    expect(outcome.resourceType).toBe('OperationOutcome');
    const codes = outcome.issue.map((i: { details: { coding: { code: string }[] } }) => i.details.coding[0]!.code);
    expect(codes).toContain('SURV_FHIR_TYPE_UNSUPPORTED');
    expect(await weekCells('reported', '&disease=cholera')).toEqual([expect.objectContaining({ count: 9 })]);
  });
});
