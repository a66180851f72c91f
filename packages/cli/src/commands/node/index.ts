import type { Command } from 'commander';
import type { CliIo } from '../../io.ts';
import { registerDb } from './db.ts';
import { registerSeed } from './seed.ts';
import { registerServe } from './serve.ts';

export const registerNodeCommands = (program: Command, io: CliIo) => {
  registerServe(program, io);
  registerDb(program, io);
  registerSeed(program, io);
};
