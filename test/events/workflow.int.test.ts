import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * A signal becomes an event and the event runs through the playbook: the
 * test clock starts on Monday 2026-01-05 (ISO 2026-W02), so 2026-W01 is the
 * last complete week.
 */
let node: TestNode;
const as: Record<string, { authorization: string }> = {};

const signInAll = async () => {
  for (const user of ['nfp.ug', 'facility.ug', 'nfp.ke', 'nfp.tz', 'hub', 'finance']) as[user] = await node.signIn(demoEmail(user));
};

beforeAll(async () => {
  // Moving the clock past the 12-hour sessions means signing everyone in twice.
  node = await startTestNode({ env: { CONCORD_SIGNIN_RATE_LIMIT: '100' } });
  await signInAll();
});
afterAll(() => node.close());

const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, who: string, payload?: object) => {
  const response = await node.app.inject({ method, url: `/api/v1${url}`, headers: as[who], ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
};

// Thirteen quiet weeks of cholera in eastern Uganda, then 40 cases in 2026-W01.
const weeks = ['2025-W40', '2025-W41', '2025-W42', '2025-W43', '2025-W44', '2025-W45', '2025-W46', '2025-W47', '2025-W48', '2025-W49', '2025-W50', '2025-W51', '2025-W52', '2026-W01'];
const quiet = [2, 3, 4, 3, 2, 3, 4, 2, 3, 4, 3, 2, 3];

let signalId: string;
let eventId: string;

describe('from signal to notification', () => {
  it('raises a signal when reported counts jump, on ingest', async () => {
    const counts = weeks.map((week, i) => ({ party: 'UG', area: 'UG-E', disease: 'cholera', week, count: quiet[i] ?? 40 }));
    const ingest = await call('POST', '/surveillance/aggregates', 'facility.ug', { counts });
    expect(ingest.status).toBe(200);
    expect(ingest.body.signalsRaised).toBeGreaterThanOrEqual(1);
    const report = (clientId: string) => ({ clientId, party: 'UG', area: 'UG-E', disease: 'cholera', reportDate: '2026-01-02', sex: 'male', classification: 'confirmed', patientName: 'Synthetic', nationalId: 'CM000' });
    expect((await call('POST', '/surveillance/cases/batch', 'facility.ug', { reports: [report('ug-e-1'), report('ug-e-2')] })).status).toBe(200);
    const refused = await call('GET', '/surveillance/cases?party=UG&disease=cholera&purpose=outbreak-response', 'nfp.ke');
    expect(refused).toMatchObject({ status: 403, body: { code: 'ACCESS_DENIED_BY_PACT' } });

    const signals = await call('GET', '/surveillance/signals?disease=cholera&status=new', 'nfp.ug');
    const areaSignal = signals.body.signals.find((s: { area: string }) => s.area === 'UG-E');
    expect(areaSignal).toMatchObject({ party: 'UG', weekStart: '2025-12-29', week: '2026-W01', method: 'ears-c2', observed: 40, status: 'new' });
    expect(areaSignal.threshold).toBeLessThan(40);
    signalId = areaSignal.id;

    const series = await call('GET', '/surveillance/series?party=UG&disease=cholera&area=UG-E&from=2025-09-29', 'nfp.ug');
    const last = series.body.weeks.at(-2);
    expect(last).toMatchObject({ week: '2026-W01', observed: 40, alarm: true, signal: { id: signalId, status: 'new' } });
  });

  it('opens an event from the signal, which is then promoted and cannot be promoted twice', async () => {
    const opened = await call('POST', '/events', 'nfp.ug', { signalId });
    expect(opened.status).toBe(201);
    eventId = opened.body.id;
    expect(opened.body).toMatchObject({ party: 'UG', area: 'UG-E', disease: 'cholera', status: 'verification', emergenceDate: '2025-12-29', detectionDate: '2026-01-05', notificationDate: '2026-01-05' });
    const again = await call('POST', '/events', 'nfp.ug', { signalId });
    expect(again.body.code).toBe('SURV_SIGNAL_ALREADY_TRIAGED');
    const promoted = await call('GET', '/surveillance/signals?status=promoted', 'nfp.ug');
    expect(promoted.body.signals.map((s: { id: string; eventId: string }) => [s.id, s.eventId])).toContainEqual([signalId, eventId]);
  });

  it('refuses risk assessment before verification, and any change by another party', async () => {
    expect((await call('POST', `/events/${eventId}/risk-assessments`, 'nfp.ug', { likelihood: 'likely', consequences: 'major' })).body.code).toBe('EVENT_WRONG_STATUS');
    expect((await call('POST', `/events/${eventId}/verify`, 'nfp.ke', { outcome: 'discarded' })).status).toBe(404);
    expect((await call('POST', `/events/${eventId}/verify`, 'nfp.ug', { outcome: 'confirmed', note: 'Lab confirmed V. cholerae O1' })).body.status).toBe('confirmed');
  });

  it('turns a high risk into alert level 3 and tells whom the escalation clause names, with the deadline', async () => {
    const assessed = await call('POST', `/events/${eventId}/risk-assessments`, 'nfp.ug', { likelihood: 'likely', consequences: 'major', rationale: 'Border district, market day' });
    expect(assessed.status).toBe(201);
    expect(assessed.body).toMatchObject({ assessment: { risk: 'high', alertLevel: 3 }, previousLevel: null });
    expect(assessed.body.escalation).toMatchObject({ effect: 'permit', clauseId: 'regional-escalation', lead: ['EAC/hub-coordinator'], decides: ['UG/national-focal-point'] });
    const recipients = assessed.body.notifications.map((n: { recipient: string }) => n.recipient).sort();
    expect(recipients).toEqual(['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ'].map((p) => `${p}/national-focal-point`).concat('EAC/finance-officer').sort());
    for (const n of assessed.body.notifications) expect(n.dueAt).toBe('2026-01-05T20:00:00.000Z');

    expect((await call('GET', '/events/alerts', 'hub')).body.alerts).toEqual({ UG: { cholera: 3 } });
  });

  it('opens the Lake Victoria line-list clause to Kenya now that Uganda is at level 3, without direct identifiers', async () => {
    const read = await call('GET', '/surveillance/cases?party=UG&disease=cholera&purpose=outbreak-response', 'nfp.ke');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ basis: 'pact', clauseId: 'case-reports-lake-victoria-outbreak', total: 2 });
    expect(read.body.droppedFields.sort()).toEqual(['nationalId', 'patientName', 'phone', 'village']);
    for (const record of read.body.cases) {
      expect(record).not.toHaveProperty('patientName');
      expect(record).toHaveProperty('ageBand');
    }
    // The pact's funding trigger reads the live cholera indicator: 40 cases last week over Uganda's population.
    const triggers = await node.services.pact.triggers('eac-health-security-pact');
    const uganda = triggers.triggers.find((t) => t.recipient === 'UG');
    expect(uganda?.value).toBeCloseTo((40 / 48_582_334) * 100_000, 9);
    expect(uganda?.fired).toBe(false);
  });

  it('puts the event through IHR Annex 2 and clocks the notification to WHO', async () => {
    const ihr = await call('POST', `/events/${eventId}/ihr-assessments`, 'nfp.ug', { answers: { seriousImpact: true, unusualOrUnexpected: false, internationalSpread: true } });
    expect(ihr.status).toBe(201);
    expect(ihr.body).toMatchObject({ outcome: 'notify', criteriaMet: ['seriousImpact', 'internationalSpread'], notifyBy: '2026-01-06T08:00:00.000Z' });
    expect(ihr.body.notification).toMatchObject({ channel: 'ihr', recipient: 'WHO', dueAt: '2026-01-06T08:00:00.000Z' });
  });

  it('lets each recipient acknowledge only what is addressed to it', async () => {
    const inbox = await call('GET', '/notifications?open=true', 'nfp.ke');
    expect(inbox.body.notifications).toHaveLength(1);
    const kenya = inbox.body.notifications[0];
    expect(kenya).toMatchObject({ recipient: 'KE/national-focal-point', event: { id: eventId, alertLevel: 3, party: 'UG' } });
    expect((await call('POST', `/notifications/${kenya.id}/acknowledge`, 'nfp.tz')).status).toBe(404);
    expect((await call('POST', `/notifications/${kenya.id}/acknowledge`, 'nfp.ke')).body).toMatchObject({ late: false, acknowledgedBy: `user:${demoEmail('nfp.ke')}` });
    expect((await call('POST', `/notifications/${kenya.id}/acknowledge`, 'nfp.ke')).body.code).toBe('EVENT_NOTIFICATION_ALREADY_ACKNOWLEDGED');
    // The hub's coordinator is not told at level 3 (the clause names its finance officer); the finance officer is.
    expect((await call('GET', '/notifications', 'hub')).body.notifications).toEqual([]);
    expect((await call('GET', '/notifications', 'finance')).body.notifications).toHaveLength(1);
  });

  it('marks what is still unacknowledged overdue once the deadline passes, on the event timeline', async () => {
    node.clock.set('2026-01-05T21:00:00Z');
    await signInAll(); // sessions last 12 hours
    await node.scheduler.runNow('events.notifications-overdue');
    await node.scheduler.runNow('events.notifications-overdue');
    const event = await call('GET', `/events/${eventId}`, 'nfp.ug');
    const overdue = event.body.notifications.filter((n: { overdueAt: string | null }) => n.overdueAt !== null);
    expect(overdue.map((n: { recipient: string }) => n.recipient).sort()).toEqual(['BI', 'CD', 'RW', 'SO', 'SS', 'TZ'].map((p) => `${p}/national-focal-point`).concat('EAC/finance-officer').sort());
    expect(event.body.timeline.filter((t: { kind: string }) => t.kind === 'overdue')).toHaveLength(7);
    expect(event.body.notifications.find((n: { channel: string }) => n.channel === 'ihr').overdueAt).toBeNull();
  });

  it('shows the event to a party that was told, recording the read under the escalation clause', async () => {
    const kenya = await call('GET', `/events/${eventId}`, 'nfp.ke');
    expect(kenya.status).toBe(200);
    expect(kenya.body.notifications.every((n: { jurisdiction: string }) => n.jurisdiction === 'KE')).toBe(true);
    const report = await node.services.access.report('UG');
    expect(report).toContainEqual(expect.objectContaining({ dataset: 'events', clauseId: 'regional-escalation', basis: 'pact' }));
  });
});

