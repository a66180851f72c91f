/**
 * Pact signatures. Each party signs the same bytes: the pact document in
 * the JSON Canonicalization Scheme (RFC 8785: sorted keys, no whitespace,
 * ECMAScript number text), so any party that holds the same document
 * computes the same bytes whatever its YAML looked like. The algorithm is
 * Ed25519 (RFC 8032) from node:crypto. Public keys are the 32 raw key
 * bytes in base64url without padding — the `x` member of an OKP JWK
 * (RFC 8037) — and signatures are the 64 signature bytes in base64url.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify, type JsonWebKey } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import type { Pact } from './model.ts';
import { AppError } from '../errors.ts';

// The package is CommonJS whose typings declare a default export that
// NodeNext resolution sees as the module object; at run time it is the function.
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

export const canonicalPactJson = (pact: Pact): string => {
  const text = canonicalize(pact);
  if (text === undefined) throw new AppError('PACT_NOT_SERIALISABLE', 'The pact has no JSON form');
  return text;
};

export const canonicalPactBytes = (pact: Pact): Uint8Array => new Uint8Array(Buffer.from(canonicalPactJson(pact), 'utf8'));

/** A private key: a node KeyObject, or an Ed25519 JWK with its `d` member. */
export type SigningKey = KeyObject | JsonWebKey;
/** A public key: a node KeyObject, or the raw 32 bytes in base64url (JWK `x`). */
export type VerifyingKey = KeyObject | string;

const privateKeyObject = (key: SigningKey): KeyObject =>
  key instanceof KeyObject ? key : createPrivateKey({ key, format: 'jwk' });

export const publicKeyFromRaw = (x: string): KeyObject => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });

const publicKeyObject = (key: VerifyingKey): KeyObject => (typeof key === 'string' ? publicKeyFromRaw(key) : key);

/** Signs the pact's canonical bytes; returns the signature in base64url. */
export const signPact = (pact: Pact, privateKey: SigningKey): string => {
  const key = privateKeyObject(privateKey);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AppError('PACT_KEY_INVALID', 'Pact signatures use Ed25519 keys', { params: { type: key.asymmetricKeyType } });
  }
  return sign(null, canonicalPactBytes(pact), key).toString('base64url');
};

/**
 * True when `signature` is `party`'s valid signature of this exact pact.
 * The key defaults to the party's `node.publicKey` in the pact. Never
 * throws: an unknown party, a missing or malformed key or signature is false.
 */
export const verifyPactSignature = (pact: Pact, party: string, signature: string, publicKey?: VerifyingKey): boolean => {
  // A document that arrived over the wire may not even have the pact's shape.
  try {
    const member = pact.parties.find((p) => p.code === party) ?? (pact.hub.code === party ? pact.hub : undefined);
    const key = publicKey ?? member?.node?.publicKey;
    if (!member || key === undefined) return false;
    const bytes = Buffer.from(signature, 'base64url');
    if (bytes.length !== 64) return false;
    return verify(null, canonicalPactBytes(pact), publicKeyObject(key), bytes);
  } catch {
    return false;
  }
};

export interface PartySignature {
  party: string;
  signature: string;
}

export interface SignatureStatus {
  complete: boolean;
  /** Parties with a valid signature. */
  signed: string[];
  /** Parties with no signature. */
  missing: string[];
  /** Parties whose signature does not verify (wrong key, or the pact changed). */
  invalid: string[];
}

/** Which parties have validly signed; keys default to those in the pact. */
export const signatureStatus = (
  pact: Pact,
  signatures: readonly PartySignature[],
  keys: Readonly<Record<string, VerifyingKey>> = {},
): SignatureStatus => {
  const status: SignatureStatus = { complete: false, signed: [], missing: [], invalid: [] };
  for (const { code } of pact.parties) {
    const mine = signatures.filter((s) => s.party === code);
    if (mine.length === 0) status.missing.push(code);
    else if (mine.some((s) => verifyPactSignature(pact, code, s.signature, keys[code]))) status.signed.push(code);
    else status.invalid.push(code);
  }
  status.complete = status.missing.length === 0 && status.invalid.length === 0;
  return status;
};

/** True when every party of the pact has a valid signature. */
export const isFullySigned = (
  pact: Pact,
  signatures: readonly PartySignature[],
  keys?: Readonly<Record<string, VerifyingKey>>,
): boolean => signatureStatus(pact, signatures, keys).complete;

export interface PartyKeyPair {
  /** Raw public key, base64url (JWK `x`): what goes in the pact. */
  publicKey: string;
  /** Private JWK: what the party keeps. */
  privateKey: JsonWebKey;
}

/** A fresh Ed25519 key pair in the formats above. */
export const generatePartyKeys = (): PartyKeyPair => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x;
  if (x === undefined) throw new AppError('PACT_KEY_INVALID', 'Could not export the public key');
  return { publicKey: x, privateKey: privateKey.export({ format: 'jwk' }) };
};
