import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/** Who may write and read which party's surveillance data, and in what form. */
let node: TestNode;
const as: Record<string, { authorization: string }> = {};

beforeAll(async () => {
  node = await startTestNode();
  for (const user of ['facility.ug', 'nfp.ug', 'facility.ke', 'nfp.ke', 'hub']) as[user] = await node.signIn(demoEmail(user));
  // Uganda reports 7 cholera cases in Kampala and 2 in Gulu, and 3 mpox cases in Kampala.
  const reports = [
    ...Array.from({ length: 7 }, (_, i) => ({ clientId: `c-${i}`, area: 'UG-C', disease: 'cholera' })),
    ...Array.from({ length: 2 }, (_, i) => ({ clientId: `n-${i}`, area: 'UG-N', disease: 'cholera' })),
    ...Array.from({ length: 3 }, (_, i) => ({ clientId: `m-${i}`, area: 'UG-C', disease: 'mpox' })),
  ].map((r) => ({ ...r, party: 'UG', reportDate: '2025-12-30', sex: 'female', classification: 'suspected', patientName: 'Synthetic Name', village: 'Synthetic Village' }));
  const stored = await call('POST', '/surveillance/cases/batch', 'facility.ug', { reports });
  expect(stored.status).toBe(200);
});
afterAll(() => node.close());

const call = async (method: 'GET' | 'POST', url: string, who: string, payload?: object) => {
  const response = await node.app.inject({ method, url: `/api/v1${url}`, headers: as[who], ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
};

const ugandaCase = { clientId: 'x-1', party: 'UG', area: 'UG-C', disease: 'cholera', reportDate: '2025-12-30', sex: 'male', classification: 'suspected' };

describe('writing a line list', () => {
  it("refuses a Kenyan reporter writing Uganda's line list, and stores nothing", async () => {
    const response = await call('POST', '/surveillance/cases/batch', 'facility.ke', { reports: [ugandaCase] });
    expect(response.status).toBe(422);
    expect(response.body.params.errors).toEqual([expect.objectContaining({ index: 0, field: 'party', code: 'ACCESS_OUT_OF_SCOPE' })]);
    const rows = await node.db.query("SELECT 1 FROM case_reports WHERE client_id = 'x-1'");
    expect(rows).toEqual([]);
  });

  it('refuses hub roles outright: the hub does not write a party’s line list', async () => {
    const response = await call('POST', '/surveillance/cases', 'hub', ugandaCase);
    expect(response).toMatchObject({ status: 403, body: { code: 'ACCESS_ROLE_DENIED' } });
  });
});

describe('reading a line list', () => {
  it("lets Uganda's own staff read it in full, and records the read", async () => {
    const read = await call('GET', '/surveillance/cases?disease=cholera', 'facility.ug');
    expect(read.body).toMatchObject({ party: 'UG', basis: 'own-jurisdiction', total: 9, droppedFields: [] });
    expect(read.body.cases[0]).toMatchObject({ patientName: 'Synthetic Name', village: 'Synthetic Village' });
    const log = await node.services.access.report('UG');
    expect(log).toContainEqual(expect.objectContaining({ dataset: 'case-reports', basis: 'own-jurisdiction', records: 9 }));
    expect(log.find((entry) => entry.dataset === 'case-reports')!.subjects).toHaveLength(9);
  });

  it("refuses Kenya reading Uganda's line list while no alert opens a clause", async () => {
    const read = await call('GET', '/surveillance/cases?party=UG&disease=cholera&purpose=outbreak-response', 'nfp.ke');
    expect(read).toMatchObject({ status: 403, body: { code: 'ACCESS_DENIED_BY_PACT' } });
    const research = await call('GET', '/surveillance/cases?party=UG&purpose=research', 'nfp.ke');
    expect(research.status).toBe(403);
  });

  it("refuses the hub Kenya's line list (no clause sends case reports of Kenya to the hub)", async () => {
    const read = await call('GET', '/surveillance/cases?party=KE&disease=cholera&purpose=outbreak-response', 'hub');
    expect(read).toMatchObject({ status: 403, body: { code: 'ACCESS_DENIED_BY_PACT' } });
    expect(read.body.params.reasons.join(' ')).toMatch(/not of `KE`|not with `EAC`/);
  });

  it('gives the hub Uganda’s mpox line list once Uganda is at mpox alert level 3, without identifiers', async () => {
    expect((await call('GET', '/surveillance/cases?party=UG&disease=mpox&purpose=outbreak-response', 'hub')).status).toBe(403);
    const opened = await call('POST', '/events', 'nfp.ug', { title: 'Mpox clade Ib in Kampala', disease: 'mpox', area: 'UG-C' });
    await call('POST', `/events/${opened.body.id}/verify`, 'nfp.ug', { outcome: 'confirmed' });
    const assessed = await call('POST', `/events/${opened.body.id}/risk-assessments`, 'nfp.ug', { likelihood: 'highly-likely', consequences: 'moderate' });
    expect(assessed.body.alertLevel).toBe(3);

    const read = await call('GET', '/surveillance/cases?party=UG&disease=mpox&purpose=outbreak-response', 'hub');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ basis: 'pact', clauseId: 'mpox-case-reports-great-lakes', total: 3 });
    expect(read.body.retainUntil).toBe('2026-04-05');
    for (const record of read.body.cases) for (const field of ['patientName', 'phone', 'nationalId', 'village']) expect(record).not.toHaveProperty(field);
    const log = await node.services.access.report('UG');
    expect(log).toContainEqual(expect.objectContaining({ dataset: 'case-reports', basis: 'pact', clauseId: 'mpox-case-reports-great-lakes', records: 3 }));
    // Kenya is not a Great Lakes party of that clause: its line list stays closed to the hub.
    expect((await call('GET', '/surveillance/cases?party=KE&disease=mpox&purpose=outbreak-response', 'hub')).status).toBe(403);
  });
});

