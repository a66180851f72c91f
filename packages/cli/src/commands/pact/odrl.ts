import type { Command } from 'commander';
import { toOdrl } from '@concord/core';
import type { CliIo } from '../../io.ts';
import { readPact } from './read-pact.ts';

/** `concord pact odrl FILE`: the data-sharing clauses as a W3C ODRL 2.2 policy (JSON-LD). */
export const registerOdrl = (pact: Command, io: CliIo) => {
  pact
    .command('odrl')
    .description('export the data-sharing clauses as a W3C ODRL 2.2 Agreement in JSON-LD')
    .argument('<file>', 'pact file')
    .action(async (file: string) => {
      io.stdout.write(`${JSON.stringify(toOdrl(await readPact(io, file)), null, 2)}\n`);
    });
};
