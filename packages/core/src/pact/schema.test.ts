import { describe, expect, it } from 'vitest';
import { pactJsonSchema } from './model.ts';
import { readRepoFile } from './test-pacts.ts';

describe('pact JSON Schema', () => {
  it('docs/pact.schema.json is the schema the model generates (regenerate: concord pact schema > docs/pact.schema.json)', () => {
    const committed: unknown = JSON.parse(readRepoFile('docs/pact.schema.json'));
    expect(committed).toEqual(pactJsonSchema());
  });

  it('lists every clause kind and forbids unknown keys', () => {
    const schema = pactJsonSchema() as { properties: { clauses: { items: { oneOf: { properties: { kind: { const: string } }; additionalProperties: boolean }[] } } } };
    const kinds = schema.properties.clauses.items.oneOf.map((option) => option.properties.kind.const);
    expect(kinds).toHaveLength(8);
    expect(kinds).toContain('referral-corridor');
    expect(schema.properties.clauses.items.oneOf.every((option) => option.additionalProperties === false)).toBe(true);
  });
});
