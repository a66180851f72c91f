import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '@concord/server';
import { eventsSeed } from '@concord/server/seed/events.seed';
import { surveillanceSeed } from '@concord/server/seed/surveillance.seed';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * The demo's synthetic surveillance and events history, seeded at the test
 * clock (Monday 2026-01-05): what a focal point and the hub then see.
 */
let node: TestNode;
let summaries: Record<string, unknown>[];
const as: Record<string, { authorization: string }> = {};

beforeAll(async () => {
  node = await startTestNode();
  const context = { clock: node.clock, log: node.logger, demoPassword: 'unused', keys: node.keys };
  const report = await runSeed(node.db, node.services.audit, [surveillanceSeed, eventsSeed], context);
  summaries = report.ran.map((r) => r.summary);
  for (const user of ['nfp.ug', 'nfp.ss', 'hub']) as[user] = await node.signIn(demoEmail(user));
}, 120_000);
afterAll(() => node.close());

const get = async (url: string, who: string) => (await node.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as[who] })).json();

describe('the demo history', () => {
  it('holds years of weekly counts, an eight-week line list and events, all marked synthetic', async () => {
    expect(summaries[0]).toMatchObject({ synthetic: true });
    expect(summaries[0]!.reportedCounts).toBeGreaterThan(20_000);
    expect(summaries[0]!.caseReports).toBeGreaterThan(1_000);
    expect(summaries[1]).toMatchObject({ events: 31, synthetic: true });
    const flags = await node.db.query<{ t: string; all: boolean }>(
      `SELECT 'cases' AS t, bool_and(synthetic) AS all FROM case_reports UNION ALL SELECT 'counts', bool_and(synthetic) FROM aggregate_counts
       UNION ALL SELECT 'events', bool_and(synthetic) FROM events UNION ALL SELECT 'signals', bool_and(synthetic) FROM signals`,
    );
    expect(flags.every((f) => f.all)).toBe(true);
    const first = await node.db.query<{ first: string }>("SELECT min(period_start) AS first FROM aggregate_counts WHERE disease = 'malaria'");
    expect(first[0]!.first).toBe('2019-12-30');
  });

  it('keeps invented personal fields encrypted, readable by the party itself', async () => {
    const raw = await node.db.query<{ patient_name: string }>("SELECT patient_name FROM case_reports WHERE party = 'UG' LIMIT 5");
    for (const row of raw) expect(row.patient_name).toMatch(/^enc:v1:/);
    const read = await get('/surveillance/cases?disease=cholera&limit=5', 'nfp.ug');
    expect(read.cases).toHaveLength(5);
    for (const c of read.cases) expect(c.patientName).toMatch(/\(synthetic\)$/);
  });

  it('lets detection flag the outbreaks still running, with the improved Farrington', async () => {
    const signals = await get('/surveillance/signals?party=UG&disease=cholera&status=promoted', 'nfp.ug');
    expect(signals.signals.length).toBeGreaterThan(0);
    const series = await get('/surveillance/series?party=UG&disease=cholera&area=UG-E&from=2025-11-03&to=2026-01-05', 'nfp.ug');
    const alarms = series.weeks.filter((w: { alarm: boolean | null }) => w.alarm === true);
    expect(alarms.length).toBeGreaterThan(0);
    expect(new Set(alarms.map((w: { method: string }) => w.method))).toEqual(new Set(['farrington-noufaily']));
  });

  it('leaves the recent outbreaks open at the alert levels the pact reads', async () => {
    const alerts = (await get('/events/alerts', 'hub')).alerts;
    expect(alerts).toMatchObject({ UG: { cholera: 3 }, SS: { cholera: 4 }, CD: { mpox: 3 }, KE: { measles: 2 } });
    const open = (await get('/events?open=true', 'hub')).events;
    expect(open.length).toBeGreaterThanOrEqual(5);
    const inbox = (await get('/notifications', 'nfp.ss')).notifications;
    expect(inbox.length).toBeGreaterThan(0);
  });

  it('gives 7-1-7 shares per party and region, with bottlenecks recorded', async () => {
    const summary = await get('/events/seven-one-seven', 'hub');
    expect(summary.region.events).toBe(31);
    expect(summary.region.all.share).toBeGreaterThan(0);
    expect(summary.region.all.share).toBeLessThan(1);
    expect(Object.keys(summary.parties).sort()).toEqual(['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG']);
    const bottlenecks = Object.values(summary.region.bottlenecks as Record<string, Record<string, number>>).flatMap((byCause) => Object.values(byCause));
    expect(bottlenecks.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('feeds the pact: South Sudan’s cholera incidence crosses the funding trigger', async () => {
    const triggers = await node.services.pact.triggers('eac-health-security-pact');
    const southSudan = triggers.triggers.find((t) => t.recipient === 'SS');
    expect(southSudan?.value).toBeGreaterThanOrEqual(5);
    expect(southSudan?.fired).toBe(true);
    expect(triggers.triggers.find((t) => t.recipient === 'RW')?.fired).toBe(false);
  });

  it('is seeded once', async () => {
    const again = await runSeed(node.db, node.services.audit, [surveillanceSeed, eventsSeed], { clock: node.clock, log: node.logger, demoPassword: 'unused', keys: node.keys });
    expect(again.skipped).toEqual(['surveillance-history', 'events-history']);
  });
});
