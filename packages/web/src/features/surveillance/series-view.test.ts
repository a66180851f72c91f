import { describe, expect, it } from 'vitest';
import { alarmWeeks, readSeriesView, seriesChartInput, seriesFigures, seriesHref, seriesQuery, signalSeriesView } from './series-view.ts';
import type { Series, SeriesWeek } from './surveillance.types.ts';

const week = (weekStart: string, observed: number | null, extra: Partial<SeriesWeek> = {}): SeriesWeek => ({
  week: 'W',
  weekStart,
  observed,
  lineList: observed,
  reported: null,
  suppressed: observed === null,
  method: 'farrington-noufaily',
  threshold: 10,
  expected: 3,
  alarm: false,
  signal: null,
  ...extra,
});

const series = (weeks: SeriesWeek[], detectionShared = true): Series => ({
  party: 'TZ',
  disease: 'cholera',
  area: 'TZ-08',
  from: weeks[0]!.weekStart,
  to: weeks.at(-1)!.weekStart,
  method: 'stored',
  suppressionK: detectionShared ? null : 5,
  detectionShared,
  weeks,
});

const names = { observed: 'cases', threshold: 'threshold', alarms: 'alarms' };

describe('the series view in the URL', () => {
  it('reads a complete view and writes it back the same', () => {
    const view = readSeriesView(new URLSearchParams('party=TZ&disease=measles&area=TZ-08&from=2025-01-06&to=2026-11-30&method=ears-c1'));
    expect(view).toEqual({ party: 'TZ', disease: 'measles', area: 'TZ-08', from: '2025-01-06', to: '2026-11-30', method: 'ears-c1', event: undefined });
    expect(seriesHref(view)).toBe('/surveillance?party=TZ&disease=measles&area=TZ-08&from=2025-01-06&to=2026-11-30&method=ears-c1');
  });

  it('falls back to the defaults for anything malformed', () => {
    const view = readSeriesView(new URLSearchParams('party=tanzania&disease=flu&area=<b>&to=yesterday&method=guess&event=1'));
    expect(view).toEqual({ party: null, disease: 'cholera', area: 'all', from: undefined, to: undefined, method: undefined, event: undefined });
  });

  it('keeps an area only under its own party', () => {
    expect(readSeriesView(new URLSearchParams('party=UG&area=KE-30')).area).toBe('all');
    expect(readSeriesView(new URLSearchParams('party=KE&area=KE-30')).area).toBe('KE-30');
  });

  it('opens a signal’s series a quarter past its week, or up to today', () => {
    const signal = { party: 'SS', disease: 'malaria', area: 'SS-UY', weekStart: '2026-03-02' };
    expect(signalSeriesView(signal, '2026-12-06')).toEqual({ party: 'SS', disease: 'malaria', area: 'SS-UY', to: '2026-06-01' });
    expect(signalSeriesView({ ...signal, weekStart: '2026-11-02' }, '2026-12-06')).toEqual({ party: 'SS', disease: 'malaria', area: 'SS-UY' });
  });

  it('asks the node only for what is set', () => {
    expect(seriesQuery({ party: 'KE', disease: 'cholera', area: 'all', event: 'x' })).toEqual({ party: 'KE', disease: 'cholera', area: 'all' });
  });
});

describe('the series chart', () => {
  it('draws observed counts with suppressed weeks as gaps, the threshold, and alarms on the counts', () => {
    const input = seriesChartInput(
      series([week('2026-11-09', 3), week('2026-11-16', null, { threshold: null }), week('2026-11-23', 20, { alarm: true, threshold: 19 })]),
      names,
    );
    expect(input.series[0]!.points).toEqual([
      { date: '2026-11-09', value: 3 },
      { date: '2026-11-16', value: null },
      { date: '2026-11-23', value: 20 },
    ]);
    expect(input.threshold).toEqual({ name: 'threshold', points: [
      { date: '2026-11-09', value: 10 },
      { date: '2026-11-16', value: null },
      { date: '2026-11-23', value: 19 },
    ] });
    expect(input.alarms).toEqual({ name: 'alarms', points: [{ date: '2026-11-23', value: 20 }] });
  });

  it('draws no threshold or alarms when the pact does not share detection', () => {
    const hidden = series([week('2026-11-09', 3, { threshold: null, alarm: null, method: null, expected: null })], false);
    const input = seriesChartInput(hidden, names, [{ name: 'event', from: '2026-11-09', to: '2026-11-15' }]);
    expect(input.threshold).toBeUndefined();
    expect(input.alarms).toBeUndefined();
    expect(input.bands).toEqual([{ name: 'event', from: '2026-11-09', to: '2026-11-15' }]);
  });

  it('lists the alarm weeks newest first and counts what the reader sees', () => {
    const s = series([week('2026-11-02', 30, { alarm: true }), week('2026-11-09', null), week('2026-11-16', 25, { alarm: true })]);
    expect(alarmWeeks(s).map((w) => w.weekStart)).toEqual(['2026-11-16', '2026-11-02']);
    expect(seriesFigures(s)).toMatchObject({ weeks: 3, alarms: 2, suppressed: 1, latest: { weekStart: '2026-11-16' } });
  });
});
