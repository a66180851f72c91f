/**
 * Pacts for the pact engine's tests: the example pact from examples/ and
 * small builders. Test-only; not exported from the package.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Pact } from './model.ts';
import { loadPact } from './validate.ts';

export const repoFile = (relative: string): string => fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));

export const EXAMPLE_PACT_PATH = repoFile('examples/pacts/eac-health-security-pact.yaml');

export const readRepoFile = (relative: string): string => readFileSync(repoFile(relative), 'utf8');

export const examplePact = (): Pact => loadPact(readFileSync(EXAMPLE_PACT_PATH, 'utf8'), 'eac-health-security-pact.yaml');

/** A two-party pact with the given clauses, in force 2024-01-01 to 2030-01-01. */
export const smallPact = (clauses: Pact['clauses'] = [], overrides: Partial<Pact> = {}): Pact => ({
  id: 'test-pact',
  title: 'Test pact',
  version: 1,
  hub: { code: 'HUB', name: 'Test hub' },
  parties: [
    { code: 'KE', name: 'Kenya' },
    { code: 'UG', name: 'Uganda' },
    { code: 'TZ', name: 'Tanzania' },
  ],
  effective: '2024-01-01',
  sunset: '2030-01-01',
  renewalNoticeDays: 90,
  clauses,
  ...overrides,
});
