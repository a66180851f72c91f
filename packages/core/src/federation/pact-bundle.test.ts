import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generatePartyKeys } from '../pact/signature.ts';
import { readRepoFile } from '../pact/test-pacts.ts';
import { loadPact } from '../pact/validate.ts';
import { buildPactBundle, signPactVersion, verifyPactBundle } from './pact-bundle.ts';

const source = readRepoFile('examples/pacts/eac-health-security-pact.yaml');
const codes = ['EAC', 'BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG'];
const keys = Object.fromEntries(codes.map((code) => [code, generatePartyKeys()]));

const withKeys = (text: string) => {
  const document = parseDocument(text);
  document.setIn(['hub', 'node', 'publicKey'], keys.EAC!.publicKey);
  codes.slice(1).forEach((code, index) => document.setIn(['parties', index, 'node', 'publicKey'], keys[code]!.publicKey));
  return document.toString();
};

const keyed = withKeys(source);
const pact = loadPact(keyed, 'pact.yaml');
const privateKeys = Object.fromEntries(codes.map((code) => [code, keys[code]!.privateKey]));

describe('a signed pact bundle', () => {
  it('is accepted when every party signed the exact document', () => {
    const bundle = buildPactBundle(pact.id, [{ source: keyed, signatures: signPactVersion(pact, privateKeys, '2026-01-02T09:00:00Z') }]);
    const check = verifyPactBundle(JSON.parse(JSON.stringify(bundle)));
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.versions[0]!.pact.parties.find((p) => p.code === 'KE')?.node?.publicKey).toBe(keys.KE!.publicKey);
  });

  it('is refused when a party has not signed, or a signature was made over another text', () => {
    const { EAC: _hub, UG: _ug, ...withoutUganda } = privateKeys;
    const missing = verifyPactBundle(buildPactBundle(pact.id, [{ source: keyed, signatures: signPactVersion(pact, withoutUganda) }]));
    expect(missing).toEqual({ ok: false, problems: [expect.stringMatching(/not signed by UG/)] });

    const edited = keyed.replace('minCellSize: 5', 'minCellSize: 2');
    const tampered = verifyPactBundle(buildPactBundle(pact.id, [{ source: edited, signatures: signPactVersion(pact, privateKeys) }]));
    expect(tampered.ok).toBe(false);
    if (!tampered.ok) expect(tampered.problems.length).toBe(codes.length);
  });

  it('is refused when a key in the document was swapped for one the party never held', () => {
    const intruder = generatePartyKeys();
    const document = parseDocument(keyed);
    document.setIn(['parties', 2, 'node', 'publicKey'], intruder.publicKey);
    const swapped = loadPact(document.toString(), 'swapped.yaml');
    const signatures = signPactVersion(swapped, { ...privateKeys, KE: intruder.privateKey });
    // Signed with the intruder's key for KE, but every other party signed the original text.
    const mixed = [...signPactVersion(pact, privateKeys).filter((s) => s.party !== 'KE'), signatures.find((s) => s.party === 'KE')!];
    expect(verifyPactBundle(buildPactBundle(pact.id, [{ source: document.toString(), signatures: mixed }])).ok).toBe(false);
  });

  it('is refused when it is not a bundle, names another pact or skips a version', () => {
    expect(verifyPactBundle({ format: 'zip' }).ok).toBe(false);
    const other = verifyPactBundle(buildPactBundle('another-pact', [{ source: keyed, signatures: signPactVersion(pact, privateKeys) }]));
    expect(other).toEqual({ ok: false, problems: [expect.stringMatching(/not another-pact/)] });
    const twice = verifyPactBundle(
      buildPactBundle(pact.id, [
        { source: keyed, signatures: signPactVersion(pact, privateKeys) },
        { source: keyed, signatures: signPactVersion(pact, privateKeys) },
      ]),
    );
    expect(twice).toEqual({ ok: false, problems: [expect.stringMatching(/version 1 must be 2 and amend 1/)] });
  });
});
