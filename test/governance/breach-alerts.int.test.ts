import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@concord/server';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * An overdue 72-hour clock (GDPR Art. 33) alerts the people who must act:
 * the owning party's focal point and the hub's coordinators, once per
 * breach however often the clock job runs, until each acknowledges.
 */
let node: TestNode;
const HOUR = 3_600_000;
beforeAll(async () => {
  // Sessions expire as the clock moves 73 hours: this file signs in often.
  node = await startTestNode({ env: { CONCORD_SIGNIN_RATE_LIMIT: '100' } });
});
afterAll(() => node.close());

type Headers = { authorization: string };
const as = (local: string) => node.signIn(demoEmail(local));
const inject = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
  node.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const alertsOf = async (headers: Headers, query = '') => {
  const response = await inject('GET', `/breaches/alerts${query}`, headers);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().alerts as { id: string; breachId: string; jurisdiction: string; role: string; deadline: string; acknowledgedAt: string | null; title: string }[];
};
const report = async (headers: Headers, title: string) => {
  const response = await inject('POST', '/breaches', headers, { party: 'KE', title, nature: 'Synthetic test breach', awareAt: node.clock.now().toISOString() });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; awareAt: string };
};
const runClockJob = () => node.scheduler.runNow('breach-clocks');

describe('overdue breach alerts', () => {
  it('alerts the focal point and the hub exactly once when the 72 hours run out unnotified', async () => {
    const overdue = await report(await as('nfp.ke'), 'Laptop with a line list stolen (synthetic)');
    const onTime = await report(await as('nfp.ke'), 'Misaddressed e-mail, notified in time (synthetic)');
    let nfp = await as('nfp.ke');
    const assessed = { risk: 'risk', dataSubjects: 'Cases', records: 'Line list', likelyConsequences: 'Stigma' };
    await inject('POST', `/breaches/${onTime.id}/assess`, nfp, assessed);
    await inject('POST', `/breaches/${onTime.id}/contain`, nfp, { measures: 'Recalled' });
    const notified = await inject('POST', `/breaches/${onTime.id}/notify`, nfp, { authority: 'ODPC', contactPoint: 'dpo@health.example' });
    expect(notified.statusCode, notified.body).toBe(200);

    node.clock.advance(71 * HOUR);
    await runClockJob();
    nfp = await as('nfp.ke');
    expect(await alertsOf(nfp)).toEqual([]);

    node.clock.advance(2 * HOUR);
    await runClockJob();
    await runClockJob();
    nfp = await as('nfp.ke');
    const hub = await as('hub');
    const forNfp = await alertsOf(nfp);
    const forHub = await alertsOf(hub);
    expect(forNfp).toHaveLength(1);
    expect(forHub).toHaveLength(1);
    expect(forNfp[0]).toMatchObject({ breachId: overdue.id, jurisdiction: 'KE', role: 'national-focal-point', acknowledgedAt: null });
    expect(forHub[0]).toMatchObject({ breachId: overdue.id, jurisdiction: 'EAC', role: 'hub-coordinator' });
    expect(new Date(forNfp[0]!.deadline).getTime()).toBe(new Date(overdue.awareAt).getTime() + 72 * HOUR);
    const rows = await node.db.query<{ n: number }>('SELECT count(*)::int AS n FROM breach_alerts WHERE breach_id = $1', [overdue.id]);
    expect(rows[0]!.n).toBe(2);

    // Nobody else is told: not another party's focal point, not the hub's auditor, not facility staff.
    expect(await alertsOf(await as('nfp.ug'))).toEqual([]);
    expect(await alertsOf(await as('auditor'))).toEqual([]);
    expect((await inject('GET', '/breaches/alerts', await as('facility.ke'))).json().code).toBe('ACCESS_ROLE_DENIED');

    const timeline = (await inject('GET', `/breaches/${overdue.id}`, nfp)).json().timeline as { type: string; details: { alerted?: string[] } }[];
    expect(timeline.filter((e) => e.type === 'overdue')).toEqual([expect.objectContaining({ details: expect.objectContaining({ alerted: ['KE/national-focal-point', 'EAC/hub-coordinator'] }) })]);
  });

  it('lets each addressee acknowledge its own alert once, and nobody else', async () => {
    const nfp = await as('nfp.ke');
    const [alert] = await alertsOf(nfp, '?open=true');
    const stranger = await inject('POST', `/breaches/alerts/${alert!.id}/acknowledge`, await as('nfp.ug'));
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().code).toBe('GOVERNANCE_BREACH_ALERT_NOT_FOUND');
    const hubAck = await inject('POST', `/breaches/alerts/${alert!.id}/acknowledge`, await as('hub'));
    expect(hubAck.json().code).toBe('GOVERNANCE_BREACH_ALERT_NOT_FOUND');

    const done = await inject('POST', `/breaches/alerts/${alert!.id}/acknowledge`, nfp);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ acknowledgedBy: 'user:nfp.ke@demo.concord.example' });
    const again = await inject('POST', `/breaches/alerts/${alert!.id}/acknowledge`, nfp);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('GOVERNANCE_BREACH_ALERT_ACKNOWLEDGED');
    expect(await alertsOf(nfp, '?open=true')).toEqual([]);
    expect(await alertsOf(await as('hub'), '?open=true')).toHaveLength(1);
  });

  it('still alerts once when two clock runs overlap', async () => {
    const breach = await report(await as('nfp.ke'), 'Shared drive left public (synthetic)');
    node.clock.advance(73 * HOUR);
    const runs = await Promise.all([1, 2].map(() => node.services.governance.breachAlerts.raiseOverdue(systemActor('test'))));
    expect(runs.reduce((sum, run) => sum + run.alerted, 0)).toBe(1);
    const rows = await node.db.query<{ n: number }>('SELECT count(*)::int AS n FROM breach_alerts WHERE breach_id = $1', [breach.id]);
    expect(rows[0]!.n).toBe(2);
  });
});
