import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOnlyPact } from '../support/public-test-pact.ts';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * GET /api/v1/public/cases: weekly national counts for anyone, each party's
 * release decided by the pact. The test clock is Monday 2026-01-05, so the
 * last complete ISO week starts on 2025-12-29 (2026-W01).
 */
let node: TestNode;

interface Cell {
  party: string;
  disease: string;
  weekStart: string;
  week: string;
  count: number | null;
  suppressed: boolean;
}

const get = async (query = '') => {
  const response = await node.app.inject({ url: `/api/v1/public/cases${query}` });
  return { status: response.statusCode, body: response.json(), text: response.body };
};
const cell = (cells: Cell[], party: string, disease: string, weekStart: string) => cells.find((c) => c.party === party && c.disease === disease && c.weekStart === weekStart);

beforeAll(async () => {
  node = await startTestNode();
  const report = (party: string, area: string, disease: string, clientId: string, reportDate: string) => ({
    clientId, party, area, disease, reportDate, sex: 'female', classification: 'suspected', patientName: 'Synthetic Name', phone: '+256700000000', village: 'Synthetic Village',
  });
  // Uganda: 7 cholera cases and 3 mpox cases in 2026-W01; Kenya: 7 cholera cases in 2026-W01 and, as counts, 12 in 2025-W52.
  const uganda = [
    ...Array.from({ length: 7 }, (_, i) => report('UG', 'UG-C', 'cholera', `ug-c-${i}`, '2025-12-30')),
    ...Array.from({ length: 3 }, (_, i) => report('UG', 'UG-C', 'mpox', `ug-m-${i}`, '2025-12-31')),
  ];
  const kenya = Array.from({ length: 7 }, (_, i) => report('KE', 'KE-30', 'cholera', `ke-c-${i}`, '2026-01-02'));
  for (const [who, reports] of [['facility.ug', uganda], ['facility.ke', kenya]] as const) {
    const stored = await node.app.inject({ method: 'POST', url: '/api/v1/surveillance/cases/batch', headers: await node.signIn(demoEmail(who)), payload: { reports } });
    expect(stored.statusCode).toBe(200);
  }
  const counts = await node.app.inject({
    method: 'POST',
    url: '/api/v1/surveillance/aggregates',
    headers: await node.signIn(demoEmail('facility.ke')),
    payload: { counts: [{ party: 'KE', area: 'KE-30', disease: 'cholera', week: '2025-W52', count: 12 }, { party: 'KE', area: 'KE-30', disease: 'cholera', week: '2026-W01', count: 4 }] },
  });
  expect(counts.statusCode).toBe(200);
});
afterAll(() => node.close());

