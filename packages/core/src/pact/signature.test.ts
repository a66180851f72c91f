import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalPactBytes, canonicalPactJson, generatePartyKeys, isFullySigned, signatureStatus, signPact, verifyPactSignature } from './signature.ts';
import { examplePact } from './test-pacts.ts';
import type { Pact } from './model.ts';

const pact = examplePact();
const keys = Object.fromEntries(pact.parties.map((party) => [party.code, generatePartyKeys()]));
const publicKeys = Object.fromEntries(Object.entries(keys).map(([code, pair]) => [code, pair.publicKey]));
const signatures = pact.parties.map((party) => ({ party: party.code, signature: signPact(pact, keys[party.code]!.privateKey) }));

describe('canonical bytes', () => {
  it('do not depend on key order or formatting', () => {
    const reverseKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
    };
    const reordered = reverseKeys(pact) as Pact;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(pact)[0]);
    expect(canonicalPactJson(reordered)).toBe(canonicalPactJson(pact));
    expect(canonicalPactJson(pact).startsWith('{"clauses":[')).toBe(true);
    expect(canonicalPactJson(pact)).not.toMatch(/\n| {2}/);
  });
});

describe('pact signatures', () => {
  it('verify for each party with its key, and the pact is fully signed', () => {
    for (const { party, signature } of signatures) expect(verifyPactSignature(pact, party, signature, publicKeys[party])).toBe(true);
    expect(isFullySigned(pact, signatures, publicKeys)).toBe(true);
  });

  it('use the keys written in the pact when none are given', () => {
    const withKeys: Pact = { ...pact, parties: pact.parties.map((p) => ({ ...p, node: { url: p.node?.url ?? 'http://localhost', publicKey: publicKeys[p.code]! } })) };
    const signed = withKeys.parties.map((p) => ({ party: p.code, signature: signPact(withKeys, keys[p.code]!.privateKey) }));
    expect(isFullySigned(withKeys, signed)).toBe(true);
    expect(isFullySigned(pact, signatures)).toBe(false);
  });

  it('fail with another party’s key, a missing party or a malformed signature', () => {
    const [first, second] = signatures;
    expect(verifyPactSignature(pact, first!.party, first!.signature, publicKeys[second!.party])).toBe(false);
    expect(verifyPactSignature(pact, 'ZZ', first!.signature, publicKeys[first!.party])).toBe(false);
    expect(verifyPactSignature(pact, first!.party, 'not-a-signature', publicKeys[first!.party])).toBe(false);
    expect(verifyPactSignature({ title: 'not a pact' } as unknown as Pact, first!.party, first!.signature, publicKeys[first!.party])).toBe(false);
    const status = signatureStatus(pact, signatures.slice(1), publicKeys);
    expect(status).toMatchObject({ complete: false, missing: [first!.party], invalid: [] });
  });

  it('fail when one byte of the pact changes', () => {
    const bytes = canonicalPactBytes(pact);
    const [{ party, signature }] = signatures as [{ party: string; signature: string }];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const altered = Uint8Array.from(bytes);
        altered[index] = (altered[index]! + delta) % 256;
        let changed: Pact;
        try {
          changed = JSON.parse(Buffer.from(altered).toString('utf8')) as Pact;
        } catch {
          return; // no longer JSON: it cannot even be presented as the pact
        }
        if (canonicalPactJson(changed) === canonicalPactJson(pact)) return;
        expect(verifyPactSignature(changed, party, signature, publicKeys[party])).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('fail when a clause’s meaning changes', () => {
    const amended: Pact = structuredClone(pact);
    const clause = amended.clauses.find((c) => c.kind === 'data-sharing');
    if (clause?.kind === 'data-sharing') clause.minCellSize = 3;
    expect(isFullySigned(amended, signatures, publicKeys)).toBe(false);
    expect(signatureStatus(amended, signatures, publicKeys).invalid).toHaveLength(pact.parties.length);
  });
});
