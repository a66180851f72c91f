import type { Readable, Writable } from 'node:stream';

/**
 * What a command may touch of the outside world. Tests pass their own
 * streams and environment and run commands in-process; the bin passes the
 * process's own.
 */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when stderr is a terminal: progress bars draw, otherwise plain lines. */
  interactive: boolean;
}

export const processIo = (): CliIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  interactive: Boolean(process.stderr.isTTY),
});

/** A command's failure that should exit with `exitCode` after printing `message`. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}
