import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../surveillance/calendar-date.ts';
import { summarise717, summarise717ByParty } from './seven-one-seven-summary.ts';
import { EARLY_RESPONSE_ACTIONS, evaluate717, type ResponseActionRecord, type TimelinessEvent } from './seven-one-seven.ts';

const allActions = (completedOn: string | undefined, notApplicable: string[] = []): ResponseActionRecord[] =>
  EARLY_RESPONSE_ACTIONS.map((a) => (notApplicable.includes(a.id) ? { action: a.id, applicable: false } : { action: a.id, applicable: true, ...(completedOn ? { completedOn } : {}) }));

describe('evaluate717: one event', () => {
  it('computes the three intervals of a hand-checked event', () => {
    const event: TimelinessEvent = {
      id: 'ev-1',
      party: 'UG',
      emergenceDate: '2024-03-01',
      detectionDate: '2024-03-08',
      notificationDate: '2024-03-10',
      responseActions: [
        { action: 'investigation', applicable: true, completedOn: '2024-03-11' },
        { action: 'epi-analysis', applicable: true, completedOn: '2024-03-13' },
        { action: 'lab-confirmation', applicable: true, completedOn: '2024-03-17' },
        { action: 'case-management-ipc', applicable: true, completedOn: '2024-03-12' },
        { action: 'community-countermeasures', applicable: false, completedOn: '2024-04-30' },
        { action: 'risk-communication', applicable: true, completedOn: '2024-03-14' },
        { action: 'coordination', applicable: false },
      ],
      bottlenecks: [{ interval: 'notification', category: 'operational', description: 'Weekend: no duty officer at the district to receive the call', rootCause: 'No on-call rota for district surveillance officers' }],
      enablers: [{ interval: 'detection', category: 'technical', description: 'Community health worker used the SMS alert line', rootCause: 'CHWs trained on event-based surveillance in 2023' }],
    };
    const result = evaluate717(event);
    expect(result.detect).toEqual({ interval: 'detection', target: 7, days: 7, status: 'met' });
    expect(result.notify).toEqual({ interval: 'notification', target: 1, days: 2, status: 'not-met' });
    // The not-applicable action's late date does not count: latest applicable completion is 17 March.
    expect(result.respond).toEqual({ interval: 'response', target: 7, days: 7, status: 'met' });
    expect(result.responseCompletionDate).toBe('2024-03-17');
    expect(result.responseInitiationDate).toBe('2024-03-11');
    expect(result.overall).toBe('not-met');
    expect(result.bottlenecks.notification).toHaveLength(1);
    expect(result.bottlenecks.detection).toEqual([]);
    expect(result.enablers.detection[0]!.category).toBe('technical');
  });

  it('counts calendar days across month ends and leap days', () => {
    const base = { id: 'x', party: 'KE', responseActions: allActions(undefined) };
    expect(evaluate717({ ...base, emergenceDate: '2024-02-25', detectionDate: '2024-03-03' }).detect.days).toBe(7);
    expect(evaluate717({ ...base, emergenceDate: '2023-02-25', detectionDate: '2023-03-03' }).detect.days).toBe(6);
    expect(evaluate717({ ...base, emergenceDate: '2023-12-28', detectionDate: '2024-01-05' }).detect).toMatchObject({ days: 8, status: 'not-met' });
  });

  it('meets all three targets at exactly 7, 1 and 7 days', () => {
    const result = evaluate717({ id: 'x', party: 'KE', emergenceDate: '2024-01-01', detectionDate: '2024-01-08', notificationDate: '2024-01-09', responseActions: allActions('2024-01-16') });
    expect([result.detect.days, result.notify.days, result.respond.days, result.overall]).toEqual([7, 1, 7, 'met']);
  });

  it('leaves what cannot be computed pending, with the reason', () => {
    const open = evaluate717({ id: 'x', party: 'KE', emergenceDate: '2024-01-01', detectionDate: '2024-01-03', responseActions: allActions(undefined, ['coordination']) });
    expect(open.detect.status).toBe('met');
    expect(open.notify).toMatchObject({ status: 'pending', days: null, pendingReason: 'not notified yet' });
    expect(open.respond.pendingReason).toMatch(/^actions not completed: investigation, /);
    expect(open.respond.pendingReason).not.toMatch(/coordination/);
    expect(open.overall).toBe('pending');

    const unjudged = evaluate717({ id: 'x', party: 'KE', detectionDate: '2024-01-03', notificationDate: '2024-01-03', responseActions: [{ action: 'investigation', applicable: true, completedOn: '2024-01-04' }] });
    expect(unjudged.detect.pendingReason).toBe('emergence date not known');
    expect(unjudged.respond.pendingReason).toMatch(/^applicability not recorded for: epi-analysis/);
    expect(unjudged.responseInitiationDate).toBe('2024-01-04');

    const none = evaluate717({ id: 'x', party: 'KE', responseActions: allActions(undefined, EARLY_RESPONSE_ACTIONS.map((a) => a.id)) });
    expect(none.respond.pendingReason).toBe('no early response action is applicable');
  });

  it('a missed target decides the overall result even while others are pending', () => {
    const result = evaluate717({ id: 'x', party: 'KE', emergenceDate: '2024-01-01', detectionDate: '2024-01-20', responseActions: [] });
    expect(result.overall).toBe('not-met');
  });

  it('refuses impossible records', () => {
    const base = { id: 'x', party: 'KE', responseActions: [] };
    expect(() => evaluate717({ ...base, emergenceDate: '2024-01-05', detectionDate: '2024-01-04' })).toThrow(expect.objectContaining({ code: 'EVENT_717_DATES_OUT_OF_ORDER' }));
    expect(() => evaluate717({ ...base, detectionDate: '2024-01-05', notificationDate: '2024-01-04' })).toThrow(expect.objectContaining({ code: 'EVENT_717_DATES_OUT_OF_ORDER' }));
    expect(() => evaluate717({ ...base, emergenceDate: '2024-02-30' })).toThrow(expect.objectContaining({ code: 'EVENT_717_DATE_INVALID' }));
    expect(() => evaluate717({ ...base, responseActions: [{ action: 'investigation', applicable: true }, { action: 'investigation', applicable: false }] })).toThrow(expect.objectContaining({ code: 'EVENT_717_ACTION_DUPLICATE' }));
    expect(() => evaluate717({ ...base, responseActions: [{ action: 'prayer' as never, applicable: true }] })).toThrow(expect.objectContaining({ code: 'EVENT_717_ACTION_UNKNOWN' }));
    expect(() => evaluate717({ ...base, responseActions: [{ action: 'investigation', applicable: true, completedOn: 'soon' }] })).toThrow(expect.objectContaining({ code: 'EVENT_717_DATE_INVALID' }));
  });
});

