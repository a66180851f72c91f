import type { EChartsCoreOption } from 'echarts/core';

/**
 * The surveillance chart: one or more weekly or daily series, the threshold
 * a detection method computed (a constant, or one value per period as with
 * Farrington's upper bound), and the periods it raised an alarm, marked on
 * the series. Kept as data → option so it is tested without a browser.
 */
export interface Point {
  /** ISO 8601 date of the period's start. */
  date: string;
  value: number | null;
}

export interface TimeSeriesInput {
  series: { name: string; points: readonly Point[] }[];
  threshold?: { name: string; value: number } | { name: string; points: readonly Point[] };
  alarms?: { name: string; points: readonly Point[] };
  /** Spans of time to shade with their label (e.g. an event, from emergence to notification). */
  bands?: readonly { name: string; from: string; to: string }[];
  yAxisName?: string;
}

export const ALARM_COLOUR = '#b2182b';
export const THRESHOLD_COLOUR = '#b35806';
export const BAND_COLOUR = 'rgba(74, 74, 74, 0.14)';

const pairs = (points: readonly Point[]) => points.map((p) => [p.date, p.value]);

export const timeSeriesOption = (input: TimeSeriesInput): EChartsCoreOption => {
  const series: Record<string, unknown>[] = input.series.map((s) => ({ type: 'line', name: s.name, data: pairs(s.points), showSymbol: false }));
  const { threshold, alarms, bands = [] } = input;
  const first = series[0] ?? {};
  const lines: Record<string, unknown>[] = [];
  if (threshold && 'value' in threshold) {
    // A constant threshold is a horizontal line across the whole chart.
    lines.push({ yAxis: threshold.value, name: threshold.name, lineStyle: { type: 'dashed', color: THRESHOLD_COLOUR }, label: { formatter: threshold.name } });
  } else if (threshold) {
    series.push({ type: 'line', name: threshold.name, data: pairs(threshold.points), step: 'middle', showSymbol: false, lineStyle: { type: 'dashed', color: THRESHOLD_COLOUR }, itemStyle: { color: THRESHOLD_COLOUR } });
  }
  if (lines.length > 0) first.markLine = { symbol: 'none', silent: true, data: lines };
  if (bands.length > 0) {
    first.markArea = {
      silent: true,
      itemStyle: { color: BAND_COLOUR },
      // Right-aligned: an event is usually recent, at the right edge of the chart.
      label: { position: 'insideTopRight', color: '#1a1a1a' },
      data: bands.map((band) => [{ xAxis: band.from, name: band.name }, { xAxis: band.to }]),
    };
  }
  if (alarms && alarms.points.length > 0) {
    series.push({ type: 'scatter', name: alarms.name, data: pairs(alarms.points), symbol: 'triangle', symbolSize: 12, itemStyle: { color: ALARM_COLOUR } });
  }
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: input.yAxisName, min: 0 },
    series,
  };
};

/** A plain bar chart of one value per category (e.g. per partner state). */
export const barOption = (input: { categories: string[]; values: (number | null)[]; name: string; format?: (value: number) => string }): EChartsCoreOption => ({
  tooltip: { trigger: 'axis', valueFormatter: input.format ? (value: unknown) => (typeof value === 'number' ? input.format!(value) : '—') : undefined },
  grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
  xAxis: { type: 'value', axisLabel: input.format ? { formatter: (value: number) => input.format!(value) } : undefined },
  yAxis: { type: 'category', data: input.categories, inverse: true },
  series: [{ type: 'bar', name: input.name, data: input.values, itemStyle: { color: '#3182bd' } }],
});

/**
 * Bars for several measures side by side in each category (e.g. the share
 * of events meeting each 7-1-7 target, per partner state), on a fixed axis
 * when the values are shares.
 */
export const groupedBarOption = (input: {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  format?: (value: number) => string;
  max?: number;
}): EChartsCoreOption => ({
  tooltip: { trigger: 'axis', valueFormatter: input.format ? (value: unknown) => (typeof value === 'number' ? input.format!(value) : '—') : undefined },
  legend: { top: 0 },
  grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
  // Every category named, even on a phone: the categories are short codes.
  xAxis: { type: 'category', data: input.categories, axisLabel: { interval: 0 } },
  yAxis: { type: 'value', max: input.max, axisLabel: input.format ? { formatter: (value: number) => input.format!(value) } : undefined },
  color: GROUP_COLOURS,
  series: input.series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
});

/** ColorBrewer "Set2"-like qualitative colours darkened for contrast against white. */
const GROUP_COLOURS = ['#1b7a63', '#c2571a', '#5a5fa8', '#3d3d3d'];
