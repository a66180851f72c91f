import { describe, expect, it } from 'vitest';
import { eventBand, eventSeriesView } from './event-series.ts';

const event = { id: '760721d6-b3d4-4382-821f-af77e02880c7', party: 'TZ', disease: 'cholera', area: 'TZ-08', detectionDate: '2026-11-30', openedAt: '2026-11-30T09:00:00Z' };

describe('from an event to its chart', () => {
  it('opens the event’s own series up to today when it is recent', () => {
    expect(eventSeriesView(event, '2026-12-06')).toEqual({ party: 'TZ', disease: 'cholera', area: 'TZ-08', event: event.id });
  });

  it('ends half a year after an old event’s detection, and reads the whole country when it has no area', () => {
    expect(eventSeriesView({ ...event, area: null, detectionDate: '2023-02-09' }, '2026-12-06')).toMatchObject({ area: 'all', to: '2023-08-10' });
  });

  it('has no chart for an event of unknown cause', () => {
    expect(eventSeriesView({ ...event, disease: null }, '2026-12-06')).toBeNull();
  });

  it('shades the event from emergence to the end of the week of its last milestone', () => {
    const dates = { emergenceDate: '2026-11-23', detectionDate: '2026-11-30', notificationDate: '2026-11-30', openedAt: '2026-11-30T09:00:00Z' };
    expect(eventBand(dates, 'event')).toEqual({ name: 'event', from: '2026-11-23', to: '2026-12-06' });
    expect(eventBand({ ...dates, emergenceDate: null, notificationDate: null }, 'event')).toEqual({ name: 'event', from: '2026-11-30', to: '2026-12-06' });
  });
});
