import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { canonicalPactJson, loadPact, signPact, type Pact } from '@concord/core';
import * as pactRepo from '../modules/pact/pact.repo.ts';
import type { SeedStep } from './runner.ts';

/**
 * The demo's pact in force: examples/pacts/eac-health-security-pact.yaml
 * (version 1, in force from 2023-01-01) and its 2025 amendment (v2.yaml,
 * in force from 2025-07-01), each signed by every partner state.
 *
 * The example files carry no keys. Each jurisdiction's Ed25519 key lives in
 * the node's key store (generated on first start for the demo); the seed
 * writes the public keys into the documents before signing, so the keys are
 * pinned by the signatures themselves.
 */
export const EXAMPLE_PACT_FILES = [
  { file: 'eac-health-security-pact.yaml', signedOn: '2022-11-28T09:00:00Z' },
  { file: 'eac-health-security-pact.v2.yaml', signedOn: '2025-06-12T09:00:00Z' },
] as const;

const examplePath = (file: string) => fileURLToPath(new URL(`../../../../examples/pacts/${file}`, import.meta.url));

/** The example text with each member's public key written in, comments kept. */
export const withPublicKeys = (source: string, publicKey: (code: string) => string): string => {
  const document = parseDocument(source);
  const hub = document.getIn(['hub', 'code']) as string;
  document.setIn(['hub', 'node', 'publicKey'], publicKey(hub));
  const parties = (document.toJS() as Pact).parties;
  parties.forEach((party, index) => document.setIn(['parties', index, 'node', 'publicKey'], publicKey(party.code)));
  return document.toString();
};

export const pactSeed: SeedStep = {
  name: 'pact',
  version: 1,
  description: 'the EAC health security pact, version 1 and its 2025 amendment, signed by every partner state',
  async run(tx, context) {
    let versions = 0;
    for (const [index, example] of EXAMPLE_PACT_FILES.entries()) {
      const source = withPublicKeys(readFileSync(examplePath(example.file), 'utf8'), (code) => context.keys.publicKey(code));
      const pact = loadPact(source, example.file);
      const signedAt = new Date(example.signedOn);
      if (index === 0) await pactRepo.insertPact(tx, { id: pact.id, title: pact.title, createdAt: new Date(signedAt.getTime() - 30 * 86_400_000) });
      await pactRepo.insertVersion(tx, {
        pactId: pact.id,
        version: pact.version,
        document: pact,
        source,
        sourceFormat: 'yaml',
        canonicalSha256: createHash('sha256').update(canonicalPactJson(pact)).digest('hex'),
        createdAt: new Date(signedAt.getTime() - 14 * 86_400_000),
        createdBy: 'system:seed',
      });
      for (const [i, party] of pact.parties.entries()) {
        await pactRepo.insertEvent(tx, {
          pactId: pact.id,
          type: 'signed',
          version: pact.version,
          party: party.code,
          signature: signPact(pact, context.keys.signingKey(party.code)),
          sunset: null,
          reason: null,
          // Parties sign over a few days, as ministers' diaries allow.
          at: new Date(signedAt.getTime() + i * 36 * 3_600_000),
          actor: 'system:seed',
        });
      }
      versions += 1;
    }
    return { pactVersions: versions };
  },
};
