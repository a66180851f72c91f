import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError, isAppError } from '@concord/core';
import type { SourcedReading } from './cold-chain.service.ts';
import * as errors from './stock.errors.ts';

const REQUIRED = ['device', 'time', 'celsius'] as const;
const CELSIUS = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** Rows per database batch: large enough for multi-row inserts, small enough to keep memory flat. */
export const BATCH_ROWS = 5_000;

const invalid = (line: number, reason: string) =>
  new AppError('COLDCHAIN_READING_INVALID', `line ${line}: ${reason}`, { status: 400, params: { line, reason } });

/**
 * Reads a recorder export as it streams in: CSV with a header naming
 * device, time and celsius (any order, other columns ignored), yielding
 * batches of readings that carry their line numbers. Stops with
 * STOCK_UPLOAD_TOO_LARGE past `limitBytes`.
 */
export async function* readingBatches(body: Readable, limitBytes: number): AsyncGenerator<SourcedReading[]> {
  let bytes = 0;
  const counted = body.on('data', (chunk: Buffer | string) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > limitBytes) body.destroy(errors.uploadTooLarge(limitBytes));
  });
  const parser = counted.pipe(
    parse({
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim().toLowerCase());
        const missing = REQUIRED.filter((name) => !names.includes(name));
        if (missing.length > 0) throw errors.csvInvalid(1, `the header must name ${REQUIRED.join(', ')}; missing ${missing.join(', ')}`);
        return names;
      },
      skip_empty_lines: true,
      info: true,
      relax_column_count: false,
    }),
  );
  body.on('error', (error) => parser.destroy(error));
  let batch: SourcedReading[] = [];
  let readings = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const celsius = (record.celsius ?? '').trim();
      if (!CELSIUS.test(celsius)) throw invalid(info.lines, `celsius must be a number, got "${celsius}"`);
      batch.push({ device: (record.device ?? '').trim(), time: (record.time ?? '').trim(), celsius: Number(celsius), line: info.lines });
      readings += 1;
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    const cause = error as { code?: string; lines?: number; message?: string };
    if (isAppError((error as { cause?: unknown }).cause)) throw (error as { cause: AppError }).cause;
    throw errors.csvInvalid(cause.lines ?? 0, cause.message ?? 'the file is not CSV');
  }
  // An empty file (or a header alone) is a mistaken upload, not a record of no readings: refuse it, as the JSON route does.
  if (readings === 0) throw errors.csvInvalid(1, `the file has no readings; it needs a header naming ${REQUIRED.join(', ')} and at least one line`);
  if (batch.length > 0) yield batch;
}
