import type { Command } from 'commander';
import type { CliIo } from '../../io.ts';
import { registerExcursions } from './excursions.ts';

export const registerColdChainCommands = (program: Command, io: CliIo) => {
  const coldchain = program.command('coldchain').description('cold-chain temperature records');
  registerExcursions(coldchain, io);
};
