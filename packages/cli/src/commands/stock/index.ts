import type { Command } from 'commander';
import type { CliIo } from '../../io.ts';
import { registerAllocate } from './allocate.ts';

export const registerStockCommands = (program: Command, io: CliIo) => {
  const stock = program.command('stock').description('stockpiles: allocation of scarce stock');
  registerAllocate(stock, io);
};
