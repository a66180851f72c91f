import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, seededRandom } from '@concord/core';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * Detection over a series with six years of weekly measles counts in Dar es
 * Salaam (reported counts), ending in 2025-W52; the test clock is Monday
 * 2026-01-05.
 */
let node: TestNode;
const as: Record<string, { authorization: string }> = {};
const LAST = '2025-12-22';
const WEEKS = 320;
const weekStart = (i: number) => addDays(LAST, -7 * (WEEKS - 1 - i));

beforeAll(async () => {
  node = await startTestNode();
  for (const user of ['nfp.tz', 'nfp.ke', 'facility.tz']) as[user] = await node.signIn(demoEmail(user));
});
afterAll(() => node.close());

const call = async (method: 'GET' | 'POST', url: string, who: string, payload?: object) => {
  const response = await node.app.inject({ method, url: `/api/v1${url}`, headers: as[who], ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
};

const countsFor = (values: number[]) =>
  values.map((count, i) => ({ party: 'TZ', area: 'TZ-02', disease: 'measles', periodStart: weekStart(i), periodEnd: addDays(weekStart(i), 6), count }));

describe('detection over stored series', () => {
  it('watches six-year-old series with the improved Farrington and raises signals on ingest', async () => {
    const random = seededRandom('tz-measles');
    const values = Array.from({ length: WEEKS }, (_, t) => random.poisson(12 + 5 * Math.sin((2 * Math.PI * t) / 52)));
    values[300] = 70;
    values[WEEKS - 1] = 80;
    const ingest = await call('POST', '/surveillance/aggregates', 'facility.tz', { counts: countsFor(values) });
    expect(ingest.status).toBe(200);
    expect(ingest.body).toMatchObject({ received: WEEKS, imported: WEEKS });

    const signals = (await call('GET', '/surveillance/signals?disease=measles&area=TZ-02&status=new', 'nfp.tz')).body.signals;
    const weeks = signals.map((s: { weekStart: string }) => s.weekStart);
    expect(weeks).toContain(weekStart(300));
    expect(weeks).toContain(LAST);
    const last = signals.find((s: { weekStart: string }) => s.weekStart === LAST);
    expect(last).toMatchObject({ method: 'farrington-noufaily', observed: 80 });
    expect(last.expected).toBeGreaterThan(5);
    expect(last.expected).toBeLessThan(25);
  });

  it('withdraws an untriaged signal when a corrected count no longer alarms', async () => {
    const corrected = await call('POST', '/surveillance/aggregates', 'facility.tz', { counts: countsFor([12]).map((c) => ({ ...c, periodStart: LAST, periodEnd: addDays(LAST, 6) })) });
    expect(corrected.body).toMatchObject({ imported: 0, updated: 1 });
    const signals = (await call('GET', `/surveillance/signals?area=TZ-02&from=${LAST}`, 'nfp.tz')).body.signals;
    expect(signals).toEqual([expect.objectContaining({ weekStart: LAST, status: 'withdrawn', observed: 12 })]);
  });

  it('lets the party’s focal point dismiss a signal once, and no one else', async () => {
    const signal = (await call('GET', `/surveillance/signals?area=TZ-02&status=new&from=${weekStart(300)}&to=${weekStart(300)}`, 'nfp.tz')).body.signals[0];
    expect((await call('POST', `/surveillance/signals/${signal.id}/dismiss`, 'nfp.ke', { note: 'not ours' })).body.code).toBe('ACCESS_OUT_OF_SCOPE');
    const dismissed = await call('POST', `/surveillance/signals/${signal.id}/dismiss`, 'nfp.tz', { note: 'Catch-up campaign reporting backlog' });
    expect(dismissed.body).toMatchObject({ status: 'dismissed' });
    expect((await call('POST', `/surveillance/signals/${signal.id}/dismiss`, 'nfp.tz', { note: 'again' })).body.code).toBe('SURV_SIGNAL_ALREADY_TRIAGED');
  });

  it('serves the series for a chart, stored or computed now with another method', async () => {
    const stored = (await call('GET', `/surveillance/series?party=TZ&disease=measles&area=TZ-02&from=${weekStart(296)}&to=${weekStart(303)}`, 'nfp.tz')).body;
    expect(stored.weeks).toHaveLength(8);
    const spike = stored.weeks.find((w: { weekStart: string }) => w.weekStart === weekStart(300));
    expect(spike).toMatchObject({ observed: 70, reported: 70, method: 'farrington-noufaily', alarm: true, signal: { status: 'dismissed' } });
    const cusum = (await call('GET', `/surveillance/series?party=TZ&disease=measles&area=TZ-02&from=${weekStart(296)}&to=${weekStart(303)}&method=cusum`, 'nfp.tz')).body;
    expect(cusum.method).toBe('cusum');
    expect(cusum.weeks.every((w: { method: string; signal: unknown }) => w.method === 'cusum' && w.signal === null)).toBe(true);
    const national = (await call('GET', `/surveillance/series?party=TZ&disease=measles&from=${weekStart(300)}&to=${weekStart(300)}`, 'nfp.tz')).body;
    expect(national).toMatchObject({ area: 'all', weeks: [expect.objectContaining({ observed: 70, method: 'farrington-noufaily' })] });
  });

  it('runs on schedule over the last complete and the current week of every active series', async () => {
    await node.scheduler.runNow('surveillance.detection');
    const rows = await node.db.query<{ area: string; week: string; method: string }>(
      "SELECT area, week_start AS week, method FROM detection_results WHERE party = 'TZ' AND week_start >= '2025-12-29' ORDER BY area, week_start",
    );
    expect(rows).toEqual([
      { area: 'TZ-02', week: '2025-12-29', method: 'farrington-noufaily' },
      { area: 'TZ-02', week: '2026-01-05', method: 'farrington-noufaily' },
      { area: 'all', week: '2025-12-29', method: 'farrington-noufaily' },
      { area: 'all', week: '2026-01-05', method: 'farrington-noufaily' },
    ]);
    const audit = await node.db.query<{ details: { reason: string } }>("SELECT details FROM audit_log WHERE action = 'detection.ran' ORDER BY seq DESC LIMIT 1");
    expect(audit[0]!.details.reason).toBe('schedule');
  });

  it('runs on request for the focal point’s own party', async () => {
    const run = await call('POST', '/surveillance/detection/run', 'nfp.tz', { disease: 'measles' });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ series: 2, weeksEvaluated: 16 });
    expect((await call('POST', '/surveillance/detection/run', 'facility.tz', {})).body.code).toBe('ACCESS_ROLE_DENIED');
  });
});
