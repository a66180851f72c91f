/**
 * Every reference file of R `surveillance` 1.20.3 in test/fixtures, every
 * row: the bound within 1e-6 relative, |a − b| ≤ 1e-6·|b| with no absolute
 * floor (exactly equal where R gives 0 or Inf, or both NA), and the same
 * alarm (NA alarm = NA). For Farrington also the fit behind the bound: expected count,
 * dispersion, trend decision and slope, score and p-value, and the run
 * without the low-count gate (R's `limit54 = c(0, 4)`), which shows the
 * threshold even in weeks the gate hides.
 */
import { describe, expect, it } from 'vitest';
import {
  type CsvRecord,
  type ReferenceFile,
  rAlarm,
  readReferenceFiles,
  readReferenceSeries,
  relativeError,
  rNumber,
} from '../../../../test/support/r-surveillance.ts';
import { type DetectionRow, defaultRange, detect } from './index.ts';

const TOLERANCE = 1e-6;
const files = readReferenceFiles();

/** Collects disagreements so that one failing file reports every bad row at once. */
const disagreements = (rows: DetectionRow[], reference: CsvRecord[], check: (row: DetectionRow, ref: CsvRecord) => string[]) =>
  reference.flatMap((ref, i) => {
    const row = rows[i];
    if (row === undefined || row.t !== Number(ref.t)) return [`t=${ref.t}: no row`];
    return check(row, ref).map((problem) => `t=${ref.t}: ${problem}`);
  });

const compareNumber = (name: string, actual: number | null | undefined, expected: number | null, tolerance = TOLERANCE): string[] => {
  if (expected === null) return actual === null ? [] : [`${name} ${actual}, R NA`];
  if (actual === null || actual === undefined) return [`${name} null, R ${expected}`];
  return relativeError(actual, expected) <= tolerance ? [] : [`${name} ${actual}, R ${expected}`];
};

const compareProbability = (actual: number | null | undefined, expected: number | null): string[] => {
  if (expected === null || actual === null || actual === undefined) return actual === expected ? [] : [`pvalue ${actual}, R ${expected}`];
  return Math.abs(actual - expected) <= 1e-9 ? [] : [`pvalue ${actual}, R ${expected}`];
};

const compareBoundAndAlarm = (bound: string, alarm: string) => (row: DetectionRow, ref: CsvRecord) => [
  ...compareNumber('upperbound', row.upperbound, rNumber(ref[bound])),
  ...(row.alarm === rAlarm(ref[alarm]) ? [] : [`alarm ${row.alarm}, R ${ref[alarm]}`]),
  ...(row.observed === Number(ref.observed) ? [] : [`observed ${row.observed}, R ${ref.observed}`]),
];

/** R leaves `expected` at its initial 0 in a week whose GLM did not converge (phi NA); Concord gives null there. */
const referenceExpected = (ref: CsvRecord): number | null => (ref.phi === 'NA' ? null : rNumber(ref.expected));

const compareFit = (file: ReferenceFile) => (row: DetectionRow, ref: CsvRecord) => [
  ...compareNumber('expected', row.expected, referenceExpected(ref)),
  ...compareNumber('phi', row.phi, rNumber(ref.phi)),
  ...compareNumber('trendCoef', row.trendCoef, rNumber(ref.trendCoef)),
  ...compareNumber('score', row.score, rNumber(ref.score)),
  // A tail probability near 0 or 1 is a difference of two numbers near 1: compare it absolutely.
  ...compareProbability(row.pvalue, rNumber(ref.pvalue)),
  ...(row.trend === (ref.trend === 'NA' ? null : ref.trend === '1') ? [] : [`trend ${row.trend}, R ${ref.trend}`]),
  // R's mu0 column for delta is exp(qnorm(1−α, μ̂₀, se)), which mixes scales; only the NB methods' mu0 means something.
  ...(file.method === 'farrington' ? [] : compareNumber('mu0', row.mu0, rNumber(ref.mu0))),
];

describe.each(files.map((file) => [file.file, file] as const))('R reference %s', (_name, file) => {
  const series = readReferenceSeries(file.series);
  const range = [Number(file.rows[0]!.t), Number(file.rows.at(-1)!.t)] as const;

  it('uses the same default range as the reference run', () => {
    expect(defaultRange(file.method, series)).toEqual(range);
  });

  it('gives the same bound and alarm on every row', () => {
    const rows = detect(file.method, series);
    expect(rows).toHaveLength(file.rows.length);
    expect(disagreements(rows, file.rows, compareBoundAndAlarm('upperbound', 'alarm'))).toEqual([]);
  });

  if (file.method === 'cusum') {
    it('gives the same cumulative sum and reference mean', () => {
      const rows = detect(file.method, series);
      const check = (row: DetectionRow, ref: CsvRecord) => [
        ...compareNumber('cusum', row.cusum, rNumber(ref.cusum), 1e-9),
        ...compareNumber('m', row.expected, rNumber(ref.m), 1e-12),
      ];
      expect(disagreements(rows, file.rows, check)).toEqual([]);
    });
  }

  if (file.algorithm.startsWith('farrington')) {
    it('gives the same bound and alarm without the low-count gate', () => {
      const rows = detect(file.method, series, { control: { limit54: [0, 4] } });
      expect(disagreements(rows, file.rows, compareBoundAndAlarm('upperbound_raw', 'alarm_raw'))).toEqual([]);
    });

    it('fits the same model: expected, phi, trend, score, p-value', () => {
      const rows = detect(file.method, series);
      expect(disagreements(rows, file.rows, compareFit(file))).toEqual([]);
    });
  }
});

describe('R reference set', () => {
  it('holds small bounds to the same relative tolerance as large ones', () => {
    expect(relativeError(0.0030001, 0.003)).toBeGreaterThan(TOLERANCE);
    expect(relativeError(3000.001, 3000)).toBeLessThan(TOLERANCE);
    expect(relativeError(1e-9, 0)).toBe(Infinity);
    expect(relativeError(Infinity, Infinity)).toBe(0);
  });

  it('covers every method on every series', () => {
    const seriesNames = new Set(files.map((f) => f.series));
    expect(seriesNames.size).toBeGreaterThanOrEqual(5);
    for (const name of seriesNames) {
      expect(files.filter((f) => f.series === name).map((f) => f.method).sort()).toEqual(
        ['cusum', 'ears-c1', 'ears-c2', 'ears-c3', 'farrington', 'farrington-noufaily', 'farrington-noufaily-muan'],
      );
    }
  });
});
