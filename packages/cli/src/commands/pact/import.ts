import type { Command } from 'commander';
import { migrate, systemClock } from '@concord/server';
import { createAuditLog } from '@concord/server/modules/audit/audit.service';
import { bundleInvalid } from '@concord/server/modules/federation/federation.errors';
import { importPactBundle } from '@concord/server/seed/pact-bundle.seed';
import { readInputText } from '../../csv-input.ts';
import type { CliIo } from '../../io.ts';
import { withNodeDatabase } from '../../node-database.ts';

/**
 * `concord pact import BUNDLE`: gives this node a pact signed elsewhere
 * (docs/federation.md, "Pact bundles"). Every signature is verified before
 * anything is stored; a version the node already holds must be the same
 * document. Prints what was added; exits 1 with FEDERATION_BUNDLE_INVALID or
 * FEDERATION_BUNDLE_CONFLICT otherwise, having stored nothing.
 */
export const registerImport = (pact: Command, io: CliIo) => {
  pact
    .command('import')
    .description("verify a signed pact bundle and store it in this node's database (the node's database from the environment)")
    .argument('<bundle>', 'the bundle, JSON (- for standard input)')
    .action(async (file: string) => {
      const text = await readInputText(io, file);
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (error) {
        throw bundleInvalid([`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`]);
      }
      await withNodeDatabase(io, async (db) => {
        await migrate(db);
        const result = await db.transaction((tx) => importPactBundle(tx, input, { now: systemClock.now(), audit: createAuditLog(systemClock), actor: 'system:cli' }));
        const added = result.added.length > 0 ? `version(s) ${result.added.join(', ')} added` : 'no new version';
        io.stdout.write(`pact ${result.pactId}: ${added}, ${result.signaturesAdded} signature(s) recorded\n`);
      });
    });
};
