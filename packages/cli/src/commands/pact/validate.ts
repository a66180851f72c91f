import type { Command } from 'commander';
import { formatDiagnostic, validatePact } from '@concord/core';
import { readInputText } from '../../csv-input.ts';
import { CliExit, type CliIo } from '../../io.ts';

/**
 * `concord pact validate FILE…`: prints every diagnostic as
 * `file:line:column CODE message` on stdout and exits 1 when any file has
 * one; prints one `ok` line per valid file and exits 0 otherwise.
 */
export const registerValidate = (pact: Command, io: CliIo) => {
  pact
    .command('validate')
    .description('check pact files (YAML or JSON) against the format, the catalogue and the CEL context')
    .argument('<files...>', 'pact files')
    .action(async (files: string[]) => {
      let failed = 0;
      for (const file of files) {
        const result = validatePact(await readInputText(io, file), file);
        if (result.pact) {
          const { id, version, clauses } = result.pact;
          io.stdout.write(`${file}: ok (pact ${id} version ${version}, ${clauses.length} clauses)\n`);
          continue;
        }
        failed += 1;
        for (const diagnostic of result.diagnostics) io.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
      }
      if (failed > 0) throw new CliExit(1, `${failed} of ${files.length} pact file(s) failed validation`);
    });
};
