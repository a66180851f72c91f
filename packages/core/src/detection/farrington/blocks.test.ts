import { describe, expect, it } from 'vitest';
import type { PreparedSeries } from '../series.ts';
import { BaselineBuilder } from './blocks.ts';
import { FARRINGTON_1996, NOUFAILY } from './control.ts';

const series = (n: number): PreparedSeries => ({
  n,
  counts: Float64Array.from({ length: n }, (_, i) => i % 7),
  days: null,
});

const labelsOf = (builder: BaselineBuilder) => {
  const { baseline } = builder;
  const labels = new Map<number, number>();
  for (let r = 0; r < baseline.size; r++) labels.set(baseline.week[r]!, baseline.level[r]! + 1);
  return labels;
};

describe('BaselineBuilder', () => {
  it('takes the five ±3-week windows for Farrington 1996 and leaves out the current one', () => {
    const builder = new BaselineBuilder(400, 1);
    const baseline = builder.build(series(400), 300, Int32Array.from([300, 248, 196, 144, 92, 40]), FARRINGTON_1996);
    expect(baseline.size).toBe(35);
    expect(Array.from(baseline.week.subarray(0, 7))).toEqual([37, 38, 39, 40, 41, 42, 43]);
    expect(Array.from(baseline.week.subarray(28, 35))).toEqual([245, 246, 247, 248, 249, 250, 251]);
    expect(baseline.levels).toBe(1);
    expect(baseline.currentWtime).toBe(300);
  });

  it('covers every week from the oldest window to k − 27 for Noufaily: 237 weeks, blocks of 5', () => {
    const builder = new BaselineBuilder(400, 10);
    const baseline = builder.build(series(400), 300, Int32Array.from([300, 248, 196, 144, 92, 40]), NOUFAILY);
    expect(baseline.size).toBe(237);
    expect(baseline.week[0]).toBe(37);
    expect(baseline.week[236]).toBe(273);
    expect(baseline.levels).toBe(10);
    expect(baseline.currentLevel).toBe(9);
    const labels = labelsOf(builder);
    // The 45 weeks between the windows around 40 and 92 (44..88) form 9 blocks of 5.
    expect([44, 48, 49, 53, 84, 88].map((w) => labels.get(w))).toEqual([1, 1, 2, 2, 9, 9]);
    expect(labels.get(43)).toBe(10);
    expect(labels.get(89)).toBe(10);
  });

  it('gives the first block the extra week of a 46-week gap (a 53-week lag)', () => {
    const builder = new BaselineBuilder(400, 10);
    const baseline = builder.build(series(400), 300, Int32Array.from([300, 247, 195, 143, 91, 39]), NOUFAILY);
    expect(baseline.size).toBe(238);
    const labels = labelsOf(builder);
    const blockLengths = Array.from({ length: 9 }, (_, j) => [...labels].filter(([w, l]) => w > 250 && l === j + 1).length);
    // 251..273 survive the 26-week guard; the gap 251..296 would be 6,5,5,5,5,5,5,5,5.
    expect(blockLengths.slice(0, 4)).toEqual([6, 5, 5, 5]);
    expect(labels.get(251)).toBe(1);
    expect(labels.get(256)).toBe(1);
    expect(labels.get(257)).toBe(2);
  });

  it('drops a window position at index 0 as R does, and keeps the rest', () => {
    const builder = new BaselineBuilder(312, 1);
    const baseline = builder.build(series(312), 263, Int32Array.from([263, 211, 159, 107, 55, 3]), FARRINGTON_1996);
    expect(baseline.size).toBe(34);
    expect(baseline.week[0]).toBe(1);
  });

  it('measures wtime in weeks since the first baseline row for a dated series', () => {
    const dated: PreparedSeries = { ...series(400), days: Int32Array.from({ length: 400 }, (_, i) => 11_000 + 7 * i) };
    const builder = new BaselineBuilder(400, 1);
    const baseline = builder.build(dated, 300, Int32Array.from([300, 248, 196, 144, 92, 40]), FARRINGTON_1996);
    expect(baseline.wtime[0]).toBe(0);
    expect(baseline.wtime[34]).toBe(251 - 37);
    expect(baseline.currentWtime).toBe(300 - 37);
  });
});
