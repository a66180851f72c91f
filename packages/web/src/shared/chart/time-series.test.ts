import { describe, expect, it } from 'vitest';
import { ALARM_COLOUR, barOption, groupedBarOption, timeSeriesOption } from './time-series.ts';

const weeks = (values: number[]) => values.map((value, i) => ({ date: `2026-01-${String(5 + 7 * i).padStart(2, '0')}`, value }));
type Series = { type: string; name: string; data: unknown[]; markLine?: { data: { yAxis: number }[] } };

describe('the surveillance chart option', () => {
  it('draws each series as a line over time', () => {
    const option = timeSeriesOption({ series: [{ name: 'cases', points: weeks([3, 4, 9]) }] });
    const series = option.series as Series[];
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ type: 'line', name: 'cases', data: [['2026-01-05', 3], ['2026-01-12', 4], ['2026-01-19', 9]] });
    expect(option.xAxis).toMatchObject({ type: 'time' });
  });

  it('draws a constant threshold as a horizontal line on the series', () => {
    const series = timeSeriesOption({ series: [{ name: 'cases', points: weeks([1, 2]) }], threshold: { name: 'C1 limit', value: 7.5 } }).series as Series[];
    expect(series).toHaveLength(1);
    expect(series[0]!.markLine!.data).toEqual([expect.objectContaining({ yAxis: 7.5 })]);
  });

  it('draws a per-period threshold as its own dashed series, and alarms as marked points', () => {
    const series = timeSeriesOption({
      series: [{ name: 'cases', points: weeks([1, 2, 12]) }],
      threshold: { name: 'upper bound', points: weeks([5, 5, 6]) },
      alarms: { name: 'alarms', points: weeks([12]).map((p) => ({ ...p, date: '2026-01-19' })) },
    }).series as (Series & { itemStyle?: { color: string } })[];
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['line', 'cases'],
      ['line', 'upper bound'],
      ['scatter', 'alarms'],
    ]);
    expect(series[2]!.data).toEqual([['2026-01-19', 12]]);
    expect(series[2]!.itemStyle!.color).toBe(ALARM_COLOUR);
  });

  it('shades a span of time with its label beside a constant threshold', () => {
    const series = timeSeriesOption({
      series: [{ name: 'cases', points: weeks([1, 2]) }],
      threshold: { name: 'limit', value: 4 },
      bands: [{ name: 'event', from: '2026-01-05', to: '2026-01-18' }],
    }).series as (Series & { markArea?: { data: unknown[] } })[];
    expect(series[0]!.markLine!.data).toEqual([expect.objectContaining({ yAxis: 4 })]);
    expect(series[0]!.markArea!.data).toEqual([[{ xAxis: '2026-01-05', name: 'event' }, { xAxis: '2026-01-18' }]]);
  });

  it('adds no alarm series when nothing alarmed', () => {
    const series = timeSeriesOption({ series: [{ name: 'cases', points: weeks([1]) }], alarms: { name: 'alarms', points: [] } }).series as Series[];
    expect(series.map((s) => s.type)).toEqual(['line']);
  });

  it('lays a bar chart out with one bar per category, in order', () => {
    const option = barOption({ categories: ['Kenya', 'Rwanda'], values: [55, 14], name: 'population' });
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['Kenya', 'Rwanda'] });
    expect((option.series as Series[])[0]!.data).toEqual([55, 14]);
  });

  it('lays grouped bars out with one series per measure over the same categories', () => {
    const option = groupedBarOption({ categories: ['KE', 'UG'], series: [{ name: 'detect', values: [1, 0.5] }, { name: 'notify', values: [null, 1] }], max: 1 });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['KE', 'UG'] });
    expect(option.yAxis).toMatchObject({ max: 1 });
    expect((option.series as Series[]).map((s) => [s.type, s.name, s.data])).toEqual([
      ['bar', 'detect', [1, 0.5]],
      ['bar', 'notify', [null, 1]],
    ]);
  });
});
