import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * Weekly aggregates in the two week systems. The node's today is Monday
 * 2026-01-05. ISO weeks run Monday–Sunday (2026-W01 is 2025-12-29..2026-01-04);
 * MMWR weeks run Sunday–Saturday (2025-W53 is 2025-12-28..2026-01-03, and
 * 2026-W01 starts Sunday 2026-01-04).
 */
let node: TestNode;
const as: Record<string, { authorization: string }> = {};

beforeAll(async () => {
  node = await startTestNode();
  for (const user of ['facility.ug', 'nfp.ug', 'nfp.ke', 'nfp.tz', 'hub']) as[user] = await node.signIn(demoEmail(user));
  // Uganda's line list: 3 cases reported on Saturday 3 January, 2 on Sunday 4 January, 4 on Monday 5 January.
  const days = [...Array(3).fill('2026-01-03'), ...Array(2).fill('2026-01-04'), ...Array(4).fill('2026-01-05')] as string[];
  const reports = days.map((reportDate, i) => ({ clientId: `w-${i}`, party: 'UG', area: 'UG-C', disease: 'measles', reportDate, sex: 'female', classification: 'suspected' }));
  expect((await call('POST', '/surveillance/cases/batch', 'facility.ug', { reports })).status).toBe(200);
  // Kenya reports measles by ISO week; Tanzania by MMWR week (a Sunday–Saturday period).
  const kenya = await call('POST', '/surveillance/aggregates', 'nfp.ke', { counts: [{ party: 'KE', area: 'KE-30', disease: 'measles', week: '2026-W01', count: 12 }] });
  expect(kenya.status).toBe(200);
  const tanzania = await call('POST', '/surveillance/aggregates', 'nfp.tz', {
    counts: [
      { party: 'TZ', area: 'TZ-02', disease: 'measles', periodStart: '2025-12-28', periodEnd: '2026-01-03', count: 9 },
      { party: 'TZ', area: 'TZ-02', disease: 'measles', periodStart: '2025-12-28', periodEnd: '2026-01-03', sex: 'male', count: 6 },
      { party: 'TZ', area: 'TZ-02', disease: 'measles', periodStart: '2025-12-28', periodEnd: '2026-01-03', sex: 'female', count: 3 },
    ],
  });
  expect(tanzania.status).toBe(200);
});
afterAll(() => node.close());

const call = async (method: 'GET' | 'POST', url: string, who: string, payload?: object) => {
  const response = await node.app.inject({ method, url: `/api/v1${url}`, headers: as[who], ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
};

type Cell = { party: string; period: string; periodStart: string; periodEnd: string; count: number | null; sex?: string };
const periods = (cells: Cell[]) => cells.map((c) => [c.period, c.periodStart, c.periodEnd, c.count]);

describe('weeks=mmwr on the line list', () => {
  it('groups the days Sunday to Saturday, where ISO weeks group them Monday to Sunday', async () => {
    const iso = await call('GET', '/surveillance/aggregates?party=UG&disease=measles&weeks=iso', 'nfp.ug');
    expect(periods(iso.body.cells)).toEqual([
      ['2026-W01', '2025-12-29', '2026-01-04', 5],
      ['2026-W02', '2026-01-05', '2026-01-11', 4],
    ]);
    const mmwr = await call('GET', '/surveillance/aggregates?party=UG&disease=measles&weeks=mmwr', 'nfp.ug');
    expect(mmwr.body.weeks).toBe('mmwr');
    expect(periods(mmwr.body.cells)).toEqual([
      ['2025-W53', '2025-12-28', '2026-01-03', 3],
      ['2026-W01', '2026-01-04', '2026-01-10', 6],
    ]);
  });

  it('refuses MMWR weeks of daily periods', async () => {
    const daily = await call('GET', '/surveillance/aggregates?party=UG&period=day&weeks=mmwr', 'nfp.ug');
    expect(daily).toMatchObject({ status: 400, body: { code: 'SURV_QUERY_INVALID' } });
  });
});

describe('weeks=mmwr on reported counts', () => {
  it('reads counts reported for a Sunday–Saturday week, and leaves them out of ISO weeks', async () => {
    const mmwr = await call('GET', '/surveillance/aggregates?party=TZ&disease=measles&source=reported&weeks=mmwr&by=sex', 'nfp.tz');
    expect(mmwr.status).toBe(200);
    expect(mmwr.body.cells.map((c: Cell) => [c.period, c.periodStart, c.periodEnd, c.sex, c.count])).toEqual([
      ['2025-W53', '2025-12-28', '2026-01-03', 'female', 3],
      ['2025-W53', '2025-12-28', '2026-01-03', 'male', 6],
    ]);
    const total = await call('GET', '/surveillance/aggregates?party=TZ&disease=measles&source=reported&weeks=mmwr', 'nfp.tz');
    expect(periods(total.body.cells)).toEqual([['2025-W53', '2025-12-28', '2026-01-03', 9]]);
    const iso = await call('GET', '/surveillance/aggregates?party=TZ&disease=measles&source=reported&weeks=iso', 'nfp.tz');
    expect(iso.body.cells).toEqual([]);
  });

  it('refuses MMWR weeks of counts reported by ISO week, with a code, rather than relabel Monday–Sunday totals', async () => {
    const iso = await call('GET', '/surveillance/aggregates?party=KE&disease=measles&source=reported&weeks=iso', 'nfp.ke');
    expect(periods(iso.body.cells)).toEqual([['2026-W01', '2025-12-29', '2026-01-04', 12]]);
    const mmwr = await call('GET', '/surveillance/aggregates?party=KE&disease=measles&source=reported&weeks=mmwr', 'nfp.ke');
    expect(mmwr).toMatchObject({ status: 400, body: { code: 'SURV_WEEKS_NOT_REGROUPABLE', params: { party: 'KE', weeks: 'mmwr' } } });
  });

  it('leaves an ISO-week reporter out of a region-wide MMWR read and says why', async () => {
    const region = await call('GET', '/surveillance/aggregates?disease=measles&source=reported&weeks=mmwr', 'hub');
    expect(region.status).toBe(200);
    expect(region.body.refused).toEqual([expect.objectContaining({ party: 'KE', code: 'SURV_WEEKS_NOT_REGROUPABLE' })]);
    expect(region.body.cells.map((c: Cell) => [c.party, c.period, c.count])).toEqual([['TZ', '2025-W53', 9]]);
  });
});
