import type { Command } from 'commander';
import type { CliIo } from '../../io.ts';
import { registerImportCases } from './cases.ts';

/** `concord import …`: send data files to a running node over its API. */
export const registerImportCommands = (program: Command, io: CliIo) => {
  const group = program.command('import').description("send data files to a node's API (--url/--token or CONCORD_URL/CONCORD_TOKEN)");
  registerImportCases(group, io);
};
