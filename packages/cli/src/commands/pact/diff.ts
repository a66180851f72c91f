import type { Command } from 'commander';
import { describeDiff, diffPacts } from '@concord/core';
import type { CliIo } from '../../io.ts';
import { readPact } from './read-pact.ts';

/** `concord pact diff OLD NEW`: what changed, one plain-words line per change. */
export const registerDiff = (pact: Command, io: CliIo) => {
  pact
    .command('diff')
    .description('say in plain words what changed between two versions of a pact')
    .argument('<old>', 'the earlier version')
    .argument('<new>', 'the later version')
    .action(async (older: string, newer: string) => {
      const lines = describeDiff(diffPacts(await readPact(io, older), await readPact(io, newer)));
      io.stdout.write(lines.length === 0 ? 'No differences\n' : `${lines.join('\n')}\n`);
    });
};
