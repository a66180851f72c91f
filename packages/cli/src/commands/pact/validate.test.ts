import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatePact } from '@concord/core';
import { runInMemory } from '../../memory-io.ts';

const repo = (path: string) => readFileSync(fileURLToPath(new URL(`../../../../../${path}`, import.meta.url)), 'utf8');
const example = repo('examples/pacts/eac-health-security-pact.yaml');

describe('concord pact validate', () => {
  it('prints an ok line per valid file and exits 0', async () => {
    const result = await runInMemory(['pact', 'validate', 'eac.yaml', 'copy.json'], {
      'eac.yaml': example,
      'copy.json': JSON.stringify(validatePact(example, 'eac.yaml').pact, null, 2),
    });
    expect(result).toEqual({
      code: 0,
      stdout: 'eac.yaml: ok (pact eac-health-security-pact version 1, 17 clauses)\ncopy.json: ok (pact eac-health-security-pact version 1, 17 clauses)\n',
      stderr: '',
    });
  });

  it('prints each diagnostic as file:line:column CODE message and exits 1', async () => {
    const result = await runInMemory(['pact', 'validate', 'eac.yaml', 'broken.yaml'], {
      'eac.yaml': example,
      'broken.yaml': repo('test/fixtures/pacts/unknown-catalogue-ids.yaml'),
    });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^eac\.yaml: ok/);
    expect(lines.slice(1).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      'broken.yaml:17:14 PACT_UNKNOWN_DATASET',
      'broken.yaml:31:18 PACT_UNKNOWN_FIELD',
      'broken.yaml:36:21 PACT_UNKNOWN_PRODUCT',
      'broken.yaml:45:25 PACT_UNKNOWN_DISEASE',
    ]);
    expect(result.stderr).toBe('1 of 2 pact file(s) failed validation\n');
  });

  it('refuses a file it cannot read', async () => {
    const result = await runInMemory(['pact', 'validate', 'missing.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error CLI_INPUT_UNREADABLE: cannot read missing\.yaml/);
  });
});

describe('concord pact schema', () => {
  it('prints the committed JSON Schema', async () => {
    const result = await runInMemory(['pact', 'schema']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(repo('docs/pact.schema.json'));
  });
});
