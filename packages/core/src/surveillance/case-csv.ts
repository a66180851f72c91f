/**
 * Case reports as CSV rows, for the streamed line-list upload. The caller
 * parses the file (csv-parse with `columns: true`) and hands each record and
 * its line number here; this module only turns text cells into a typed
 * report or a list of row errors. The header names are the case report's
 * field names (docs/surveillance-ingest.md lists them).
 */
import { parseCaseReport, type CaseReport, type FieldError } from './records.ts';

export const CASE_CSV_COLUMNS = [
  'clientId',
  'party',
  'area',
  'facility',
  'disease',
  'onsetDate',
  'reportDate',
  'age',
  'ageBand',
  'sex',
  'classification',
  'outcome',
  'labResult',
  'patientName',
  'phone',
  'nationalId',
  'village',
] as const;

export const CASE_CSV_REQUIRED_COLUMNS = ['clientId', 'party', 'area', 'disease', 'reportDate', 'sex', 'classification'] as const;

export interface RowError extends FieldError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
}

export type ParsedRow = { ok: true; value: CaseReport } | { ok: false; errors: RowError[] };

const KNOWN = new Set<string>(CASE_CSV_COLUMNS);

/** Checks a header row before any data row is read: missing required, unknown and repeated columns. */
export const checkCaseCsvHeader = (columns: readonly string[], line = 1): RowError[] => {
  const names = columns.map((c) => c.trim());
  const errors: RowError[] = [];
  for (const required of CASE_CSV_REQUIRED_COLUMNS) {
    if (!names.includes(required)) errors.push({ line, field: required, code: 'SURV_CSV_COLUMN_MISSING', message: `the header has no ${required} column` });
  }
  names.forEach((name, index) => {
    if (!KNOWN.has(name)) errors.push({ line, field: name, code: 'SURV_CSV_COLUMN_UNKNOWN', message: `${name} is not a case report column` });
    else if (names.indexOf(name) !== index) errors.push({ line, field: name, code: 'SURV_CSV_COLUMN_DUPLICATE', message: `${name} appears more than once` });
  });
  return errors;
};

// Plain decimal years only: "1e2", "0x10", " 4 " and "" are not ages a form would hold.
const DECIMAL = /^\d{1,3}(\.\d+)?$/;

/**
 * One data row → a case report, or its errors tagged with `lineNumber`.
 * Cells are trimmed; an empty cell means the field was not given. `today`
 * is the receiving node's date (report dates may not lie after it).
 */
export const parseCaseCsvRow = (record: Readonly<Record<string, string | undefined>>, lineNumber: number, options: { today: string }): ParsedRow => {
  const input: Record<string, unknown> = {};
  const errors: RowError[] = [];
  for (const [column, raw] of Object.entries(record)) {
    const cell = raw?.trim() ?? '';
    if (cell === '') continue;
    if (column === 'age') {
      if (DECIMAL.test(cell)) input.age = Number(cell);
      else errors.push({ line: lineNumber, field: 'age', code: 'SURV_AGE_INVALID', message: `age ${JSON.stringify(cell)} is not a number of years` });
      continue;
    }
    input[column] = cell;
  }
  const parsed = parseCaseReport(input, options);
  if (parsed.ok && errors.length === 0) return parsed;
  return { ok: false, errors: [...errors, ...(parsed.ok ? [] : parsed.errors.map((e) => ({ line: lineNumber, ...e })))] };
};
