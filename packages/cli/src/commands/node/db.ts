import type { Command } from 'commander';
import { migrate } from '@concord/server';
import type { CliIo } from '../../io.ts';
import { describeDatabase, withNodeDatabase } from '../../node-database.ts';

export const registerDb = (program: Command, io: CliIo) => {
  const db = program.command('db').description('database administration');
  db.command('migrate')
    .description('apply pending migrations (the server also does this at start)')
    .action(() =>
      withNodeDatabase(io, async (database, config) => {
        const report = await migrate(database);
        for (const m of report.applied) io.stdout.write(`applied ${String(m.version).padStart(4, '0')}_${m.name}\n`);
        io.stdout.write(`${describeDatabase(config)}: ${report.applied.length} applied, ${report.alreadyApplied} already applied\n`);
      }),
    );
};