/** An event whose three intervals last the given numbers of days (null = not yet known). */
const eventWith = (id: string, party: string, detect: number | null, notify: number | null, respond: number | null): TimelinessEvent => {
  const emergenceDate = '2024-05-01';
  const detectionDate = detect === null ? undefined : addDays(emergenceDate, detect);
  const notificationDate = detectionDate === undefined || notify === null ? undefined : addDays(detectionDate, notify);
  const done = notificationDate === undefined || respond === null ? undefined : addDays(notificationDate, respond);
  return { id, party, emergenceDate, ...(detectionDate ? { detectionDate } : {}), ...(notificationDate ? { notificationDate } : {}), responseActions: allActions(done) };
};

describe('summarise717', () => {
  it('reproduces the Uganda review shares from its counts: 42 events, 52% / 74% / 45% / 24%', () => {
    // Events 0–9 meet all three; detection met by 0–21, notification by 0–30, response by 0–9 and 31–39.
    const events = Array.from({ length: 42 }, (_, i) =>
      eventWith(`ug-${i}`, 'UG', i < 22 ? 4 : 12, i < 31 ? 1 : 3, i < 10 || (i >= 31 && i < 40) ? 6 : 15),
    );
    const summary = summarise717(events.map(evaluate717));
    expect(summary.events).toBe(42);
    expect([summary.detect.met, summary.notify.met, summary.respond.met, summary.all.met]).toEqual([22, 31, 19, 10]);
    const percent = (s: { share: number | null }) => Math.round(100 * s.share!);
    expect([percent(summary.detect), percent(summary.notify), percent(summary.respond), percent(summary.all)]).toEqual([52, 74, 45, 24]);
  });

  it('leaves pending events out of the share and counts them beside it', () => {
    const summary = summarise717([eventWith('a', 'KE', 3, 0, 2), eventWith('b', 'KE', 9, 0, 2), eventWith('c', 'KE', null, null, null)].map(evaluate717));
    expect(summary.detect).toEqual({ met: 1, notMet: 1, pending: 1, share: 0.5 });
    expect(summary.all).toEqual({ met: 1, notMet: 1, pending: 1, share: 0.5 });
    expect(summarise717([]).detect.share).toBeNull();
  });

  it('groups by party and tallies bottleneck categories', () => {
    const withBottleneck = { ...eventWith('t1', 'TZ', 10, 0, 0), bottlenecks: [{ interval: 'detection' as const, category: 'political' as const, description: 'd', rootCause: 'r' }] };
    const { region, parties } = summarise717ByParty([eventWith('u1', 'UG', 1, 0, 0), withBottleneck, eventWith('u2', 'UG', 1, 5, 0)].map(evaluate717));
    expect(Object.keys(parties)).toEqual(['TZ', 'UG']);
    expect(parties.UG!.notify).toMatchObject({ met: 1, notMet: 1, share: 0.5 });
    expect(parties.TZ!.bottlenecks.detection).toEqual({ technical: 0, operational: 0, political: 1 });
    expect(region.events).toBe(3);
    expect(region.detect).toMatchObject({ met: 2, notMet: 1 });
  });

  it('keeps its counts consistent for any set of events', () => {
    const days = fc.option(fc.nat({ max: 20 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('UG', 'KE'), days, days, days), { maxLength: 40 }), (rows) => {
        const results = rows.map(([party, d, n, r], i) => evaluate717(eventWith(`e${i}`, party, d, n, r)));
        const { region, parties } = summarise717ByParty(results);
        for (const s of [region.detect, region.notify, region.respond, region.all]) {
          expect(s.met + s.notMet + s.pending).toBe(rows.length);
          if (s.share !== null) expect(s.share).toBeGreaterThanOrEqual(0);
          if (s.share !== null) expect(s.share).toBeLessThanOrEqual(1);
        }
        expect(region.all.met).toBeLessThanOrEqual(Math.min(region.detect.met, region.notify.met, region.respond.met));
        expect(Object.values(parties).reduce((sum, p) => sum + p.events, 0)).toBe(rows.length);
      }),
    );
  });
});
