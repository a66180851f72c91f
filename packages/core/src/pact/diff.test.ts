import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDiff } from './describe-diff.ts';
import { applyDiff, diffPacts } from './diff.ts';
import type { Pact } from './model.ts';
import { examplePact } from './test-pacts.ts';

const base = examplePact();
const edit = (change: (pact: Pact) => void): Pact => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};
const clause = (pact: Pact, id: string) => pact.clauses.find((c) => c.id === id)!;

describe('describeDiff', () => {
  it('says what changed in plain words', () => {
    const amended = edit((pact) => {
      pact.version = 2;
      pact.amends = 1;
      pact.sunset = '2034-12-31';
      const hub = clause(pact, 'weekly-aggregates-to-hub');
      if (hub.kind === 'data-sharing') {
        hub.minCellSize = 10;
        hub.purposes = [...hub.purposes, 'research'];
      }
      pact.clauses = pact.clauses.filter((c) => c.id !== 'nurses-midwives-recognition');
      pact.clauses.push({ id: 'pharmacists-recognition', kind: 'licensure-recognition', title: 'Pharmacists', professions: ['pharmacist'], mode: 'automatic' });
      const playbook = clause(pact, 'regional-escalation');
      if (playbook.kind === 'escalation') playbook.levels[2]!.deadlineHours = 8;
    });
    expect(describeDiff(diffPacts(base, amended))).toEqual([
      'Version changed from 1 to 2',
      'Sunset moved from 2032-12-31 to 2034-12-31',
      'Clause `nurses-midwives-recognition` removed (licensure-recognition: Mutual recognition of nurses and midwives)',
      'Clause `weekly-aggregates-to-hub`: purposes: `research` added',
      'Clause `weekly-aggregates-to-hub`: minimum cell size changed from 5 to 10',
      'Clause `regional-escalation`, level 3: deadline (hours) changed from 12 to 8',
      'Clause `pharmacists-recognition` added (licensure-recognition: Pharmacists)',
      // Assigned last on the object, so it comes last.
      'Amended version set to 1',
    ]);
  });

  it('names parties, conditions and reordering', () => {
    const amended = edit((pact) => {
      pact.parties = pact.parties.filter((p) => p.code !== 'SO');
      const cases = clause(pact, 'case-reports-lake-victoria-outbreak');
      if (cases.kind === 'data-sharing') cases.condition = 'alert[request.from]["cholera"] >= 2';
      pact.clauses.reverse();
    });
    const lines = describeDiff(diffPacts(base, amended));
    expect(lines).toContain('Party `SO` (Somalia) removed');
    expect(lines).toContain(
      'Clause `case-reports-lake-victoria-outbreak`: condition changed from `has(request.disease) && alert[request.from][request.disease] >= 3` to `alert[request.from]["cholera"] >= 2`',
    );
    expect(lines.some((line) => line.startsWith('Clause order changed to regional-ocv-reserve, spar-capacity-level'))).toBe(true);
  });

  it('finds nothing between a pact and itself', () => {
    expect(diffPacts(base, structuredClone(base))).toEqual([]);
  });
});

/** Random amendments of the example pact. */
const mutation: fc.Arbitrary<(pact: Pact) => void> = fc.oneof(
  fc.constantFrom('2031-12-31', '2033-06-30', '2040-01-01').map((sunset) => (pact: Pact) => void (pact.sunset = sunset)),
  fc.integer({ min: 1, max: 20 }).map((k) => (pact: Pact) => {
    for (const c of pact.clauses) if (c.kind === 'data-sharing') c.minCellSize = k;
  }),
  fc.nat().map((n) => (pact: Pact) => void pact.clauses.splice(n % pact.clauses.length, 1)),
  fc.nat().map((n) => (pact: Pact) => {
    const [moved] = pact.clauses.splice(n % pact.clauses.length, 1);
    if (moved) pact.clauses.splice((n * 7) % (pact.clauses.length + 1), 0, moved);
  }),
  fc.tuple(fc.nat(), fc.constantFrom('a', 'b', 'c')).map(([n, suffix]) => (pact: Pact) => {
    const source = pact.clauses[n % pact.clauses.length];
    if (source) pact.clauses.splice(n % (pact.clauses.length + 1), 0, { ...structuredClone(source), id: `${source.id}-${suffix}` });
  }),
  fc.nat().map((n) => (pact: Pact) => void pact.parties.splice(n % pact.parties.length, 1)),
  fc.string({ minLength: 1, maxLength: 12 }).map((title) => (pact: Pact) => void (pact.title = title)),
  fc.constantFrom(4, 6, 12).map((hours) => (pact: Pact) => {
    for (const c of pact.clauses) if (c.kind === 'escalation') c.levels.reverse().forEach((l) => (l.deadlineHours = hours));
  }),
  fc.boolean().map((flag) => (pact: Pact) => {
    for (const c of pact.clauses) if (c.kind === 'referral-corridor') (flag ? delete c.tariff.perDay : (c.tariff.perCase = 900));
  }),
  fc.constant((pact: Pact) => void (pact.hub.node = { url: 'http://localhost:5000' })),
);

describe('diffPacts: round trips', () => {
  it('applyDiff(a, diffPacts(a, b)) rebuilds b, and describeDiff gives one line per entry', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (changes) => {
        const amended = edit((pact) => changes.forEach((change) => change(pact)));
        const entries = diffPacts(base, amended);
        expect(applyDiff(base, entries)).toEqual(amended);
        const lines = describeDiff(entries);
        expect(lines).toHaveLength(entries.length);
        expect(lines.every((line) => line.length > 0 && !line.includes('undefined'))).toBe(true);
        expect(diffPacts(amended, amended)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the reverse diff takes b back to a', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const amended = edit((pact) => changes.forEach((change) => change(pact)));
        expect(applyDiff(amended, diffPacts(amended, base))).toEqual(base);
      }),
      { numRuns: 200 },
    );
  });
});