describe('public weekly case counts', () => {
  it('answers without sign-in: a year of whole weeks per party and disease, the larger channel each week', async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2025-01-06', to: '2025-12-29', weeks: 52 });
    const cells = body.cells as Cell[];
    expect(cell(cells, 'UG', 'cholera', '2025-12-29')).toEqual({ party: 'UG', disease: 'cholera', weekStart: '2025-12-29', week: '2026-W01', count: 7, suppressed: false });
    // Kenya's line list (7) beats its reported 4 in 2026-W01; the reported 12 stands alone in 2025-W52.
    expect(cell(cells, 'KE', 'cholera', '2025-12-29')?.count).toBe(7);
    expect(cell(cells, 'KE', 'cholera', '2025-12-22')?.count).toBe(12);
    // Every week of a series with cases is there, zeros included.
    expect(cells.filter((c) => c.party === 'UG' && c.disease === 'cholera')).toHaveLength(52);
    expect(cell(cells, 'UG', 'cholera', '2025-06-02')).toMatchObject({ count: 0, suppressed: false });
    expect(body.diseases).toEqual(
      expect.arrayContaining([{ code: 'cholera', name: { en: 'Cholera', fr: 'Choléra' } }, expect.objectContaining({ code: 'mpox' })]),
    );
    expect(body.grants).toContainEqual({ party: 'UG', clauseId: 'case-counts-public', pactVersion: 2 });
    expect(body.withheld).toEqual([]);
  });

  it('withholds counts under the clause’s k and says which k applies', async () => {
    const { body } = await get('?disease=mpox');
    expect(body.suppression).toMatchObject({ UG: 5, KE: 5 });
    expect(body.cells.map((c: Cell) => c.disease)).toEqual(Array(52).fill('mpox'));
    expect(cell(body.cells, 'UG', 'mpox', '2025-12-29')).toEqual({ party: 'UG', disease: 'mpox', weekStart: '2025-12-29', week: '2026-W01', count: null, suppressed: true });
  });

  it('carries no personal field, and records each grant in the party’s access log', async () => {
    const { body, text } = await get();
    for (const c of body.cells) expect(Object.keys(c).sort()).toEqual(['count', 'disease', 'party', 'suppressed', 'week', 'weekStart']);
    for (const personal of ['Synthetic Name', '+256700000000', 'Synthetic Village', 'UG-C', 'female', 'suspected', 'ug-c-0']) expect(text).not.toContain(personal);
    const log = await node.services.access.report('UG');
    expect(log[0]).toMatchObject({ dataset: 'aggregate-counts', purpose: 'public-reporting', recipient: 'public', basis: 'pact', clauseId: 'case-counts-public', actor: 'system:public-dashboard', records: 104 });
  });

  it('takes a window of whole weeks, never past the last complete one, and refuses a bad one', async () => {
    const december = await get('?disease=cholera&from=2025-12-03&to=2026-01-10');
    expect(december.body).toMatchObject({ from: '2025-12-01', to: '2025-12-29', weeks: 5 });
    expect(new Set(december.body.cells.map((c: Cell) => c.weekStart))).toEqual(new Set(['2025-12-01', '2025-12-08', '2025-12-15', '2025-12-22', '2025-12-29']));
    const reversed = await get('?from=2025-12-29&to=2025-12-01');
    expect(reversed).toMatchObject({ status: 400, body: { code: 'SURV_QUERY_INVALID', params: { maxWeeks: 156 } } });
    expect((await get('?from=2020-01-06')).body.code).toBe('SURV_QUERY_INVALID');
    expect((await get('?disease=nonsense')).body.code).toBe('VALIDATION_FAILED');
  });

  it('lists a party no clause covers as withheld with the pact’s reasons, and applies the k of the clause that does', async () => {
    const restore = await withOnlyPact(
      node,
      'kenya-cases-public',
      `  - id: kenya-cases-public
    kind: data-sharing
    title: Kenya publishes its weekly counts
    dataset: aggregate-counts
    from: [KE]
    to: [public]
    purposes: [public-reporting]
    granularity: { place: country, time: week }
    minCellSize: 10
    retentionDays: 365`,
    );
    try {
      const { status, body } = await get('?disease=cholera');
      expect(status).toBe(200);
      expect(body.grants).toEqual([{ party: 'KE', clauseId: 'kenya-cases-public', pactVersion: 1 }]);
      expect(body.suppression).toEqual({ KE: 10 });
      expect(new Set(body.cells.map((c: Cell) => c.party))).toEqual(new Set(['KE']));
      expect(cell(body.cells, 'KE', 'cholera', '2025-12-29')).toMatchObject({ count: null, suppressed: true });
      expect(cell(body.cells, 'KE', 'cholera', '2025-12-22')).toMatchObject({ count: 12, suppressed: false });
      const uganda = body.withheld.find((w: { party: string }) => w.party === 'UG');
      expect(uganda).toMatchObject({ code: 'ACCESS_DENIED_BY_PACT' });
      expect(uganda.reasons.join(' ')).toMatch(/PACT_PARTY_NOT_COVERED.*not of `UG`/);
      expect(body.withheld.map((w: { party: string }) => w.party).sort()).toEqual(['BI', 'CD', 'RW', 'SO', 'SS', 'TZ', 'UG']);
    } finally {
      await restore();
    }
    expect((await get('?disease=cholera')).body.withheld).toEqual([]);
  });
});
