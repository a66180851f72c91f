import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
let facility: { authorization: string };

beforeAll(async () => {
  node = await startTestNode();
  facility = await node.signIn(demoEmail('facility.ug'));
});
afterAll(() => node.close());

const report = (clientId: string, extra: Record<string, unknown> = {}) => ({
  clientId,
  party: 'UG',
  area: 'UG-C',
  disease: 'cholera',
  onsetDate: '2025-12-29',
  reportDate: '2025-12-31',
  age: 34,
  sex: 'female',
  classification: 'suspected',
  patientName: `Synthetic Person ${clientId}`,
  phone: '+256700000000',
  ...extra,
});

const post = (url: string, payload: unknown, headers = facility) => node.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });
const get = (url: string, headers = facility) => node.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

const weeklyTotal = async (by = '') => {
  const response = await get(`/surveillance/aggregates?party=UG&disease=cholera&from=2025-12-29&to=2025-12-29${by ? `&by=${by}` : ''}`);
  expect(response.statusCode).toBe(200);
  return response.json().cells as { count: number; sex?: string; period: string }[];
};

const storedCount = async () => (await node.db.query<{ n: number }>("SELECT count(*)::int8 AS n FROM case_reports WHERE party = 'UG'"))[0]!.n;

describe('case report ingest', () => {
  it('stores a batch, keeps the weekly and daily aggregates in step, and is idempotent by client id', async () => {
    const batch = { reports: [report('ug-1'), report('ug-2', { sex: 'male' }), report('ug-3', { reportDate: '2026-01-01' })] };
    const first = await post('/surveillance/cases/batch', batch);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ received: 3, created: 3, updated: 0, unchanged: 0 });

    const again = await post('/surveillance/cases/batch', batch);
    expect(again.json()).toMatchObject({ received: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await storedCount()).toBe(3);

    expect(await weeklyTotal()).toEqual([expect.objectContaining({ period: '2026-W01', count: 3 })]);
    const bySex = await weeklyTotal('sex');
    expect(bySex.map((c) => [c.sex, c.count])).toEqual([
      ['female', 2],
      ['male', 1],
    ]);
    const daily = await get('/surveillance/aggregates?party=UG&disease=cholera&period=day');
    expect(daily.json().cells.map((c: { period: string; count: number }) => [c.period, c.count])).toEqual([
      ['2025-12-31', 2],
      ['2026-01-01', 1],
    ]);
  });

  it('replaces a changed report and moves its count between cells', async () => {
    const changed = await post('/surveillance/cases/batch', { reports: [report('ug-2', { sex: 'female' })] });
    expect(changed.json()).toMatchObject({ updated: 1, results: [{ clientId: 'ug-2', status: 'updated' }] });
    expect((await weeklyTotal('sex')).map((c) => [c.sex, c.count])).toEqual([['female', 3]]);
    expect(await storedCount()).toBe(3);
  });

  it('rejects a batch with a bad record, naming it, and stores none of it', async () => {
    const response = await post('/surveillance/cases/batch', {
      reports: [report('ug-10'), report('ug-11', { sex: 'yes', reportDate: '2026-13-01' }), report('ug-12', { area: 'KE-30' })],
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('SURV_BATCH_REJECTED');
    expect(body.params.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, field: 'sex', code: 'SURV_FIELD_INVALID' }),
        expect.objectContaining({ index: 1, field: 'reportDate', code: 'SURV_DATE_INVALID' }),
      ]),
    );
    expect(await storedCount()).toBe(3);

    const unknownArea = await post('/surveillance/cases/batch', { reports: [report('ug-13'), report('ug-14', { area: 'KE-30' })] });
    expect(unknownArea.statusCode).toBe(422);
    expect(unknownArea.json().params.errors).toEqual([expect.objectContaining({ index: 1, field: 'area', code: 'SURV_AREA_UNKNOWN' })]);
    expect(await storedCount()).toBe(3);
  });

  it('refuses the same client id twice in one batch and report dates in the future', async () => {
    const repeated = await post('/surveillance/cases/batch', { reports: [report('ug-20'), report('ug-20')] });
    expect(repeated.json().params.errors).toEqual([expect.objectContaining({ index: 1, code: 'SURV_CLIENT_ID_REPEATED' })]);
    const future = await post('/surveillance/cases', report('ug-21', { reportDate: '2026-02-01' }));
    expect(future.statusCode).toBe(422);
    expect(future.json().params.errors[0]).toMatchObject({ field: 'reportDate', code: 'SURV_REPORT_IN_FUTURE' });
  });

  it('takes one report at a time: 201 when created, 200 when resent', async () => {
    const created = await post('/surveillance/cases', report('ug-30'));
    expect(created.statusCode).toBe(201);
    expect(created.json().results[0]).toMatchObject({ clientId: 'ug-30', status: 'created' });
    const resent = await post('/surveillance/cases', report('ug-30'));
    expect(resent.statusCode).toBe(200);
    expect(resent.json().results[0].status).toBe('unchanged');
  });

  it('writes an audit row per batch, in the same transaction', async () => {
    const rows = await node.db.query<{ details: { created: number } }>("SELECT details FROM audit_log WHERE action = 'case-reports.ingested' ORDER BY seq");
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]!.details.created).toBe(3);
  });
});
