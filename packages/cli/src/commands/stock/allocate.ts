import type { Command } from 'commander';
import { AppError } from '@concord/core';
import { allocateStock } from '@concord/core/allocation/index';
import { readInputText } from '../../csv-input.ts';
import type { CliIo } from '../../io.ts';

/**
 * `concord stock allocate --input FILE`: reads an allocation request as
 * JSON and prints the optimal shipments as JSON
 * `{status, objective, shipments:[{from,to,product,quantity}]}`.
 */
export const registerAllocate = (stock: Command, io: CliIo) => {
  stock
    .command('allocate')
    .description('divide scarce stock among parties by weight and need, with fair floors, by linear programming (HiGHS)')
    .requiredOption('--input <FILE>', 'JSON {products, sources, parties, cost, floor} ("-" for standard input)')
    .action(async (options: { input: string }) => {
      const text = await readInputText(io, options.input);
      let request: unknown;
      try {
        request = JSON.parse(text);
      } catch (error) {
        throw new AppError('STOCK_ALLOCATION_INVALID', `input is not JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      const result = await allocateStock(request);
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    });
};
