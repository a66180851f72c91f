import type { Command } from 'commander';
import { keyStoreFor, migrate, runSeed, DEMO_SEED_STEPS, systemClock } from '@concord/server';
import { createAuditLog } from '@concord/server/modules/audit/audit.service';
import type { CliIo } from '../../io.ts';
import { commandLogger, withNodeDatabase } from '../../node-database.ts';

export const registerSeed = (program: Command, io: CliIo) => {
  program
    .command('seed')
    .description('seed the synthetic demo region (each step runs once; safe to repeat)')
    .action(() =>
      withNodeDatabase(io, async (db, config) => {
        await migrate(db);
        const report = await runSeed(db, createAuditLog(systemClock), DEMO_SEED_STEPS, {
          clock: systemClock,
          log: commandLogger(io),
          demoPassword: config.demo.password,
          keys: keyStoreFor(config),
        });
        for (const step of report.ran) io.stdout.write(`seeded ${step.name}: ${JSON.stringify(step.summary)}\n`);
        if (report.skipped.length > 0) io.stdout.write(`already seeded: ${report.skipped.join(', ')}\n`);
      }),
    );
};
