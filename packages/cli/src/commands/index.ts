import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { registerUsers } from './accounts/users.ts';
import { registerAudit } from './audit/verify.ts';
import { registerColdChainCommands } from './coldchain/index.ts';
import { registerFederationCommands } from './federation/index.ts';
import { registerKeys } from './governance/keys.ts';
import { registerImportCommands } from './import/index.ts';
import { registerSuppress } from './governance/suppress.ts';
import { registerNodeCommands } from './node/index.ts';
import { registerPactCommands } from './pact/index.ts';
import { registerStockCommands } from './stock/index.ts';
import { registerSurveillanceCommands } from './surveillance/index.ts';

/**
 * Every command group registers itself here, one line each. A group lives in
 * `commands/<context>/`, with one file per verb.
 */
export type RegisterCommand = (program: Command, io: CliIo) => void;

export const COMMANDS: RegisterCommand[] = [
  registerNodeCommands,
  registerUsers,
  registerAudit,
  registerSuppress,
  registerKeys,
  registerColdChainCommands,
  registerStockCommands,
  registerPactCommands,
  registerSurveillanceCommands,
  registerImportCommands,
  registerFederationCommands,
];
