import type { Command } from 'commander';
import type { CliIo } from '../io.ts';

/**
 * Every command group registers itself here, one line each. A group lives in
 * `commands/<context>/`, with one file per verb.
 */
export type RegisterCommand = (program: Command, io: CliIo) => void;

export const COMMANDS: RegisterCommand[] = [];
