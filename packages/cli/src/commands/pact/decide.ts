import type { Command } from 'commander';
import { decide } from '@concord/core';
import type { CliIo } from '../../io.ts';
import { buildContext, readPact, readRequest } from './read-pact.ts';

/**
 * `concord pact decide --pact FILE --request FILE [--at WHEN] [--context FILE]`:
 * prints the decision as JSON. A deny is a decision, not a failure, so the
 * exit code is 0 either way; invalid files exit 1.
 */
export const registerDecide = (pact: Command, io: CliIo, clock: () => Date) => {
  pact
    .command('decide')
    .description('decide one request under a pact and print the decision as JSON')
    .requiredOption('--pact <FILE>', 'pact file (YAML or JSON)')
    .requiredOption('--request <FILE>', 'request file (JSON; "-" for standard input)')
    .option('--at <WHEN>', 'decision time: a date (00:00 UTC) or an ISO 8601 instant; default: now')
    .option('--context <FILE>', 'JSON with alert levels, indicators, now and a renewed sunset')
    .action(async (options: { pact: string; request: string; at?: string; context?: string }) => {
      const document = await readPact(io, options.pact);
      const request = await readRequest(io, options.request);
      const context = await buildContext(io, options, clock);
      io.stdout.write(`${JSON.stringify(decide(document, request, context), null, 2)}\n`);
    });
};
