/**
 * Reads the R `surveillance` reference fixtures (test/fixtures/r-surveillance,
 * see its README) for detection tests: the exported series and the
 * package's outputs. The files are plain comma-separated text without quotes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const R_SURVEILLANCE_DIR = fileURLToPath(new URL('../fixtures/r-surveillance/', import.meta.url));

export type CsvRecord = Record<string, string>;

export const readCsvRecords = (path: string): CsvRecord[] => {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
};

export interface ReferenceSeries {
  name: string;
  counts: number[];
  /** Present for series with Date epochs in R. */
  dates?: string[];
}

export const readReferenceSeries = (name: string): ReferenceSeries => {
  const records = readCsvRecords(`${R_SURVEILLANCE_DIR}series/${name}.csv`);
  const counts = records.map((r) => Number(r.count));
  const dated = records[0]!.date !== 'NA';
  return dated ? { name, counts, dates: records.map((r) => r.date!) } : { name, counts };
};

/** R algorithm suffix of a reference file → Concord method id. */
export const REFERENCE_METHODS = {
  ears_C1: 'ears-c1',
  ears_C2: 'ears-c2',
  ears_C3: 'ears-c3',
  farrington_1996: 'farrington',
  farrington_noufaily: 'farrington-noufaily',
  farrington_noufaily_muan: 'farrington-noufaily-muan',
  cusum_standard: 'cusum',
} as const;

export interface ReferenceFile {
  file: string;
  series: string;
  algorithm: keyof typeof REFERENCE_METHODS;
  method: (typeof REFERENCE_METHODS)[keyof typeof REFERENCE_METHODS];
  rows: CsvRecord[];
}

/** Every `<series>__<algorithm>.csv` in the reference directory. */
export const readReferenceFiles = (): ReferenceFile[] =>
  readdirSync(`${R_SURVEILLANCE_DIR}reference`)
    .filter((file) => file.endsWith('.csv') && !file.startsWith('_'))
    .sort()
    .map((file) => {
      const [series, algorithm] = file.replace(/\.csv$/, '').split('__') as [string, keyof typeof REFERENCE_METHODS];
      const method = REFERENCE_METHODS[algorithm];
      if (method === undefined) throw new Error(`unknown algorithm in reference file ${file}`);
      return { file, series, algorithm, method, rows: readCsvRecords(`${R_SURVEILLANCE_DIR}reference/${file}`) };
    });

/** R's `NA` → null, `Inf`/`-Inf` → ±Infinity, anything else → number. */
export const rNumber = (cell: string | undefined): number | null => {
  if (cell === undefined || cell === 'NA') return null;
  if (cell === 'Inf' || cell === '-Inf') return cell === 'Inf' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return Number(cell);
};

/** R's 0/1/NA alarm → boolean or null. */
export const rAlarm = (cell: string | undefined): boolean | null => (cell === 'NA' || cell === undefined ? null : cell === '1');

/**
 * Relative disagreement |a − b| / |b|, with no floor: a bound of 0.003 is held
 * to 1e-6 of 0.003, not to 1e-6 absolute. A reference of 0 (or ±Inf) must be
 * matched exactly: anything else is an infinite disagreement.
 */
export const relativeError = (actual: number, expected: number): number =>
  actual === expected ? 0 : expected === 0 || !Number.isFinite(expected) ? Infinity : Math.abs(actual - expected) / Math.abs(expected);
