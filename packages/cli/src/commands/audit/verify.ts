import type { Command } from 'commander';
import { systemClock } from '@concord/server';
import { createAuditLog } from '@concord/server/modules/audit/audit.service';
import { CliExit, type CliIo } from '../../io.ts';
import { withNodeDatabase } from '../../node-database.ts';
import { progressLine } from '../../progress.ts';

export const registerAudit = (program: Command, io: CliIo) => {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('recompute the hash chain and report the first broken link (exit 1 if any)')
    .action(() =>
      withNodeDatabase(io, async (db) => {
        const progress = progressLine(io, 'verifying audit log');
        const report = await createAuditLog(systemClock).verify(db, (checked, total) => progress.update(checked, total));
        progress.stop();
        if (!report.ok && report.firstBroken) {
          throw new CliExit(1, `audit log BROKEN at seq ${report.firstBroken.seq}: ${report.firstBroken.reason} (${report.checked} rows intact before it)`);
        }
        io.stdout.write(`audit log intact: ${report.checked} rows, every link verified\n`);
      }),
    );
};
