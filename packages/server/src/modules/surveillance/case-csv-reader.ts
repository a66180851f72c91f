import type { Readable } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import { checkCaseCsvHeader, parseCaseCsvRow } from '@concord/core';
import type { IncomingCase } from './case-ingest.service.ts';
import { MAX_LISTED_ERRORS, type RecordError } from './surveillance.errors.ts';
import * as errors from './surveillance.errors.ts';

export interface CsvReadResult {
  cases: IncomingCase[];
  errors: RecordError[];
  errorCount: number;
  rows: number;
}

/**
 * Reads a line-list CSV as it arrives: the header is checked first, then
 * each row is parsed and checked with its line number (the header is line
 * 1; a quoted cell spanning lines counts where its record ends). Reading
 * goes on after a bad row so that one upload reports every problem. A
 * rejected file stores nothing, but the rows that parsed are kept so the caller can check them
 * too (scope, areas) and list those problems in the same answer. Bytes
 * beyond `maxBytes` stop the read.
 */
export const readCaseCsv = async (body: Readable, options: { today: string; maxBytes: number }): Promise<CsvReadResult> => {
  const result: CsvReadResult = { cases: [], errors: [], errorCount: 0, rows: 0 };
  const problem = (error: RecordError) => {
    result.errorCount += 1;
    if (result.errors.length < MAX_LISTED_ERRORS) result.errors.push(error);
  };
  let headerOk = true;
  const parser = parse({
    columns: (header: string[]) => {
      const headerErrors = checkCaseCsvHeader(header);
      headerErrors.forEach(problem);
      headerOk = headerErrors.length === 0;
      return header.map((name) => name.trim());
    },
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  parser.on('skip', (error: Error & { lines?: number }) => {
    problem({ line: error.lines ?? 0, field: 'row', code: 'SURV_CSV_ROW_INVALID', message: error.message });
  });
  let bytes = 0;
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > options.maxBytes) body.destroy(errors.fileTooLarge(options.maxBytes));
  });
  body.on('error', (error) => parser.destroy(error));
  body.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: Info }>) {
      if (!headerOk) continue;
      result.rows += 1;
      const parsed = parseCaseCsvRow(record, info.lines, { today: options.today });
      if (!parsed.ok) parsed.errors.forEach(problem);
      else result.cases.push({ position: { line: info.lines }, report: parsed.value });
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('CSV_')) {
      throw errors.csvUnreadable(error.message, (error as { lines?: number }).lines ?? null);
    }
    throw error;
  }
  return result;
};
