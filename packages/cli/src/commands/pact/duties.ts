import type { Command } from 'commander';
import { obligationsOf } from '@concord/core';
import type { CliIo } from '../../io.ts';
import { buildContext, readPact } from './read-pact.ts';

/** `concord pact duties --pact FILE --party CODE`: what a party owes under the pact now, one line each (or JSON). */
export const registerDuties = (pact: Command, io: CliIo, clock: () => Date) => {
  pact
    .command('duties')
    .description("list a party's standing duties: reserves, reports, milestones, renewal notice, escalation roles")
    .requiredOption('--pact <FILE>', 'pact file (YAML or JSON)')
    .requiredOption('--party <CODE>', 'party code, or the hub code')
    .option('--at <WHEN>', 'a date (00:00 UTC) or an ISO 8601 instant; default: now')
    .option('--context <FILE>', 'JSON with alert levels and indicators')
    .option('--json', 'print the duties as JSON')
    .action(async (options: { pact: string; party: string; at?: string; context?: string; json?: boolean }) => {
      const document = await readPact(io, options.pact);
      const duties = obligationsOf(document, options.party, await buildContext(io, options, clock));
      if (options.json) io.stdout.write(`${JSON.stringify(duties, null, 2)}\n`);
      else io.stdout.write(duties.map((duty) => `${duty.type}: ${duty.text}\n`).join(''));
    });
};
