/**
 * Reads the input of `concord detect`: CSV with a header naming `t` and
 * `count`, optionally `date` (the Monday of the week, or NA) and `series`
 * (many series in one long file, rows in any order). Every refusal names
 * the file and line: `input.csv:17: count must be a non-negative integer, got "x"`.
 */
import { AppError } from '@concord/core';
import type { DetectionSeries } from '@concord/core/detection/index';
import { tryDayNumber } from '@concord/core/surveillance/calendar-date';
import { parse } from 'csv-parse/sync';

export const INPUT_CODE = 'SURV_DETECTION_INPUT_INVALID';

export interface InputSeries extends DetectionSeries {
  /** The `series` column's value; empty when the file has no such column. */
  name: string;
}

interface InputRow {
  line: number;
  t: number;
  count: number;
  date: string | null;
}

const WHOLE = /^\d+$/;

export const readDetectionInput = (text: string, file: string): InputSeries[] => {
  const refuse = (line: number | string, reason: string) =>
    new AppError(INPUT_CODE, `${file}:${line}: ${reason}`, { params: { file, line } });
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? '?';
    throw refuse(line, error instanceof Error ? error.message.replace(/ (on|at) line \d+$/, '') : String(error));
  }
  const header = (records[0]?.record ?? []).map((name) => name.trim());
  const column = (name: string) => header.indexOf(name);
  if (column('t') < 0 || column('count') < 0) {
    throw refuse(1, `expected a header naming t and count (optionally date, series), got ${header.join(',') || 'an empty file'}`);
  }
  const groups = new Map<string, InputRow[]>();
  for (const { info, record } of records.slice(1)) {
    // csv-parse counts the line a record ends on; a quoted field may span lines.
    const line = info.lines - record.join('').split('\n').length + 1;
    const cell = (name: string) => (column(name) < 0 ? undefined : (record[column(name)] ?? '').trim());
    const t = cell('t')!;
    const count = cell('count')!;
    const date = cell('date');
    if (!WHOLE.test(t) || Number(t) < 1) throw refuse(line, `t must be a positive integer, got "${t}"`);
    if (!WHOLE.test(count)) throw refuse(line, `count must be a non-negative integer, got "${count}"`);
    if (date !== undefined && date !== 'NA' && tryDayNumber(date) === undefined) {
      throw refuse(line, `date must be a calendar date YYYY-MM-DD or NA, got "${date}"`);
    }
    const name = cell('series') ?? '';
    const rows = groups.get(name) ?? [];
    rows.push({ line, t: Number(t), count: Number(count), date: date === undefined || date === 'NA' ? null : date });
    groups.set(name, rows);
  }
  return [...groups].map(([name, rows]) => toSeries(name, rows, refuse));
};

/** Sorts a series by t and checks that it is a run of consecutive weeks 1..n. */
const toSeries = (name: string, rows: InputRow[], refuse: (line: number, reason: string) => AppError): InputSeries => {
  const label = name === '' ? '' : `series "${name}": `;
  rows.sort((a, b) => a.t - b.t || a.line - b.line);
  rows.forEach((row, i) => {
    if (row.t === i + 1) return;
    const previous = rows[i - 1];
    throw refuse(
      row.line,
      previous?.t === row.t ? `${label}t=${row.t} appears twice (also line ${previous.line})` : `${label}t must run 1, 2, 3, … without gaps; t=${i + 1} is missing`,
    );
  });
  const dated = rows.filter((row) => row.date !== null);
  if (dated.length > 0 && dated.length < rows.length) {
    const row = rows.find((r) => r.date === null)!;
    throw refuse(row.line, `${label}date is NA here but given on other weeks of the series`);
  }
  rows.forEach((row, i) => {
    if (i === 0 || row.date === null) return;
    const gap = tryDayNumber(row.date)! - tryDayNumber(rows[i - 1]!.date!)!;
    if (gap !== 7) throw refuse(row.line, `${label}date ${row.date} of t=${row.t} is ${gap} days after t=${row.t - 1}; weeks must be 7 days apart`);
  });
  const counts = rows.map((row) => row.count);
  return dated.length > 0 ? { name, counts, dates: rows.map((row) => row.date!) } : { name, counts };
};
