/**
 * `npm run bench -- <name>…` runs the named benchmarks (all when none are
 * named). Each benchmark measures Concord beside a yardstick in the same run
 * and prints the ratio, because absolute timings on shared machines mean
 * little. Benchmarks never run as part of `npm test`.
 */
import { BENCHMARKS } from './registry.ts';

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
const unknown = names.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
for (const name of names) {
  console.log(`\n== ${name} ==`);
  await BENCHMARKS[name]!(process.argv.slice(2).filter((arg) => arg.startsWith('-')));
}
