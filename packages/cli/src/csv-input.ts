import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError, isAppError } from '@concord/core';
import { parse } from 'csv-parse/sync';
import type { CliIo } from './io.ts';

/** One CSV record with the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  fields: Record<string, string>;
}

const readStdin = async (io: CliIo): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
};

/** Reads `--input FILE` relative to the working directory; `-` reads standard input. */
export const readInputText = async (io: CliIo, file: string): Promise<string> => {
  if (file === '-') return readStdin(io);
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new AppError('CLI_INPUT_UNREADABLE', `cannot read ${file} (${reason})`, { params: { file } });
  }
};

/**
 * Parses CSV whose first line is a header naming at least `columns` (any
 * order; other columns are ignored). Every problem is reported with its
 * line number under the command's error `code`.
 */
export const readCsvRows = (text: string, columns: readonly string[], code: string): CsvRow[] => {
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError(code, `line ${line ?? '?'}: ${error instanceof Error ? error.message.replace(/ (on|at) line \d+$/, '') : String(error)}`);
  }
  const header = records[0]?.record.map((name) => name.trim());
  const missing = columns.filter((name) => !header?.includes(name));
  if (header === undefined || missing.length > 0) {
    throw new AppError(code, `line 1: expected a header naming ${columns.join(',')}${header ? `, got ${header.join(',')}` : ', got an empty file'}`);
  }
  return records.slice(1).map(({ info, record }) => ({
    // csv-parse counts the line a record ends on; a quoted field may span lines.
    line: info.lines - record.join('').split('\n').length + 1,
    fields: Object.fromEntries(columns.map((name) => [name, record[header.indexOf(name)] ?? ''])),
  }));
};

/** A refusal at a given line, under the command's error code. */
export const lineError = (code: string, row: CsvRow, reason: string) => new AppError(code, `line ${row.line}: ${reason}`, { params: { line: row.line } });

/**
 * Core functions name the offending record by its index; say the CSV line
 * instead, which is what the person holding the file can find.
 */
export const relocate = (error: unknown, rows: readonly CsvRow[]): unknown => {
  if (!isAppError(error) || typeof error.params.index !== 'number') return error;
  const row = rows[error.params.index];
  if (row === undefined) return error;
  const reason = typeof error.params.reason === 'string' ? error.params.reason : error.message;
  return new AppError(error.code, `line ${row.line}: ${reason}`, { status: error.status, params: { ...error.params, line: row.line } });
};
