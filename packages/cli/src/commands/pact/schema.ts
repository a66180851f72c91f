import type { Command } from 'commander';
import { pactJsonSchema } from '@concord/core';
import type { CliIo } from '../../io.ts';

/**
 * `concord pact schema`: the pact JSON Schema. The committed copy is made
 * with `concord pact schema > docs/pact.schema.json`; a test fails when it is stale.
 */
export const registerSchema = (pact: Command, io: CliIo) => {
  pact
    .command('schema')
    .description('print the JSON Schema of the pact format')
    .action(() => {
      io.stdout.write(`${JSON.stringify(pactJsonSchema(), null, 2)}\n`);
    });
};
