import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PACT_PATH, readRepoFile, smallPact } from './test-pacts.ts';
import { formatDiagnostic, loadPact, validatePact } from './validate.ts';
import { isAppError } from '../errors.ts';

const example = readFileSync(EXAMPLE_PACT_PATH, 'utf8');

describe('validatePact on the example pact', () => {
  it('validates with zero diagnostics and uses every clause kind', () => {
    const result = validatePact(example, 'eac.yaml');
    expect(result.diagnostics).toEqual([]);
    const kinds = new Set(result.pact?.clauses.map((clause) => clause.kind));
    expect([...kinds].sort()).toEqual([
      'data-sharing',
      'emergency-waiver',
      'escalation',
      'funding-trigger',
      'licensure-recognition',
      'milestone',
      'referral-corridor',
      'stockpile-sharing',
    ]);
    expect(result.pact?.parties.map((p) => p.code)).toEqual(['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG']);
  });

  it('reads the same pact from its JSON form', () => {
    const fromYaml = validatePact(example, 'eac.yaml').pact;
    const fromJson = validatePact(JSON.stringify(fromYaml, null, 2), 'eac.json');
    expect(fromJson.diagnostics).toEqual([]);
    expect(fromJson.pact).toEqual(fromYaml);
  });
});

/** Each broken fixture, the diagnostic it must produce, and where. */
const BROKEN: { file: string; code: string; line: number; column: number }[] = [
  { file: 'syntax-error.yaml', code: 'PACT_SYNTAX', line: 9, column: 1 },
  { file: 'schema-errors.yaml', code: 'PACT_SCHEMA', line: 21, column: 18 },
  { file: 'schema-errors.yaml', code: 'PACT_SCHEMA', line: 23, column: 5 },
  { file: 'schema-errors.yaml', code: 'PACT_SCHEMA', line: 25, column: 11 },
  { file: 'unknown-party.yaml', code: 'PACT_UNKNOWN_PARTY', line: 18, column: 15 },
  { file: 'json-unknown-party.json', code: 'PACT_UNKNOWN_PARTY', line: 15, column: 25 },
  { file: 'duplicate-clause-id.yaml', code: 'PACT_DUPLICATE_CLAUSE_ID', line: 22, column: 9 },
  { file: 'sunset-before-effective.yaml', code: 'PACT_SUNSET_BEFORE_EFFECTIVE', line: 9, column: 9 },
  { file: 'cel-syntax.yaml', code: 'PACT_CEL_SYNTAX', line: 17, column: 43 },
  { file: 'cel-unknown-variable.yaml', code: 'PACT_CEL_UNKNOWN_VARIABLE', line: 23, column: 48 },
  { file: 'unknown-catalogue-ids.yaml', code: 'PACT_UNKNOWN_DATASET', line: 17, column: 14 },
  { file: 'unknown-catalogue-ids.yaml', code: 'PACT_UNKNOWN_FIELD', line: 31, column: 18 },
  { file: 'unknown-catalogue-ids.yaml', code: 'PACT_UNKNOWN_PRODUCT', line: 36, column: 21 },
  { file: 'unknown-catalogue-ids.yaml', code: 'PACT_UNKNOWN_DISEASE', line: 45, column: 25 },
];

describe('validatePact on broken pacts', () => {
  it.each(BROKEN)('$file fails with $code at $line:$column', ({ file, code, line, column }) => {
    const result = validatePact(readRepoFile(`test/fixtures/pacts/${file}`), file);
    expect(result.pact).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toContain(`${code}@${line}:${column}`);
  });

  it('reports every diagnostic of a file, not only the first', () => {
    const result = validatePact(readRepoFile('test/fixtures/pacts/unknown-catalogue-ids.yaml'), 'x.yaml');
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'PACT_UNKNOWN_DATASET',
      'PACT_UNKNOWN_FIELD',
      'PACT_UNKNOWN_PRODUCT',
      'PACT_UNKNOWN_DISEASE',
    ]);
  });

  it('formats diagnostics as file:line:column CODE message and names the clause', () => {
    const [first] = validatePact(readRepoFile('test/fixtures/pacts/unknown-party.yaml'), 'pacts/unknown-party.yaml').diagnostics;
    expect(first).toBeDefined();
    const line = formatDiagnostic(first!);
    expect(line).toMatch(/^pacts\/unknown-party\.yaml:18:15 PACT_UNKNOWN_PARTY clause `counts-to-hub`: to\[1\]: unknown party `XX`/);
    expect(first!.path).toEqual(['clauses', 0, 'to', 1]);
  });

  it('says which field is missing and what it expects', () => {
    const pact = smallPact() as Record<string, unknown>;
    delete pact.sunset;
    const result = validatePact(stringify(pact), 'missing.yaml');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.code).toBe('PACT_SCHEMA');
    expect(result.diagnostics[0]?.message).toMatch(/^sunset: is required/);
  });

  it('flags a condition of the wrong type and an amendment of a later version', () => {
    const source = stringify(
      smallPact(
        [
          {
            id: 'waiver',
            kind: 'emergency-waiver',
            title: 'Waiver',
            scope: 'import',
            activation: 'indicators["x"] + 1.0',
            maxDurationDays: 10,
          },
        ],
        { version: 2, amends: 3 },
      ),
    );
    const codes = validatePact(source, 'x.yaml').diagnostics.map((d) => d.code);
    expect([...codes].sort()).toEqual(['PACT_AMENDS_INVALID', 'PACT_CEL_TYPE']);
  });

  it('rejects references to unknown roles and actors', () => {
    const source = stringify(
      smallPact([
        {
          id: 'playbook',
          kind: 'escalation',
          title: 'Playbook',
          levels: [{ level: 1, name: 'Watch', lead: 'KE/minister', decides: 'ZZ', notify: ['HUB/hub-coordinator'], deadlineHours: 24 }],
        },
      ]),
    );
    const diagnostics = validatePact(source, 'x.yaml').diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['PACT_UNKNOWN_ROLE', 'PACT_UNKNOWN_PARTY']);
  });

  it('loadPact throws PACT_INVALID carrying the diagnostics', () => {
    let thrown: unknown;
    try {
      loadPact(readRepoFile('test/fixtures/pacts/sunset-before-effective.yaml'), 'term.yaml');
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown)).toBe(true);
    if (!isAppError(thrown)) return;
    expect(thrown.code).toBe('PACT_INVALID');
    expect(thrown.status).toBe(422);
    expect(thrown.message).toContain('term.yaml:9:9 PACT_SUNSET_BEFORE_EFFECTIVE');
  });
});
