import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOnlyPact } from '../support/public-test-pact.ts';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * GET /api/v1/public/response-times: the share of each party's events that
 * met 7-1-7, for anyone, each party's release decided by the pact (k = 3
 * events in the demo pact). The test clock is 2026-01-05.
 */
let node: TestNode;
const as: Record<string, { authorization: string }> = {};

const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, who: string | null, payload?: object) => {
  const response = await node.app.inject({ method, url: `/api/v1${url}`, headers: who ? as[who] : {}, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json(), text: response.body };
};

const actions = (completedOn: string) =>
  ['investigation', 'epi-analysis', 'lab-confirmation', 'case-management-ipc', 'community-countermeasures', 'risk-communication', 'coordination'].map((action) => ({
    action,
    applicable: action === 'investigation' || action === 'coordination',
    ...(action === 'investigation' || action === 'coordination' ? { completedOn } : {}),
  }));

/** Opens an event as the party's focal point and records its 7-1-7 dates. */
const event = async (who: string, fields: { area: string; emergenceDate: string; detectionDate: string; notificationDate?: string; completedOn?: string }) => {
  const opened = await call('POST', '/events', who, { title: 'Synthetic outbreak', disease: 'cholera', area: fields.area, emergenceDate: fields.emergenceDate, detectionDate: fields.detectionDate });
  expect(opened.status).toBe(201);
  const patch = { ...(fields.notificationDate ? { notificationDate: fields.notificationDate } : {}), ...(fields.completedOn ? { responseActions: actions(fields.completedOn) } : {}) };
  if (Object.keys(patch).length > 0) expect((await call('PATCH', `/events/${opened.body.id}`, who, patch)).status).toBe(200);
  return opened.body.id as string;
};

beforeAll(async () => {
  node = await startTestNode();
  for (const user of ['nfp.ke', 'nfp.ug']) as[user] = await node.signIn(demoEmail(user));
  // Kenya: two events met all three targets; one was detected late and is still waiting for its response.
  await event('nfp.ke', { area: 'KE-30', emergenceDate: '2025-12-20', detectionDate: '2025-12-24', notificationDate: '2025-12-24', completedOn: '2025-12-28' });
  await event('nfp.ke', { area: 'KE-30', emergenceDate: '2025-12-20', detectionDate: '2025-12-22', notificationDate: '2025-12-22', completedOn: '2025-12-26' });
  await event('nfp.ke', { area: 'KE-30', emergenceDate: '2025-12-01', detectionDate: '2025-12-15' });
  // A discarded event was no outbreak and is not counted.
  const discarded = await event('nfp.ke', { area: 'KE-30', emergenceDate: '2025-12-28', detectionDate: '2025-12-29' });
  expect((await call('POST', `/events/${discarded}/verify`, 'nfp.ke', { outcome: 'discarded' })).status).toBe(200);
  // Uganda: a single event.
  await event('nfp.ug', { area: 'UG-C', emergenceDate: '2025-12-20', detectionDate: '2025-12-21', notificationDate: '2025-12-21', completedOn: '2025-12-23' });
});
afterAll(() => node.close());

describe('public response times', () => {
  it('answers without sign-in with each party’s shares, from at least k events', async () => {
    const { status, body } = await call('GET', '/public/response-times', null);
    expect(status).toBe(200);
    expect(body.targetDays).toEqual({ detect: 7, notify: 1, respond: 7 });
    const kenya = body.parties.find((p: { party: string }) => p.party === 'KE');
    expect(kenya).toMatchObject({
      events: 3,
      suppressed: false,
      detect: { met: 2, notMet: 1, pending: 0, share: 2 / 3, suppressed: false },
      notify: { met: 2, notMet: 1, share: 2 / 3, suppressed: false },
      all: { met: 2, notMet: 1, pending: 0, share: 2 / 3, suppressed: false },
    });
    // Only two Kenyan responses are settled (one is pending): under k, the share is withheld.
    expect(kenya.respond).toEqual({ met: null, notMet: null, pending: 1, share: null, suppressed: true });
    // A party with no event shows zero, which identifies nobody.
    expect(body.parties.find((p: { party: string }) => p.party === 'TZ')).toMatchObject({ events: 0, suppressed: false, all: { share: null } });
    expect(body.grants).toContainEqual({ party: 'KE', clauseId: 'response-times-public', pactVersion: 2 });
    expect(body.suppression).toMatchObject({ KE: 3, UG: 3 });
    expect(body.withheld).toEqual([]);
  });

  it('withholds a party with fewer than k events altogether', async () => {
    const { body } = await call('GET', '/public/response-times', null);
    const uganda = body.parties.find((p: { party: string }) => p.party === 'UG');
    expect(uganda).toMatchObject({ party: 'UG', events: null, suppressed: true, all: { met: null, share: null, suppressed: true } });
  });

  it('carries only shares and counts per party, and records each grant in the access log', async () => {
    const { body, text } = await call('GET', '/public/response-times', null);
    for (const row of body.parties) expect(Object.keys(row).sort()).toEqual(['all', 'detect', 'events', 'notify', 'party', 'respond', 'suppressed']);
    for (const detail of ['Synthetic outbreak', 'KE-30', 'UG-C', 'cholera', '2025-12-20']) expect(text).not.toContain(detail);
    const log = await node.services.access.report('KE');
    expect(log[0]).toMatchObject({ dataset: 'events', purpose: 'public-reporting', recipient: 'public', basis: 'pact', clauseId: 'response-times-public', records: 1 });
  });

  it('bounds the events by detection day', async () => {
    const { body } = await call('GET', '/public/response-times?from=2025-12-20', null);
    expect(body).toMatchObject({ from: '2025-12-20', to: null });
    // The late detection (15 December) falls out; two Kenyan events are under k.
    expect(body.parties.find((p: { party: string }) => p.party === 'KE')).toMatchObject({ events: null, suppressed: true });
    expect((await call('GET', '/public/response-times?from=december', null)).body.code).toBe('VALIDATION_FAILED');
  });

  it('lists a party no clause covers as withheld with the pact’s reasons', async () => {
    const restore = await withOnlyPact(
      node,
      'uganda-response-times-public',
      `  - id: uganda-response-times-public
    kind: data-sharing
    title: Uganda publishes its 7-1-7 shares
    dataset: events
    from: [UG]
    to: [public]
    purposes: [public-reporting]
    granularity: { place: country, time: month }
    retentionDays: 365`,
    );
    try {
      const { body } = await call('GET', '/public/response-times', null);
      expect(body.grants).toEqual([{ party: 'UG', clauseId: 'uganda-response-times-public', pactVersion: 1 }]);
      // No k in this clause: Uganda's single event is shown.
      expect(body.parties).toEqual([expect.objectContaining({ party: 'UG', events: 1, all: expect.objectContaining({ met: 1, share: 1 }) })]);
      const kenya = body.withheld.find((w: { party: string }) => w.party === 'KE');
      expect(kenya).toMatchObject({ code: 'ACCESS_DENIED_BY_PACT' });
      expect(kenya.reasons.join(' ')).toMatch(/not of `KE`/);
      expect(body.withheld).toHaveLength(7);
    } finally {
      await restore();
    }
  });
});
