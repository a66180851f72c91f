import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { type Command, Option } from 'commander';
import { AppError } from '@concord/core';
import { CliExit, type CliIo } from '../../io.ts';
import { callNode, isErrorBody, nodeApiFrom, type NodeApi } from '../../node-api.ts';
import { progressLine } from '../../progress.ts';

interface ImportOptions {
  url?: string;
  token?: string;
  format?: 'csv' | 'json';
}

interface Summary {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  signalsRaised: number;
}

interface RecordError {
  index?: number;
  line?: number;
  field: string;
  code: string;
  message: string;
}

const sizeOf = async (path: string, file: string) => {
  try {
    return (await stat(path)).size;
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new AppError('CLI_INPUT_UNREADABLE', `cannot read ${file} (${reason})`, { params: { file } });
  }
};

/** The file as a request body that moves the progress bar as the bytes leave. */
const streamedBody = (path: string, total: number, onBytes: (sent: number) => void): ReadableStream<Uint8Array> => {
  let sent = 0;
  const source = createReadStream(path);
  source.on('data', (chunk) => {
    sent += chunk.length;
    onBytes(Math.min(sent, total));
  });
  return Readable.toWeb(source) as ReadableStream<Uint8Array>;
};

const upload = async (api: NodeApi, path: string, format: 'csv' | 'json', io: CliIo, label: string) => {
  const total = await sizeOf(path, label);
  const progress = progressLine(io, `uploading ${label}`);
  progress.update(0, total);
  try {
    if (format === 'csv') {
      return await callNode<Summary>(api, '/api/v1/surveillance/cases/csv', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: streamedBody(path, total, (sent) => progress.update(sent, total)),
        duplex: 'half',
      });
    }
    const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
    const reports = Array.isArray(parsed) ? parsed : (parsed as { reports?: unknown }).reports;
    if (!Array.isArray(reports)) throw new AppError('CLI_INPUT_INVALID', `${label} must hold a JSON array of case reports or {"reports": [...]}`);
    progress.update(total, total);
    return await callNode<Summary>(api, '/api/v1/surveillance/cases/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reports }) });
  } catch (error) {
    if (error instanceof SyntaxError) throw new AppError('CLI_INPUT_INVALID', `${label} is not valid JSON: ${error.message}`);
    throw error;
  } finally {
    progress.stop();
  }
};

const where = (label: string, error: RecordError) =>
  error.line !== undefined ? `${label}:${error.line}` : error.index !== undefined ? `${label}[${error.index}]` : label;

/**
 * `concord import cases FILE`: sends a line list to a node. A CSV file is
 * streamed to the node, which checks every line as it arrives; a JSON file
 * (an array of case reports) goes as one batch. Either is stored whole or
 * not at all: on rejection every bad line is printed on stderr as
 * `FILE:LINE: field: CODE message` and the command exits 1.
 */
export const registerImportCases = (group: Command, io: CliIo) => {
  group
    .command('cases <file>')
    .description('send a line list (CSV, or JSON with --format json) to a node; all or nothing, idempotent by clientId')
    .option('--url <url>', "the node's address (or CONCORD_URL)")
    .option('--token <token>', 'an API token of a reporter of the party (or CONCORD_TOKEN)')
    .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'json']))
    .action(async (file: string, options: ImportOptions) => {
      const api = nodeApiFrom(io, options);
      const path = resolve(io.cwd, file);
      const format = options.format ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
      const label = basename(file);
      const answer = await upload(api, path, format, io, label);
      if (answer.status === 200 && answer.body && !isErrorBody(answer.body)) {
        const s = answer.body;
        io.stdout.write(`imported ${label}: ${s.received} received, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged; ${s.signalsRaised} signal(s) raised\n`);
        return;
      }
      if (!isErrorBody(answer.body)) throw new CliExit(1, `error HTTP_${answer.status}: the node answered ${answer.status} without an error body`);
      const body = answer.body;
      if (body.code === 'SURV_BATCH_REJECTED') {
        const errors = (body.params.errors ?? []) as RecordError[];
        for (const e of errors) io.stderr.write(`${where(label, e)}: ${e.field}: ${e.code} ${e.message}\n`);
        const count = Number(body.params.errorCount ?? errors.length);
        const more = count > errors.length ? ` (the first ${errors.length} are listed)` : '';
        throw new CliExit(1, `rejected ${label}: ${count} problem(s)${more}; nothing was stored`);
      }
      throw new CliExit(1, `error ${body.code}: ${body.message}`);
    });
};
