import type { KeyObject } from 'node:crypto';
import type { Pact } from '@concord/core';
import type { KeyStore } from '../../keys/key-store.ts';
import { privateKeyOf } from './envelope-jws.ts';

/**
 * Who this node is in a pact. A node speaks for a jurisdiction exactly when
 * it holds the private key whose public half the pact in force pins for that
 * jurisdiction: a country node holds its own key, the hub its own, and the
 * single-process demo, which signed the pact with every jurisdiction's key,
 * holds them all (so its messages between jurisdictions stay local).
 * Every other member with a node URL and a pinned key is a peer.
 */
export interface Member {
  code: string;
  name: string;
  role: 'party' | 'hub';
  url: string | null;
  publicKey: string | null;
}

export const membersOf = (pact: Pact): Member[] => [
  { code: pact.hub.code, name: pact.hub.name, role: 'hub', url: pact.hub.node?.url ?? null, publicKey: pact.hub.node?.publicKey ?? null },
  ...pact.parties.map((p): Member => ({ code: p.code, name: p.name, role: 'party', url: p.node?.url ?? null, publicKey: p.node?.publicKey ?? null })),
];

export const memberOf = (pact: Pact, code: string): Member | undefined => membersOf(pact).find((member) => member.code === code);

export interface Identity {
  isHosted(pact: Pact, code: string): boolean;
  hosted(pact: Pact): string[];
  /** The private signing key of a hosted jurisdiction. */
  signingKey(code: string): KeyObject;
}

export const createIdentity = (keys: KeyStore): Identity => {
  // Looking a key up touches the file system; the answer only changes with the pact.
  const held = new Map<string, boolean>();
  const signing = new Map<string, KeyObject>();

  const isHosted = (pact: Pact, code: string): boolean => {
    const pinned = memberOf(pact, code)?.publicKey;
    if (!pinned) return false;
    const cacheKey = `${code}:${pinned}`;
    let answer = held.get(cacheKey);
    if (answer === undefined) {
      // hasSigningKey first: asking a file-backed store for a key it lacks would create one.
      answer = keys.hasSigningKey(code) && keys.publicKey(code) === pinned;
      held.set(cacheKey, answer);
    }
    return answer;
  };

  return {
    isHosted,
    hosted: (pact) => membersOf(pact).filter((member) => isHosted(pact, member.code)).map((member) => member.code),
    signingKey(code) {
      let key = signing.get(code);
      if (!key) {
        key = privateKeyOf(keys.signingKey(code));
        signing.set(code, key);
      }
      return key;
    },
  };
};