describe('reading aggregates', () => {
  it('shows the owner every count, and the hub no count under 5 nor one the total would give away, per the clause', async () => {
    const own = await call('GET', '/surveillance/aggregates?party=UG&disease=cholera&by=area', 'nfp.ug');
    expect(own.body.cells.map((c: { area: string; count: number }) => [c.area, c.count])).toEqual([
      ['UG-C', 7],
      ['UG-N', 2],
    ]);
    const hub = await call('GET', '/surveillance/aggregates?party=UG&disease=cholera&by=area', 'hub');
    expect(hub.status).toBe(200);
    expect(hub.body.suppression).toEqual({ UG: 5 });
    // Gulu's 2 is under 5; Kampala's 7 is withheld too, or the total of 9 minus 7 would give Gulu away.
    expect(hub.body.cells.map((c: { area: string; count: number | null; suppressed: boolean }) => [c.area, c.count, c.suppressed])).toEqual([
      ['UG-C', null, true],
      ['UG-N', null, true],
    ]);
    const log = await node.services.access.report('UG');
    expect(log).toContainEqual(expect.objectContaining({ dataset: 'aggregate-counts', clauseId: 'weekly-aggregates-to-hub', records: 2 }));
  });

  it('refuses the hub daily counts (the clause allows weeks), and reads the region without failing on one party', async () => {
    const daily = await call('GET', '/surveillance/aggregates?party=UG&disease=cholera&period=day', 'hub');
    expect(daily).toMatchObject({ status: 403, body: { code: 'ACCESS_DENIED_BY_PACT' } });
    expect(daily.body.params.reasons.join(' ')).toMatch(/PACT_GRANULARITY_TOO_FINE/);
    const region = await call('GET', '/surveillance/aggregates?disease=cholera', 'hub');
    expect(region.status).toBe(200);
    expect(region.body.refused).toEqual([]);
    expect(region.body.cells).toEqual([expect.objectContaining({ party: 'UG', count: 9 })]);
  });

  it('suppresses the series the hub charts, with the detection figures its signals clause shares', async () => {
    const series = await call('GET', '/surveillance/series?party=UG&disease=cholera&area=UG-N&from=2025-12-29&to=2025-12-29', 'hub');
    expect(series.body).toMatchObject({ suppressionK: 5, detectionShared: true });
    expect(series.body.weeks).toEqual([expect.objectContaining({ week: '2026-W01', observed: null, suppressed: true })]);
    const signals = await call('GET', '/surveillance/signals?party=UG', 'hub');
    expect(signals.status).toBe(200);
    expect(signals.body.refused).toEqual([]);
    const log = await node.services.access.report('UG');
    expect(log).toContainEqual(expect.objectContaining({ dataset: 'signals', clauseId: 'signals-to-hub' }));
  });

  it('withholds detection figures from a neighbour, which no clause shares them with', async () => {
    const series = await call('GET', '/surveillance/series?party=UG&disease=cholera&area=UG-N&from=2025-12-29&to=2025-12-29', 'nfp.ke');
    expect(series.body).toMatchObject({ suppressionK: 5, detectionShared: false });
    expect(series.body.weeks).toEqual([expect.objectContaining({ week: '2026-W01', observed: null, suppressed: true, threshold: null })]);
    const signals = await call('GET', '/surveillance/signals?party=UG', 'nfp.ke');
    expect(signals).toMatchObject({ status: 403, body: { code: 'ACCESS_DENIED_BY_PACT' } });
  });
});
