import { describe, expect, it } from 'vitest';
import { BAND_COLOUR, signedCelsius, temperatureOption } from './temperature-chart.ts';

const readings = [
  { time: '2026-12-03T05:50:00Z', celsius: 5.1 },
  { time: '2026-12-03T06:00:00Z', celsius: 11.8 },
  { time: '2026-12-03T06:10:00Z', celsius: -1.2 },
];

const option = (rows = readings) =>
  temperatureOption({ readings: rows, minC: 2, maxC: 8, names: { readings: 'Temperature', band: 'Safe range' }, label: (c) => signedCelsius(c, 'en') }) as {
    yAxis: { min: number; max: number };
    series: { name: string; data: unknown[]; areaStyle?: { origin: number; color: string }; markLine?: { data: { yAxis: number }[] } }[];
  };

describe('the temperature chart', () => {
  it('fills the safe range between its two bounds, with a dashed line at each', () => {
    const band = option().series.find((s) => s.name === 'Safe range')!;
    expect(band.data).toEqual([
      ['2026-12-03T05:50:00Z', 8],
      ['2026-12-03T06:10:00Z', 8],
    ]);
    expect(band.areaStyle).toEqual({ origin: 2, color: BAND_COLOUR });
    expect(band.markLine!.data).toEqual([{ yAxis: 2 }, { yAxis: 8 }]);
  });

  it('draws every reading and keeps the band and the extremes on the axis', () => {
    const chart = option();
    expect(chart.series.find((s) => s.name === 'Temperature')!.data).toEqual(readings.map((r) => [r.time, r.celsius]));
    expect(chart.yAxis).toMatchObject({ min: -3, max: 13 });
  });

  it('draws no band without readings', () => {
    expect(option([]).series.map((s) => s.name)).toEqual(['Temperature']);
  });

  it('writes temperatures with their sign', () => {
    expect(signedCelsius(8, 'en')).toBe('+8 °C');
    expect(signedCelsius(-0.5, 'fr')).toBe('−0,5 °C');
    expect(signedCelsius(0, 'en')).toBe('0 °C');
  });
});
