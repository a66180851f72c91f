import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePartyKeys, loadPact, signPact } from '@concord/core';
import { auditSuppression, TOTAL, type PublishedCell } from '@concord/core/suppression/index';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * Small-cell suppression of GET /surveillance/aggregates against what the
 * same reader gets from its other answers: the group total, the one-way
 * breakdowns, the series of an area. The hub reads Uganda under
 * `weekly-aggregates-to-hub` (k = 5).
 */
let node: TestNode;
const as: Record<string, { authorization: string }> = {};

const WEEK = 'from=2025-12-29&to=2025-12-29';
const ugandaCase = (clientId: string, area: string, disease: string, sex: string) => ({
  clientId,
  party: 'UG',
  area,
  disease,
  sex,
  reportDate: '2025-12-30',
  classification: 'suspected',
});
const many = (n: number, prefix: string, area: string, disease: string, sex: string) => Array.from({ length: n }, (_, i) => ugandaCase(`${prefix}-${i}`, area, disease, sex));

beforeAll(async () => {
  node = await startTestNode();
  for (const user of ['facility.ug', 'nfp.ug', 'nfp.ke', 'hub', 'negotiator']) as[user] = await node.signIn(demoEmail(user));
  const reports = [
    // Cholera: 7 in Kampala, 2 in Gulu (the classic leak: total 9 minus Kampala's 7).
    ...many(7, 'c', 'UG-C', 'cholera', 'female'),
    ...many(2, 'n', 'UG-N', 'cholera', 'female'),
    // Measles by area and sex: Kampala 3 female and 8 male, Gulu 6 and 7, Mbale 9 and 10.
    ...many(3, 'mcf', 'UG-C', 'measles', 'female'),
    ...many(8, 'mcm', 'UG-C', 'measles', 'male'),
    ...many(6, 'mnf', 'UG-N', 'measles', 'female'),
    ...many(7, 'mnm', 'UG-N', 'measles', 'male'),
    ...many(9, 'mef', 'UG-E', 'measles', 'female'),
    ...many(10, 'mem', 'UG-E', 'measles', 'male'),
  ];
  expect((await call('POST', '/surveillance/cases/batch', 'facility.ug', { reports })).status).toBe(200);
  // Kenya reports cholera counts by area: 20 in Nairobi, 3 in Mombasa.
  const reported = await call('POST', '/surveillance/aggregates', 'nfp.ke', {
    counts: [
      { party: 'KE', area: 'KE-30', disease: 'cholera', week: '2026-W01', count: 20 },
      { party: 'KE', area: 'KE-28', disease: 'cholera', week: '2026-W01', count: 3 },
    ],
  });
  expect(reported.status).toBe(200);
});
afterAll(() => node.close());