describe('7-1-7', () => {
  const allActions = (completedOn: string) =>
    ['investigation', 'epi-analysis', 'lab-confirmation', 'case-management-ipc', 'community-countermeasures', 'risk-communication', 'coordination'].map((action) => ({
      action,
      applicable: action !== 'community-countermeasures',
      ...(action !== 'community-countermeasures' ? { completedOn } : {}),
    }));

  it('computes each interval from the recorded dates, with bottlenecks', async () => {
    const updated = await call('PATCH', `/events/${eventId}`, 'nfp.ug', {
      cases: 61,
      deaths: 2,
      responseActions: allActions('2026-01-14'),
      bottlenecks: [{ interval: 'response', category: 'operational', description: 'Chlorine stock ran out at the district store', rootCause: 'No buffer stock for water treatment' }],
    });
    expect(updated.status).toBe(200);
    const event = (await call('GET', `/events/${eventId}`, 'nfp.ug')).body;
    expect(event.sevenOneSeven).toMatchObject({
      detect: { days: 7, status: 'met' },
      notify: { days: 0, status: 'met' },
      respond: { days: 9, status: 'not-met' },
      overall: 'not-met',
      responseCompletionDate: '2026-01-14',
    });
    expect(event.sevenOneSeven.bottlenecks.response).toHaveLength(1);
  });

  it('refuses a record whose dates run backwards, changing nothing', async () => {
    const bad = await call('PATCH', `/events/${eventId}`, 'nfp.ug', { detectionDate: '2025-12-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('EVENT_717_DATES_OUT_OF_ORDER');
    expect((await call('GET', `/events/${eventId}`, 'nfp.ug')).body.detectionDate).toBe('2026-01-05');
  });

  it('gives the share meeting each target per party and region, and the pact indicator', async () => {
    const other = await call('POST', '/events', 'nfp.tz', { title: 'Measles cluster, Dodoma', disease: 'measles', area: 'TZ-03', emergenceDate: '2025-12-30', detectionDate: '2026-01-02' });
    expect(other.status).toBe(201);
    await call('PATCH', `/events/${other.body.id}`, 'nfp.tz', { notificationDate: '2026-01-03', responseActions: allActions('2026-01-08') });

    const summary = (await call('GET', '/events/seven-one-seven', 'finance')).body;
    expect(summary.region).toMatchObject({ events: 2, detect: { met: 2, share: 1 }, respond: { met: 1, notMet: 1, share: 0.5 }, all: { share: 0.5 } });
    expect(summary.parties.UG.all).toMatchObject({ met: 0, notMet: 1, share: 0 });
    expect(summary.parties.TZ.all).toMatchObject({ met: 1, share: 1 });
    expect(summary.region.bottlenecks.response.operational).toBe(1);

    const indicators = await node.services.events.timeliness.indicators();
    expect(indicators).toMatchObject({ 'events-meeting-7-1-7-share.UG': 0, 'events-meeting-7-1-7-share.TZ': 1 });
  });

  it('stops counting the alert once the event is closed', async () => {
    expect((await call('POST', `/events/${eventId}/close`, 'nfp.ug', { note: 'No new cases for 28 days' })).body.status).toBe('closed');
    expect((await call('GET', '/events/alerts', 'hub')).body.alerts).toEqual({});
  });
});

describe('visibility', () => {
  it('hides a level-1 event from parties the clause does not tell, and shows it to the hub', async () => {
    const opened = await call('POST', '/events', 'nfp.ug', { title: 'Measles in Gulu', disease: 'measles', area: 'UG-N' });
    const id = opened.body.id;
    await call('POST', `/events/${id}/verify`, 'nfp.ug', { outcome: 'confirmed' });
    const assessed = await call('POST', `/events/${id}/risk-assessments`, 'nfp.ug', { likelihood: 'unlikely', consequences: 'minor' });
    expect(assessed.body.notifications.map((n: { recipient: string }) => n.recipient)).toEqual(['EAC/hub-coordinator']);
    expect((await call('GET', `/events/${id}`, 'nfp.ke')).status).toBe(404);
    expect((await call('GET', `/events/${id}`, 'hub')).status).toBe(200);
    const listed = (await call('GET', '/events?open=true', 'nfp.ke')).body.events.map((e: { id: string }) => e.id);
    expect(listed).not.toContain(id);
    expect((await call('GET', '/events?open=true', 'hub')).body.events[0]).toMatchObject({ id, clock: { interval: 'response', target: 7 } });
  });
});
