import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { CliIo } from './io.ts';
import { runCli } from './main.ts';

/** Collects what a stream receives, so a test can read a command's output. */
const sink = () => {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
};

/**
 * Runs the CLI in-process with `files` written to a fresh working directory
 * and `stdin` as standard input; returns the exit code and both outputs.
 */
export const runInMemory = async (argv: string[], files: Record<string, string> = {}, stdin = '') => {
  const cwd = mkdtempSync(join(tmpdir(), 'concord-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), content);
  const stdout = sink();
  const stderr = sink();
  const io: CliIo = { stdin: Readable.from([stdin]), stdout: stdout.stream, stderr: stderr.stream, env: {}, cwd, interactive: false };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
};
