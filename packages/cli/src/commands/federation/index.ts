import type { Command } from 'commander';
import type { CliIo } from '../../io.ts';
import { registerFederationDemo } from './demo.ts';

/** `concord federation …`: nodes exchanging signed, pact-checked messages (docs/federation.md). */
export const registerFederationCommands = (program: Command, io: CliIo) => {
  const federation = program.command('federation').description('federation between nodes: the three-node demo');
  registerFederationDemo(federation, io);
};
