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
  yAxisName?: string;
}

export const ALARM_COLOUR = '#b2182b';
export const THRESHOLD_COLOUR = '#b35806';

const pairs = (points: readonly Point[]) => points.map((p) => [p.date, p.value]);

export const timeSeriesOption = (input: TimeSeriesInput): EChartsCoreOption => {
  const series: Record<string, unknown>[] = input.series.map((s) => ({ type: 'line', name: s.name, data: pairs(s.points), showSymbol: false }));
  const { threshold, alarms } = input;
  if (threshold && 'value' in threshold) {
    // A constant threshold is a horizontal line across the whole chart.
    const first = series[0] ?? {};
    first.markLine = {
      symbol: 'none',
      lineStyle: { type: 'dashed', color: THRESHOLD_COLOUR },
      label: { formatter: threshold.name },
      data: [{ yAxis: threshold.value, name: threshold.name }],
    };
  } else if (threshold) {
    series.push({ type: 'line', name: threshold.name, data: pairs(threshold.points), step: 'middle', showSymbol: false, lineStyle: { type: 'dashed', color: THRESHOLD_COLOUR }, itemStyle: { color: THRESHOLD_COLOUR } });
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
