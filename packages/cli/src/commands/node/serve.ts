import type { Command } from 'commander';
import { loadConfig, startNode, DEMO_DOMAIN } from '@concord/server';
import type { CliIo } from '../../io.ts';
import { describeDatabase } from '../../node-database.ts';

export const registerServe = (program: Command, io: CliIo) => {
  program
    .command('serve')
    .description('run the node: migrate, seed the demo region (unless CONCORD_DEMO=false) and serve HTTP')
    .action(async () => {
      const config = loadConfig(io.env, io.cwd);
      const node = await startNode(config);
      const lines = [
        '',
        `Concord node ${config.node} is running at ${node.url}`,
        `  database:  ${describeDatabase(config)}`,
        `  API docs:  ${node.url}/docs`,
      ];
      if (config.demo.enabled) {
        lines.push(
          `  sign in:   hub@${DEMO_DOMAIN} with password "${config.demo.password}"`,
          `             (synthetic demo accounts; others in the README, e.g. nfp.ke@${DEMO_DOMAIN})`,
        );
      }
      lines.push('  stop:      Ctrl+C', '');
      io.stdout.write(lines.join('\n') + '\n');
      if (node.readiness.state() !== 'ready') io.stdout.write('Seeding the demo region (first start only); /readyz answers once it is done…\n');
      void node.ready.then(() => {
        if (node.readiness.state() === 'ready') io.stdout.write(`Ready: ${node.url}\n`);
      });
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      io.stderr.write('stopping…\n');
      await node.close();
    });
};
