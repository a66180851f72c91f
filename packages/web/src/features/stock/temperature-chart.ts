import type { EChartsCoreOption } from 'echarts/core';
import type { Reading } from './stock.types.ts';

/**
 * A recorder's temperatures over time with its safe range drawn as a
 * shaded band between two dashed lines (+2 and +8 °C for a vaccine fridge),
 * so a heat or freeze excursion shows as the line leaving the band. Data →
 * option, tested without a browser.
 */
export const BAND_COLOUR = 'rgba(29, 94, 43, 0.14)';
export const BAND_EDGE_COLOUR = '#1d5e2b';
export const READING_COLOUR = '#0b4f8a';

export interface TemperatureChartInput {
  readings: readonly Reading[];
  minC: number;
  maxC: number;
  names: { readings: string; band: string };
  /** How a bound is written on its line, e.g. "+8 °C". */
  label(celsius: number): string;
}

/** A signed temperature, as recorders and vaccine labels write it: +8 °C, −0.5 °C. */
export const signedCelsius = (celsius: number, language: string): string => {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(Math.abs(celsius));
  return `${celsius > 0 ? '+' : celsius < 0 ? '−' : ''}${number} °C`;
};

export const temperatureOption = (input: TemperatureChartInput): EChartsCoreOption => {
  const { readings, minC, maxC } = input;
  const times = readings.map((r) => r.time);
  const values = readings.map((r) => r.celsius);
  const first = times[0];
  const last = times[times.length - 1];
  // The axis always shows the whole band and every reading, with a degree to spare.
  const low = Math.floor(Math.min(minC, ...values) - 1);
  const high = Math.ceil(Math.max(maxC, ...values) + 1);
  const band =
    first && last
      ? [
          {
            type: 'line',
            name: input.names.band,
            data: [
              [first, maxC],
              [last, maxC],
            ],
            // Filled down to the lower bound: the band between minC and maxC.
            areaStyle: { origin: minC, color: BAND_COLOUR },
            lineStyle: { width: 0 },
            itemStyle: { color: BAND_EDGE_COLOUR },
            showSymbol: false,
            silent: true,
            tooltip: { show: false },
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: BAND_EDGE_COLOUR },
              label: { position: 'insideEndTop', formatter: (params: { value: number }) => input.label(params.value) },
              data: [{ yAxis: minC }, { yAxis: maxC }],
            },
          },
        ]
      : [];
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? input.label(value) : '—') },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32, containLabel: true },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: '°C', min: low, max: high },
    series: [
      ...band,
      { type: 'line', name: input.names.readings, data: readings.map((r) => [r.time, r.celsius]), showSymbol: false, lineStyle: { width: 1.5, color: READING_COLOUR }, itemStyle: { color: READING_COLOUR } },
    ],
  };
};
