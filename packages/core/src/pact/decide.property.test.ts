import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAUSE_KIND_FOR, decide } from './decide.ts';
import type { PactRequest } from './decision.ts';
import { examplePact, smallPact } from './test-pacts.ts';
import { DATASET_IDS, PRODUCT_IDS } from '../catalogue/index.ts';

const pact = examplePact();
const codes = ['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG', 'EAC', 'public', 'XX'];
const party = fc.constantFrom(...codes);
const word = fc.constantFrom('surveillance', 'outbreak-response', 'research', 'icu', 'nurse', 'doctor', 'cholera', 'ebola', 'zzz');
const clauseId = fc.option(fc.constantFrom('weekly-aggregates-to-hub', 'cholera-stockpile', 'regional-escalation', 'nope'), { nil: undefined });
const withClause = <T extends object>(request: T, id: string | undefined): T => (id === undefined ? request : { ...request, clauseId: id });

/** Requests of every kind, with values drawn both from the pact's vocabulary and outside it. */
const anyRequest: fc.Arbitrary<PactRequest> = fc.oneof(
  fc
    .record({ dataset: fc.constantFrom(...DATASET_IDS, 'unknown'), from: party, to: party, purpose: word, disease: word, action: fc.constantFrom('read' as const, 'send' as const), id: clauseId })
    .map(({ id, ...r }) => withClause({ kind: 'data' as const, ...r }, id)),
  fc.record({ product: fc.constantFrom(...PRODUCT_IDS), from: party, to: party, id: clauseId }).map(({ id, ...r }) => withClause({ kind: 'stock-release' as const, ...r }, id)),
  fc.record({ party, id: clauseId }).map(({ id, ...r }) => withClause({ kind: 'funding' as const, ...r }, id)),
  fc.record({ from: party, to: party, service: word, emergency: fc.boolean(), authorised: fc.boolean() }).map((r) => ({ kind: 'referral' as const, ...r })),
  fc.record({ profession: word, from: party, to: party, temporary: fc.boolean() }).map((r) => ({ kind: 'licence' as const, ...r })),
  fc.record({ scope: fc.constantFrom('licensing' as const, 'import' as const, 'ip' as const), party, product: fc.constantFrom(...PRODUCT_IDS) }).map((r) => ({ kind: 'waiver' as const, ...r })),
  fc.record({ party, disease: word, level: fc.integer({ min: 0, max: 4 }) }).map((r) => ({ kind: 'escalation' as const, ...r })),
  fc.record({ party }).map((r) => ({ kind: 'milestone' as const, ...r })),
);

/** Alert levels and indicators high enough to satisfy most conditions, so refusals are not only conditions failing. */
const anyContext = fc.record({
  now: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2036-01-01T00:00:00Z'), noInvalidDate: true }),
  alert: fc.dictionary(party, fc.dictionary(word, fc.integer({ min: 0, max: 4 }))),
  indicators: fc.dictionary(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })),
});

describe('decide: deny by default', () => {
  it('a pact with no clauses denies every request, at any time', () => {
    const empty = smallPact([]);
    fc.assert(
      fc.property(anyRequest, anyContext, (request, context) => {
        const decision = decide(empty, request, context);
        expect(decision.effect).toBe('deny');
        expect(decision.clauseId).toBeNull();
        expect(decision.obligations).toEqual([]);
        expect(decision.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  it('a request whose clause kind the pact lacks is always denied', () => {
    fc.assert(
      fc.property(anyRequest, anyContext, (request, context) => {
        const kind = CLAUSE_KIND_FOR[request.kind];
        const without = { ...pact, clauses: pact.clauses.filter((clause) => clause.kind !== kind) };
        expect(decide(without, request, context).effect).toBe('deny');
      }),
    );
  });

  it('a permit always names a clause of the right kind that exists in the pact', () => {
    let permits = 0;
    fc.assert(
      fc.property(anyRequest, anyContext, (request, context) => {
        const decision = decide(pact, request, context);
        if (decision.effect === 'deny') {
          expect(decision.clauseId).toBeNull();
          return;
        }
        permits += 1;
        const clause = pact.clauses.find((c) => c.id === decision.clauseId);
        expect(clause?.kind).toBe(CLAUSE_KIND_FOR[request.kind]);
        if (request.clauseId !== undefined) expect(decision.clauseId).toBe(request.clauseId);
      }),
      { numRuns: 1000 },
    );
    // The property says nothing if no request was ever permitted.
    expect(permits).toBeGreaterThan(0);
  });
});

describe('decide: only within the term', () => {
  const effective = Date.parse('2023-01-01T00:00:00Z');
  const sunset = Date.parse('2032-12-31T00:00:00Z');
  const around = (edge: number) => fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }).map((offset) => new Date(edge + offset));

  it('no permit before the effective date or at/after the sunset, and every allowed request is permitted inside', () => {
    const allowed: PactRequest = { kind: 'data', action: 'send', dataset: 'aggregate-counts', from: 'KE', to: 'EAC', purpose: 'surveillance' };
    fc.assert(
      fc.property(fc.oneof(around(effective), around(sunset)), (now) => {
        const decision = decide(pact, allowed, { now });
        const inside = now.getTime() >= effective && now.getTime() < sunset;
        expect(decision.effect).toBe(inside ? 'permit' : 'deny');
        if (!inside) expect(decision.reasons[0]).toMatch(/^PACT_NOT_IN_FORCE/);
      }),
    );
  });

  it('no request of any kind is permitted outside the term', () => {
    const outside = fc.oneof(
      fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date(effective - 1), noInvalidDate: true }),
      fc.date({ min: new Date(sunset), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }),
    );
    fc.assert(
      fc.property(anyRequest, anyContext, outside, (request, context, now) => {
        expect(decide(pact, request, { ...context, now }).effect).toBe('deny');
      }),
    );
  });
});
