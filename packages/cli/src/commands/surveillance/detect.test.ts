import { describe, expect, it } from 'vitest';
import {
  R_SURVEILLANCE_DIR,
  rAlarm,
  readCsvRecords,
  readReferenceSeries,
  relativeError,
  rNumber,
} from '../../../../../test/support/r-surveillance.ts';
import { runInMemory } from '../../memory-io.ts';

/** The CLI's input for a fixture series: t,count and, when the series has dates, date. */
const inputCsv = (name: string, withDates = true): string => {
  const series = readReferenceSeries(name);
  const header = series.dates && withDates ? 't,count,date' : 't,count';
  const lines = series.counts.map((count, i) => (series.dates && withDates ? `${i + 1},${count},${series.dates[i]}` : `${i + 1},${count}`));
  return [header, ...lines].join('\n') + '\n';
};

const parseOutput = (stdout: string) => {
  const [header, ...lines] = stdout.trim().split('\n');
  expect(header).toBe('series,t,observed,upperbound,alarm');
  return lines.map((line) => {
    const [series, t, observed, upperbound, alarm] = line.split(',');
    return { series: series!, t: Number(t), observed: Number(observed), upperbound: upperbound!, alarm: alarm! };
  });
};

describe('concord detect', () => {
  it.each([
    ['momo_85plus', 'farrington-noufaily', 'farrington_noufaily'],
    ['stsNewport', 'farrington', 'farrington_1996'],
    ['salmonella_agona', 'ears-c3', 'ears_C3'],
    ['fluBYBW_9162', 'cusum', 'cusum_standard'],
  ])('reproduces the R reference for %s with %s', async (name, method, algorithm) => {
    const result = await runInMemory(['detect', '--method', method, '--input', 'counts.csv'], { 'counts.csv': inputCsv(name) });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const rows = parseOutput(result.stdout);
    const reference = readCsvRecords(`${R_SURVEILLANCE_DIR}reference/${name}__${algorithm}.csv`);
    expect(rows.map((r) => r.t)).toEqual(reference.map((r) => Number(r.t)));
    rows.forEach((row, i) => {
      const ref = reference[i]!;
      expect(row.series).toBe('');
      expect(row.observed).toBe(Number(ref.observed));
      const expected = rNumber(ref.upperbound);
      if (expected === null) expect(row.upperbound).toBe('NA');
      else expect(relativeError(Number(row.upperbound), expected)).toBeLessThanOrEqual(1e-6);
      const alarm = rAlarm(ref.alarm);
      expect(row.alarm).toBe(alarm === null ? 'NA' : alarm ? '1' : '0');
    });
  });

  it('runs every series of a long file, rows in any order, over --from..--to', async () => {
    const single = async (name: string) =>
      parseOutput((await runInMemory(['detect', '--method', 'farrington-noufaily', '--input', 'in.csv', '--from', '288', '--to', '293'], { 'in.csv': inputCsv(name, false) })).stdout).map(
        ({ series, ...rest }) => rest,
      );
    const long = ['series,t,count'];
    for (const name of ['shadar', 'salmonella_agona']) {
      const lines = inputCsv(name, false).trim().split('\n').slice(1);
      long.push(...lines.reverse().map((line) => `${name},${line}`));
    }
    const result = await runInMemory(['detect', '--method', 'farrington-noufaily', '--input', 'long.csv', '--from', '288', '--to', '293'], {
      'long.csv': long.join('\n'),
    });
    expect(result.code).toBe(0);
    const rows = parseOutput(result.stdout);
    expect(rows.map((r) => `${r.series}:${r.t}`)).toEqual([
      ...[288, 289, 290, 291, 292, 293].map((t) => `shadar:${t}`),
      ...[288, 289, 290, 291, 292, 293].map((t) => `salmonella_agona:${t}`),
    ]);
    expect(rows.slice(0, 6).map(({ series, ...rest }) => rest)).toEqual(await single('shadar'));
    expect(rows.slice(6).map(({ series, ...rest }) => rest)).toEqual(await single('salmonella_agona'));
  });

  it('runs CUSUM over --from..--to as R range: the reference mean from the weeks before --from, the sum restarting there', async () => {
    const counts = readReferenceSeries('salmonella_agona').counts;
    const files = { 'in.csv': inputCsv('salmonella_agona', false) };
    const rows = parseOutput((await runInMemory(['detect', '--method', 'cusum', '--input', 'in.csv', '--from', '300', '--to', '310'], files)).stdout);
    expect(rows.map((r) => r.t)).toEqual([300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310]);
    // algo.cusum(range = 300:310, k = 1.04, h = 2.26, trans = "standard"): m over weeks 1..299, S = 0 before week 300.
    const m = counts.slice(0, 299).reduce((a, b) => a + b, 0) / 299;
    let sum = 0;
    rows.forEach((row, i) => {
      expect(row.upperbound).toBe(String(Math.max(0, Math.ceil(Math.sqrt(m) * (2.26 + 1.04 - sum) + m))));
      sum = Math.max(0, sum + ((counts[299 + i]! - m) / Math.sqrt(m) - 1.04));
      expect(row.alarm).toBe(sum >= 2.26 ? '1' : '0');
    });
    // Not the default run (mean over weeks 1..263) cut to those weeks.
    const whole = parseOutput((await runInMemory(['detect', '--method', 'cusum', '--input', 'in.csv'], files)).stdout).filter((r) => r.t >= 300 && r.t <= 310);
    expect(whole.map((r) => r.upperbound)).not.toEqual(rows.map((r) => r.upperbound));
  });

  it('starts an early --from at the first week the method can compute', async () => {
    const files = { 'in.csv': inputCsv('salmonella_agona', false) };
    const ears = parseOutput((await runInMemory(['detect', '--method', 'ears-c2', '--input', 'in.csv', '--from', '1', '--to', '12'], files)).stdout);
    expect(ears.map((r) => r.t)).toEqual([10, 11, 12]);
    const cusum = parseOutput((await runInMemory(['detect', '--method', 'cusum', '--input', 'in.csv', '--from', '1', '--to', '3'], files)).stdout);
    expect(cusum.map((r) => r.t)).toEqual([2, 3]);
  });

  it('prints numbers that read back to the very doubles computed', async () => {
    const result = await runInMemory(['detect', '--method', 'farrington', '--input', 'in.csv'], { 'in.csv': inputCsv('salmonella_agona') });
    const reference = readCsvRecords(`${R_SURVEILLANCE_DIR}reference/salmonella_agona__farrington_1996.csv`);
    const bounds = parseOutput(result.stdout).map((r) => r.upperbound);
    for (const text of bounds) if (text !== 'NA') expect(String(Number(text))).toBe(text);
    // The delta bound is not an integer: printing must keep every digit.
    expect(bounds.some((text) => text.length > 12)).toBe(true);
    expect(bounds).toHaveLength(reference.length);
  });

  it('prints only the header when the range holds no week of the series', async () => {
    const result = await runInMemory(['detect', '--method', 'farrington', '--input', 'in.csv'], { 'in.csv': 't,count\n1,2\n2,3\n' });
    expect(result).toEqual({ code: 0, stdout: 'series,t,observed,upperbound,alarm\n', stderr: '' });
  });

  it('reports progress on stderr, one line per 100 series, when there are many', async () => {
    const lines = ['series,t,count'];
    for (let s = 1; s <= 250; s++) for (let t = 1; t <= 12; t++) lines.push(`s${s},${t},${(s * t) % 7}`);
    const result = await runInMemory(['detect', '--method', 'ears-c1', '--input', 'many.csv'], { 'many.csv': lines.join('\n') });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('detect: 100/250 series\ndetect: 200/250 series\ndetect: 250/250 series\n');
    expect(parseOutput(result.stdout)).toHaveLength(250 * 5);
  });

  const refusals: [string, string, RegExp][] = [
    ['a count that is not a whole number', 't,count\n1,3\n2,x\n', /^error SURV_DETECTION_INPUT_INVALID: in\.csv:3: count must be a non-negative integer, got "x"/],
    ['a negative count', 't,count\n1,-3\n', /in\.csv:2: count must be a non-negative integer, got "-3"/],
    ['a week number that is not positive', 't,count\n0,3\n', /in\.csv:2: t must be a positive integer/],
    ['a week given twice', 't,count\n1,3\n2,4\n1,5\n', /in\.csv:4: t=1 appears twice \(also line 2\)/],
    ['a missing week', 'series,t,count\na,1,3\na,3,4\n', /in\.csv:3: series "a": t must run 1, 2, 3, … without gaps; t=2 is missing/],
    ['a date that does not exist', 't,count,date\n1,3,2024-02-30\n', /in\.csv:2: date must be a calendar date YYYY-MM-DD or NA, got "2024-02-30"/],
    ['dates on some weeks only', 't,count,date\n1,3,2024-01-01\n2,4,NA\n', /in\.csv:3: date is NA here but given on other weeks/],
    ['weeks that are not 7 days apart', 't,count,date\n1,3,2024-01-01\n2,4,2024-01-09\n', /in\.csv:3: date 2024-01-09 of t=2 is 8 days after t=1/],
    ['a header without count', 't,cases\n1,3\n', /in\.csv:1: expected a header naming t and count/],
  ];
  it.each(refusals)('refuses %s with exit 1, a line-numbered message and nothing on stdout', async (_what, input, message) => {
    const result = await runInMemory(['detect', '--method', 'ears-c1', '--input', 'in.csv'], { 'in.csv': input });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(message);
  });

  it('refuses an unknown method or a week number that is not whole as usage errors', async () => {
    const files = { 'in.csv': 't,count\n1,3\n' };
    expect((await runInMemory(['detect', '--method', 'c4', '--input', 'in.csv'], files)).code).toBe(2);
    expect((await runInMemory(['detect', '--method', 'cusum', '--input', 'in.csv', '--from', '2.5'], files)).code).toBe(2);
  });
});
