import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { generatePartyKeys, loadPact, type SigningKey } from '@concord/core';
import { buildPactBundle, signPactVersion, type PactBundle } from '@concord/core/federation/index';
import { openKeyStore } from '../keys/key-store.ts';
import { EXAMPLE_PACT_FILES } from './pact.seed.ts';

/**
 * The signing ceremony of a demonstration federation, played honestly:
 * each node that will run gets its Ed25519 key generated in its own key
 * directory (and nowhere else); the parties without a node here get keys
 * made for the ceremony only. The example pact and its amendment get every
 * node's URL and every member's public key written in, and each member —
 * the partner states and the hub — signs each version with its own key.
 * The result is a bundle any node can verify on its own.
 */
export interface CeremonyNode {
  code: string;
  url: string;
  keyDir: string;
}

const examplePath = (file: string) => fileURLToPath(new URL(`../../../../examples/pacts/${file}`, import.meta.url));

/** The example text with these node URLs and public keys written in, comments kept. */
export const withNodes = (source: string, nodes: Readonly<Record<string, { url?: string; publicKey: string }>>): string => {
  const document = parseDocument(source);
  const set = (path: (string | number)[], code: string) => {
    const node = nodes[code];
    if (!node) return;
    if (node.url) document.setIn([...path, 'node', 'url'], node.url);
    document.setIn([...path, 'node', 'publicKey'], node.publicKey);
  };
  set(['hub'], document.getIn(['hub', 'code']) as string);
  const parties = (document.toJS() as { parties: { code: string }[] }).parties;
  parties.forEach((party, index) => set(['parties', index], party.code));
  return document.toString();
};

export const signingCeremony = (nodes: readonly CeremonyNode[], options: { signedAt: Date }): PactBundle => {
  const first = loadPact(readFileSync(examplePath(EXAMPLE_PACT_FILES[0].file), 'utf8'), EXAMPLE_PACT_FILES[0].file);
  const members = [first.hub.code, ...first.parties.map((party) => party.code)];
  const keys: Record<string, { publicKey: string; privateKey: SigningKey; url?: string }> = {};
  for (const code of members) {
    const node = nodes.find((n) => n.code === code);
    if (node) {
      // The node's own store creates the key in the node's own directory.
      const store = openKeyStore({ keyDir: node.keyDir });
      keys[code] = { publicKey: store.publicKey(code), privateKey: store.signingKey(code), url: node.url };
    } else {
      keys[code] = generatePartyKeys();
    }
  }
  const signedAt = options.signedAt.toISOString();
  const versions = EXAMPLE_PACT_FILES.map((example) => {
    const source = withNodes(readFileSync(examplePath(example.file), 'utf8'), keys);
    const pact = loadPact(source, example.file);
    const signers = Object.fromEntries(Object.entries(keys).map(([code, pair]) => [code, pair.privateKey]));
    return { source, signatures: signPactVersion(pact, signers, signedAt) };
  });
  return buildPactBundle(first.id, versions);
};
