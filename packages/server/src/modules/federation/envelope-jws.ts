import { createHash, createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { publicKeyFromRaw } from '@concord/core';
import { MESSAGE_JWS_TYPE, type Envelope } from '@concord/core/federation/index';

/**
 * Envelopes as compact JWS (RFC 7515 §7.1) signed with Ed25519, alg EdDSA
 * (RFC 8037). The protected header carries alg, typ and the sender's code
 * as kid — a hint for logs only: the receiver picks the key from the pact
 * by the envelope's `from`, and a kid that disagrees is a refusal.
 */
export const JWS_ALG = 'EdDSA';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const signEnvelope = (envelope: Envelope, privateKey: KeyObject): Promise<string> =>
  new CompactSign(encoder.encode(JSON.stringify(envelope)))
    .setProtectedHeader({ alg: JWS_ALG, typ: MESSAGE_JWS_TYPE, kid: envelope.from })
    .sign(privateKey);

export const privateKeyOf = (jwk: JsonWebKey): KeyObject => createPrivateKey({ key: jwk, format: 'jwk' });

export const jwsDigest = (jws: string): string => createHash('sha256').update(jws).digest('hex');

export interface UnverifiedMessage {
  header: { alg?: unknown; typ?: unknown; kid?: unknown };
  /** The payload as JSON, NOT yet trusted: only to find whose key to check it with. */
  claimed: unknown;
}

/** Splits a compact JWS without trusting it; null when it is not one. */
export const readUnverified = (jws: string): UnverifiedMessage | null => {
  const parts = jws.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) return null;
  try {
    return { header: decodeProtectedHeader(jws), claimed: JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) };
  } catch {
    return null;
  }
};

/**
 * Verifies the signature with the pinned key (raw Ed25519, base64url) and
 * returns the verified payload parsed as JSON, or null when the signature
 * does not verify for that key.
 */
export const verifyWithPinnedKey = async (jws: string, pinnedKey: string): Promise<unknown | null> => {
  try {
    const { payload } = await compactVerify(jws, publicKeyFromRaw(pinnedKey), { algorithms: [JWS_ALG] });
    return JSON.parse(decoder.decode(payload));
  } catch {
    return null;
  }
};
