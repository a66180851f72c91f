import type { Command } from 'commander';
import type { CliIo } from '../../io.ts';
import { registerDecide } from './decide.ts';
import { registerDiff } from './diff.ts';
import { registerDuties } from './duties.ts';
import { registerImport } from './import.ts';
import { registerOdrl } from './odrl.ts';
import { registerSchema } from './schema.ts';
import { registerValidate } from './validate.ts';

/** `concord pact …`: validate, decide, diff, export and describe pacts (docs/pact.md). */
export const registerPactCommands = (program: Command, io: CliIo) => {
  const pact = program.command('pact').description('pacts: validate, decide requests, diff versions, export ODRL and the JSON Schema');
  // The CLI is the one place that reads the clock; the engine is given the time.
  const clock = () => new Date();
  registerValidate(pact, io);
  registerDecide(pact, io, clock);
  registerDiff(pact, io);
  registerOdrl(pact, io);
  registerSchema(pact, io);
  registerDuties(pact, io, clock);
  registerImport(pact, io);
};
