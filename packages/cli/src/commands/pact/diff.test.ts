import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../memory-io.ts';

const example = readFileSync(fileURLToPath(new URL('../../../../../examples/pacts/eac-health-security-pact.yaml', import.meta.url)), 'utf8');

describe('concord pact diff', () => {
  it('prints the changes between two versions in plain words', async () => {
    const amended = example
      .replace('version: 1', 'version: 2\namends: 1')
      .replace('sunset: 2032-12-31', 'sunset: 2035-12-31')
      .replace('minCellSize: 5\n    retentionDays: 1825', 'minCellSize: 10\n    retentionDays: 1825');
    const result = await runInMemory(['pact', 'diff', 'v1.yaml', 'v2.yaml'], { 'v1.yaml': example, 'v2.yaml': amended });
    expect(result).toEqual({
      code: 0,
      stdout: [
        'Version changed from 1 to 2',
        'Amended version set to 1',
        'Sunset moved from 2032-12-31 to 2035-12-31',
        'Clause `weekly-aggregates-to-hub`: minimum cell size changed from 5 to 10',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('says when there is no difference', async () => {
    const result = await runInMemory(['pact', 'diff', 'a.yaml', 'b.yaml'], { 'a.yaml': example, 'b.yaml': example });
    expect(result.stdout).toBe('No differences\n');
  });
});

describe('concord pact odrl', () => {
  it('prints the data-sharing clauses as an ODRL Agreement', async () => {
    const result = await runInMemory(['pact', 'odrl', 'eac.yaml'], { 'eac.yaml': example });
    expect(result.code).toBe(0);
    const policy = JSON.parse(result.stdout);
    expect(policy['@type']).toBe('Agreement');
    expect(policy.permission.length).toBeGreaterThan(0);
  });
});