const call = async (method: 'GET' | 'POST', url: string, who: string, payload?: object) => {
  const response = await node.app.inject({ method, url: `/api/v1${url}`, headers: as[who], ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
};

type Cell = { party: string; period: string; area?: string; sex?: string; count: number | null; suppressed: boolean };
const cellsOf = async (query: string, who = 'hub'): Promise<Cell[]> => {
  const answer = await call('GET', `/surveillance/aggregates?${query}`, who);
  expect(answer.status).toBe(200);
  return answer.body.cells;
};

/** In every group (party × disease × period) with a withheld cell, at least two are withheld. */
const expectNoLoneHiddenCell = (cells: Cell[]) => {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) groups.set(`${cell.party}|${cell.period}`, [...(groups.get(`${cell.party}|${cell.period}`) ?? []), cell]);
  for (const group of groups.values()) {
    const hidden = group.filter((c) => c.suppressed).length;
    expect(hidden === 0 || hidden >= 2).toBe(true);
  }
};

describe('a breakdown by one dimension under the group total', () => {
  it('withholds a second area, so the total minus the visible areas gives nothing away', async () => {
    const [total] = await cellsOf(`party=UG&disease=cholera&${WEEK}`);
    expect(total).toMatchObject({ count: 9, suppressed: false });
    const byArea = await cellsOf(`party=UG&disease=cholera&by=area&${WEEK}`);
    expect(byArea.map((c) => [c.area, c.count, c.suppressed])).toEqual([
      ['UG-C', null, true],
      ['UG-N', null, true],
    ]);
    expectNoLoneHiddenCell(byArea);
  });

  it('gives an area filter the same pattern as the breakdown by area', async () => {
    for (const area of ['UG-C', 'UG-N']) {
      const cells = await cellsOf(`party=UG&disease=cholera&area=${area}&${WEEK}`);
      expect(cells).toEqual([expect.objectContaining({ count: null, suppressed: true })]);
      expect(cells[0]).not.toHaveProperty('area');
    }
  });

  it('withholds the same weeks in the series of an area', async () => {
    const series = await call('GET', `/surveillance/series?party=UG&disease=cholera&area=UG-C&${WEEK}`, 'hub');
    expect(series.body.weeks).toEqual([expect.objectContaining({ week: '2026-W01', observed: null, lineList: null, suppressed: true })]);
    const whole = await call('GET', `/surveillance/series?party=UG&disease=cholera&area=all&${WEEK}`, 'hub');
    expect(whole.body.weeks).toEqual([expect.objectContaining({ observed: 9, suppressed: false })]);
  });

  it('does the same to counts reported as counts', async () => {
    const [total] = await cellsOf(`party=KE&disease=cholera&source=reported&${WEEK}`);
    expect(total!.count).toBe(23);
    const byArea = await cellsOf(`party=KE&disease=cholera&source=reported&by=area&${WEEK}`);
    expect(byArea.map((c) => [c.area, c.count])).toEqual([
      ['KE-28', null],
      ['KE-30', null],
    ]);
  });
});

describe('a breakdown by two dimensions under its margins', () => {
  it('leaves every withheld cell an interval, given the total and both one-way breakdowns (LP audit)', async () => {
    const query = `party=UG&disease=measles&${WEEK}`;
    const [total] = await cellsOf(query);
    const byArea = await cellsOf(`${query}&by=area`);
    const bySex = await cellsOf(`${query}&by=sex`);
    const grid = await cellsOf(`${query}&by=area,sex`);
    expect(grid.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    // What the reader can put together: the grid, its row totals by area, its column totals by sex, the grand total.
    const published: PublishedCell[] = [
      ...grid.map((c) => ({ row: c.area!, col: c.sex!, value: c.count })),
      ...byArea.map((c) => ({ row: c.area!, col: TOTAL, value: c.count })),
      ...bySex.map((c) => ({ row: TOTAL, col: c.sex!, value: c.count })),
      { row: TOTAL, col: TOTAL, value: total!.count },
    ];
    const truth = await cellsOf(`${query}&by=area,sex`, 'nfp.ug');
    const intervals = await auditSuppression(published);
    expect(intervals.length).toBeGreaterThan(0);
    for (const interval of intervals) {
      expect(interval.max).toBeGreaterThan(interval.min);
      const real = truth.find((c) => c.area === interval.row && c.sex === interval.col)!.count!;
      expect(real).toBeGreaterThanOrEqual(interval.min);
      expect(real).toBeLessThanOrEqual(interval.max);
    }
    expect(intervals.map((i) => `${i.row}.${i.col}`)).toContain('UG-C.female');
    // The breakdown asked in the other order is the same answer.
    const swapped = await cellsOf(`${query}&by=sex,area`);
    const hidden = (cells: Cell[]) => cells.filter((c) => c.suppressed).map((c) => `${c.area}.${c.sex}`).sort();
    expect(hidden(swapped)).toEqual(hidden(grid));
  });

  it('refuses three breakdowns under a cell size, but not to the party itself', async () => {
    const refused = await call('GET', `/surveillance/aggregates?party=UG&disease=measles&by=area,sex,classification&${WEEK}`, 'hub');
    expect(refused).toMatchObject({ status: 400, body: { code: 'SURV_BREAKDOWN_TOO_DETAILED', params: { max: 2 } } });
    const filtered = await call('GET', `/surveillance/aggregates?party=UG&disease=measles&area=UG-C&by=sex,classification&${WEEK}`, 'hub');
    expect(filtered).toMatchObject({ status: 400, body: { code: 'SURV_BREAKDOWN_TOO_DETAILED' } });
    const own = await cellsOf(`party=UG&disease=measles&by=area,sex,classification&${WEEK}`, 'nfp.ug');
    expect(own.every((c) => !c.suppressed)).toBe(true);
  });
});

describe('no cell size, no suppression', () => {
  it('shows the party its own counts whole', async () => {
    const own = await cellsOf(`party=UG&disease=cholera&by=area&${WEEK}`, 'nfp.ug');
    expect(own.map((c) => [c.area, c.count, c.suppressed])).toEqual([
      ['UG-C', 7, false],
      ['UG-N', 2, false],
    ]);
  });

  it('withholds nothing from a reader whose clause sets no minimum cell size', async () => {
    // A second pact, in force, lets the hub read Uganda's counts for research with no cell size.
    const keys = { UG: generatePartyKeys(), KE: generatePartyKeys(), EAC: generatePartyKeys() };
    const node_ = (n: number, key: string) => `{ url: "http://localhost:${n}", publicKey: ${key} }`;
    const source = `
id: research-counts-pact
title: Research counts (test)
version: 1
hub: { code: EAC, name: Hub, node: ${node_(1, keys.EAC.publicKey)} }
parties:
  - { code: KE, name: Kenya, node: ${node_(2, keys.KE.publicKey)} }
  - { code: UG, name: Uganda, node: ${node_(3, keys.UG.publicKey)} }
effective: 2026-01-01
sunset: 2027-01-01
renewalNoticeDays: 30
clauses:
  - id: research-counts-to-hub
    kind: data-sharing
    title: Counts to the hub for research, without a cell size
    dataset: aggregate-counts
    from: [all-parties]
    to: [EAC]
    purposes: [research]
    granularity: { place: admin1, time: week }
    retentionDays: 365
`;
    expect((await call('POST', '/pacts', 'negotiator', { source })).status).toBe(201);
    const pact = loadPact(source, 'research.yaml');
    for (const party of ['KE', 'UG'] as const) {
      const signer = `nfp.${party.toLowerCase()}`;
      as[signer] ??= await node.signIn(demoEmail(signer));
      const signed = await call('POST', '/pacts/research-counts-pact/versions/1/signatures', signer, { party, signature: signPact(pact, keys[party].privateKey) });
      expect(signed.status).toBe(201);
    }
    const research = await call('GET', `/surveillance/aggregates?party=UG&disease=cholera&by=area&purpose=research&${WEEK}`, 'hub');
    expect(research.status).toBe(200);
    expect(research.body.suppression).toEqual({ UG: null });
    expect(research.body.cells.map((c: Cell) => [c.area, c.count, c.suppressed])).toEqual([
      ['UG-C', 7, false],
      ['UG-N', 2, false],
    ]);
  });
});
