import { PassThrough, Readable } from 'node:stream';
import { runCli } from '@concord/cli';

/** Runs the concord CLI in-process and collects what it printed. */
export const runConcord = async (argv: string[], options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}) => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk.toString()));
  stderr.on('data', (chunk) => (err += chunk.toString()));
  const code = await runCli(argv, {
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr,
    env: { LOG_LEVEL: 'silent', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    interactive: false,
  });
  return { code, stdout: out, stderr: err };
};
