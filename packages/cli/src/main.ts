import { Command, CommanderError } from 'commander';
import { isAppError } from '@concord/core';
import { COMMANDS } from './commands/index.ts';
import { CliExit, type CliIo } from './io.ts';

export { processIo } from './io.ts';
export type { CliIo } from './io.ts';

export const buildProgram = (io: CliIo): Command => {
  const program = new Command('concord')
    .description('Concord: a cross-border health cooperation agreement, executable.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError();
  for (const register of COMMANDS) register(program, io);
  // Subcommands inherit the output and exit behaviour so that tests can run
  // any command in-process.
  const inherit = (command: Command) => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput(program.configureOutput());
      inherit(sub);
    }
  };
  inherit(program);
  return program;
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export const runCli = async (argv: string[], io: CliIo): Promise<number> => {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliExit) {
      if (error.message) io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (isAppError(error)) {
      io.stderr.write(`error ${error.code}: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`error INTERNAL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
};
