import type { Command } from 'commander';
import type { CliIo } from '../../io.ts';
import { registerDetect } from './detect.ts';

/** Surveillance commands; `detect` sits at the top level because other tools call it by that name. */
export const registerSurveillanceCommands = (program: Command, io: CliIo) => {
  registerDetect(program, io);
};
