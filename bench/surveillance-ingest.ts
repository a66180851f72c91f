/**
 * Throughput of the surveillance ingest transforms, each beside a yardstick
 * measured in the same run:
 * - CSV line list: csv-parse alone (yardstick) vs csv-parse + checking every
 *   row with parseCaseCsvRow;
 * - DHIS2: JSON.parse of the payload (yardstick) vs JSON.parse +
 *   importDataValueSet.
 * The ratios say what validation adds on top of merely reading the bytes.
 * Flags: --rows=N (default 50000).
 */
import { parse } from 'csv-parse/sync';
import { parseCaseCsvRow } from '../packages/core/src/surveillance/case-csv.ts';
import { importDataValueSet, parseDhis2Mapping } from '../packages/core/src/surveillance/dhis2.ts';
import type { Benchmark } from './registry.ts';

const rowsFlag = (flags: string[]) => Number(flags.find((f) => f.startsWith('--rows='))?.slice(7) ?? 50_000);

const time = (run: () => unknown): number => {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

/** Best of three, so one garbage collection does not decide the figure. */
const best = (run: () => unknown): number => Math.min(time(run), time(run), time(run));

const caseCsv = (rows: number): string => {
  const lines = ['clientId,party,area,facility,disease,onsetDate,reportDate,age,sex,classification,outcome,labResult,patientName,phone'];
  const diseases = ['cholera', 'measles', 'dengue', 'malaria'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 27) + 1).padStart(2, '0');
    lines.push(`c-${i},UG,UG-${100 + (i % 40)},HC-${i % 300},${diseases[i % 4]},2024-02-${day},2024-02-28,${(i % 90) + 0.5},${i % 2 ? 'male' : 'female'},suspected,alive,pending,Name ${i},+2567000${i}`);
  }
  return lines.join('\n');
};

const dhis2Payload = (rows: number): string => {
  const dataValues = Array.from({ length: rows }, (_, i) => ({
    dataElement: Math.floor(i / 52) % 2 ? 'CholSusp001' : 'MeasCase001',
    period: `2023W${(i % 52) + 1}`,
    orgUnit: `Ou${String(Math.floor(i / 104)).padStart(9, '0')}`,
    categoryOptionCombo: 'DefaultCoc1',
    value: String(i % 50),
  }));
  return JSON.stringify({ dataValues });
};

const report = (label: string, rows: number, yardstick: number, measured: number) => {
  const rate = (seconds: number) => Math.round(rows / seconds).toLocaleString('en');
  console.log(`${label}: ${rate(measured)} rows/s (yardstick ${rate(yardstick)} rows/s); ratio ${(measured / yardstick).toFixed(2)}× the yardstick's time`);
};

export const surveillanceIngest: Benchmark = async (flags) => {
  const rows = rowsFlag(flags);
  const text = caseCsv(rows);
  const today = '2024-03-01';
  const csvOnly = best(() => parse(text, { columns: true }));
  const csvChecked = best(() => {
    const records = parse(text, { columns: true }) as Record<string, string>[];
    records.forEach((record, i) => {
      if (!parseCaseCsvRow(record, i + 2, { today }).ok) throw new Error(`fixture row ${i + 2} must be valid`);
    });
  });
  report(`case CSV (${rows} rows)`, rows, csvOnly, csvChecked);

  const orgUnits = Object.fromEntries(Array.from({ length: Math.ceil(rows / 104) }, (_, i) => [`Ou${String(i).padStart(9, '0')}`, { party: 'UG', area: `UG-${i}` }]));
  const mapping = parseDhis2Mapping({
    dataElements: { CholSusp001: { disease: 'cholera', classification: 'suspected' }, MeasCase001: { disease: 'measles' } },
    categoryOptionCombos: { DefaultCoc1: {} },
    orgUnits,
  });
  const json = dhis2Payload(rows);
  const jsonOnly = best(() => JSON.parse(json));
  const imported = best(() => {
    const { summary } = importDataValueSet(JSON.parse(json), mapping);
    if (summary.status !== 'SUCCESS') throw new Error(`fixture payload must import cleanly: ${summary.description}`);
  });
  report(`DHIS2 dataValueSets (${rows} values)`, rows, jsonOnly, imported);
};
