import type { Command } from 'commander';
import { isRole, ROLES, type Role } from '@concord/core';
import { systemActor, systemClock } from '@concord/server';
import { createAuditLog } from '@concord/server/modules/audit/audit.service';
import { createAccounts } from '@concord/server/modules/accounts/accounts.service';
import { CliExit, type CliIo } from '../../io.ts';
import { withNodeDatabase } from '../../node-database.ts';

const readStdin = async (io: CliIo): Promise<string> => {
  let text = '';
  for await (const chunk of io.stdin) text += chunk.toString();
  return text.replace(/\r?\n$/, '');
};

export const registerUsers = (program: Command, io: CliIo) => {
  const users = program.command('users').description('accounts');
  users
    .command('create')
    .description('create a user (the password comes from stdin or CONCORD_USER_PASSWORD, never the command line)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--jurisdiction <code>', 'jurisdiction code, e.g. KE or EAC')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
    .option('--locale <locale>', 'en or fr', 'en')
    .option('--password-stdin', 'read the password from stdin')
    .action(async (options: { email: string; name: string; jurisdiction: string; role: string[]; locale: string; passwordStdin?: boolean }) => {
      const unknown = options.role.filter((role) => !isRole(role));
      if (unknown.length > 0) throw new CliExit(2, `unknown role(s): ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
      if (options.locale !== 'en' && options.locale !== 'fr') throw new CliExit(2, 'locale must be en or fr');
      const password = options.passwordStdin ? await readStdin(io) : io.env.CONCORD_USER_PASSWORD;
      if (!password) throw new CliExit(2, 'give the password on stdin with --password-stdin, or in CONCORD_USER_PASSWORD');
      await withNodeDatabase(io, async (db, config) => {
        const accounts = createAccounts({ db, audit: createAuditLog(systemClock), clock: systemClock, policy: config.auth });
        const user = await accounts.createUser(systemActor('cli'), {
          email: options.email,
          displayName: options.name,
          jurisdiction: options.jurisdiction,
          roles: options.role as Role[],
          password,
          locale: options.locale as 'en' | 'fr',
        });
        io.stdout.write(`created ${user.email} (${user.roles.join(', ')}) in ${user.jurisdiction}: ${user.id}\n`);
      });
    });
};
