import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@concord/server';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
let nfp: { authorization: string };
beforeAll(async () => {
  node = await startTestNode();
  nfp = await node.signIn(demoEmail('nfp.ke'));
});
afterAll(() => node.close());

const post = async (url: string, payload: unknown = {}, headers = nfp) => node.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });

const report = async (awareAt: string) => {
  const response = await post('/breaches', { party: 'KE', title: 'Line list e-mailed to the wrong address', nature: 'Confidentiality breach: a spreadsheet of 40 case reports sent outside the ministry', awareAt });
  expect(response.statusCode).toBe(201);
  return response.json();
};

const assessment = {
  risk: 'risk',
  dataSubjects: 'Patients reported with cholera in Nairobi',
  subjectsApprox: 40,
  records: 'Case reports with names and phone numbers',
  recordsApprox: 40,
  likelyConsequences: 'Stigma; unsolicited contact',
};

describe('the breach workflow', () => {
  it('runs from report to close within the 72-hour clock', async () => {
    const breach = await report(node.clock.now().toISOString());
    expect(breach.clock).toMatchObject({ status: 'open', hoursRemaining: 72 });
    expect(breach.status).toBe('reported');

    const early = await post(`/breaches/${breach.id}/notify`, { authority: 'ODPC', contactPoint: 'dpo@health.example' });
    expect(early.json().code).toBe('GOVERNANCE_BREACH_WRONG_STEP');

    expect((await post(`/breaches/${breach.id}/assess`, assessment)).json().status).toBe('assessed');
    node.clock.advance(5 * 3_600_000);
    expect((await post(`/breaches/${breach.id}/contain`, { measures: 'Recipient confirmed deletion; mail rules tightened' })).json().status).toBe('contained');

    const closeTooSoon = await post(`/breaches/${breach.id}/close`);
    expect(closeTooSoon.json()).toMatchObject({ code: 'GOVERNANCE_BREACH_NOT_CLOSABLE' });

    const notified = await post(`/breaches/${breach.id}/notify`, { authority: 'Office of the Data Protection Commissioner', contactPoint: 'dpo@health.example' });
    expect(notified.statusCode).toBe(200);
    expect(notified.json().clock.status).toBe('notified-on-time');

    await post(`/breaches/${breach.id}/remedies`, { action: 'Train staff on sharing line lists', owner: 'KE MoH', due: '2026-03-01' });
    expect((await post(`/breaches/${breach.id}/close`)).json().code).toBe('GOVERNANCE_BREACH_NOT_CLOSABLE');
    await post(`/breaches/${breach.id}/remedies/0/done`);
    const closed = await post(`/breaches/${breach.id}/close`);
    expect(closed.json().status).toBe('closed');

    const full = (await node.app.inject({ url: `/api/v1/breaches/${breach.id}`, headers: nfp })).json();
    expect(full.timeline.map((e: { type: string }) => e.type)).toEqual(['reported', 'assessed', 'contained', 'notified', 'remedy-added', 'remedy-done', 'closed']);
  });

  it('alerts once when the clock runs out, then needs reasons for a late notification', async () => {
    const breach = await report(node.clock.now().toISOString());
    await post(`/breaches/${breach.id}/assess`, assessment);
    node.clock.advance(73 * 3_600_000);
    nfp = await node.signIn(demoEmail('nfp.ke')); // the old session expired with the clock
    expect(await node.services.governance.breachAlerts.raiseOverdue(systemActor('test'))).toEqual({ alerted: 1 });
    expect(await node.services.governance.breachAlerts.raiseOverdue(systemActor('test'))).toEqual({ alerted: 0 });
    const overdue = (await node.app.inject({ url: `/api/v1/breaches/${breach.id}`, headers: nfp })).json();
    expect(overdue.clock.status).toBe('overdue');
    expect(overdue.timeline.map((e: { type: string }) => e.type)).toContain('overdue');

    const withoutReasons = await post(`/breaches/${breach.id}/notify`, { authority: 'ODPC', contactPoint: 'dpo@health.example' });
    expect(withoutReasons.statusCode).toBe(400);
    expect(withoutReasons.json().code).toBe('GOVERNANCE_BREACH_DELAY_REASON_REQUIRED');
    const lateNotice = { authority: 'ODPC', contactPoint: 'dpo@health.example', reasonsForDelay: 'Holiday weekend; forensic review needed first' };
    // Art. 33(3)(d): the measures taken are part of the minimum content.
    const incomplete = await post(`/breaches/${breach.id}/notify`, lateNotice);
    expect(incomplete.json()).toMatchObject({ code: 'GOVERNANCE_BREACH_CONTENT_MISSING', params: { items: ['measures'] } });
    await post(`/breaches/${breach.id}/contain`, { measures: 'Account disabled, password reset' });
    const late = await post(`/breaches/${breach.id}/notify`, lateNotice);
    expect(late.json().clock).toMatchObject({ status: 'notified-late', reasonsForDelayRequired: true });
  });

  it('needs no notification when the risk is unlikely', async () => {
    const breach = await report(node.clock.now().toISOString());
    const unlikely = await post(`/breaches/${breach.id}/assess`, { ...assessment, risk: 'unlikely' });
    expect(unlikely.json()).toMatchObject({ notificationRequired: false, clock: { status: 'not-required' } });
  });

  it("keeps one country's breaches from another", async () => {
    const breach = await report(node.clock.now().toISOString());
    const ug = await node.signIn(demoEmail('nfp.ug'));
    const read = await node.app.inject({ url: `/api/v1/breaches/${breach.id}`, headers: ug });
    expect(read.statusCode).toBe(403);
    expect(read.json().code).toBe('ACCESS_OUT_OF_SCOPE');
    const foreign = await post('/breaches', { party: 'KE', title: 'x', nature: 'y', awareAt: node.clock.now().toISOString() }, ug);
    expect(foreign.statusCode).toBe(403);
    const staff = await node.signIn(demoEmail('facility.ke'));
    expect((await post(`/breaches/${breach.id}/assess`, assessment, staff)).json().code).toBe('ACCESS_ROLE_DENIED');
    const future = await post('/breaches', { party: 'KE', title: 'x', nature: 'y', awareAt: '2099-01-01T00:00:00Z' });
    expect(future.json().code).toBe('GOVERNANCE_BREACH_TIME_INVALID');
  });
});
