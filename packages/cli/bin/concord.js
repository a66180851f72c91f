#!/usr/bin/env node
// The `concord` command. Concord is written in TypeScript and run through tsx,
// so the sources are the program: no build step stands between a clone and a
// working CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli, processIo } = await import('../src/main.ts');
process.exitCode = await runCli(process.argv.slice(2), processIo());
