import { describe, expect, it } from 'vitest';
import { EARLY_RESPONSE_ACTIONS } from '@concord/core';
import type { EventRecord } from './events.repo.ts';
import { runningClock, timelinessOf } from './timeliness.ts';

const event = (dates: Partial<Pick<EventRecord, 'emergenceDate' | 'detectionDate' | 'notificationDate'>>, completedOn?: string): EventRecord => ({
  id: 'e-1',
  party: 'KE',
  area: 'KE-30',
  disease: 'measles',
  title: 'Measles',
  summary: null,
  status: 'confirmed',
  signalId: null,
  alertLevel: 2,
  riskLevel: 'moderate',
  ihrOutcome: null,
  emergenceDate: null,
  detectionDate: null,
  notificationDate: null,
  ...dates,
  responseActions: completedOn ? EARLY_RESPONSE_ACTIONS.map((a) => ({ action: a.id, applicable: true, completedOn })) : [],
  bottlenecks: [],
  enablers: [],
  cases: null,
  deaths: null,
  openedAt: new Date('2026-01-01T00:00:00Z'),
  openedBy: 'test',
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  closedAt: null,
  synthetic: false,
});

const clockOf = (e: EventRecord, today: string) => runningClock(e, timelinessOf(e), today);

describe('the running 7-1-7 clock', () => {
  it('counts detection from emergence while the event is not detected', () => {
    expect(clockOf(event({ emergenceDate: '2026-01-01' }), '2026-01-10')).toEqual({ interval: 'detection', since: '2026-01-01', target: 7, elapsedDays: 9, remainingDays: -2 });
  });

  it('counts notification from detection, then the response from notification', () => {
    expect(clockOf(event({ emergenceDate: '2026-01-01', detectionDate: '2026-01-03' }), '2026-01-03')).toMatchObject({ interval: 'notification', elapsedDays: 0, remainingDays: 1 });
    expect(clockOf(event({ detectionDate: '2026-01-03', notificationDate: '2026-01-04' }), '2026-01-06')).toMatchObject({ interval: 'response', since: '2026-01-04', elapsedDays: 2, remainingDays: 5 });
  });

  it('stops once the early response is complete, and cannot run without a known start', () => {
    expect(clockOf(event({ detectionDate: '2026-01-03', notificationDate: '2026-01-04' }, '2026-01-09'), '2026-01-20')).toBeNull();
    expect(clockOf(event({}), '2026-01-20')).toBeNull();
  });
});
