import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '@concord/core';

/**
 * Field-level encryption of personal data at rest: AES-256-GCM (NIST SP
 * 800-38D) with a fresh 96-bit nonce per value and the key id stored beside
 * the ciphertext, so keys can rotate while old values stay readable.
 *
 * Format: `enc:v1:<kid>:<nonce b64url>:<tag b64url>:<ciphertext b64url>`.
 * The associated data binds a value to its place (table, column, row), so a
 * ciphertext copied into another row does not decrypt.
 */
export interface FieldKeys {
  /** The key new values are encrypted with. */
  active: string;
  keys: ReadonlyMap<string, Buffer>;
}

const PREFIX = 'enc:v1:';

export const isEncrypted = (value: string): boolean => value.startsWith(PREFIX);

export const keyIdOf = (ciphertext: string): string => ciphertext.slice(PREFIX.length).split(':', 1)[0]!;

/**
 * Nonces come from the CSPRNG in blocks of 4 096 rather than one system call
 * per value: a batch of line-list records encrypts tens of thousands of
 * fields, and one `randomBytes(12)` per field was the slowest step of
 * ingest. Each nonce is used once; a block is never refilled in place.
 */
const NONCES_PER_BLOCK = 4096;
let nonceBlock = Buffer.alloc(0);
let nonceOffset = 0;
const freshNonce = (): Buffer => {
  if (nonceOffset + 12 > nonceBlock.length) {
    nonceBlock = randomBytes(12 * NONCES_PER_BLOCK);
    nonceOffset = 0;
  }
  const nonce = nonceBlock.subarray(nonceOffset, nonceOffset + 12);
  nonceOffset += 12;
  return nonce;
};

export const encryptField = (plaintext: string, keys: FieldKeys, context: string): string => {
  const key = keys.keys.get(keys.active);
  if (!key) throw new AppError('KEYS_ACTIVE_MISSING', `The active field key ${keys.active} is not loaded`, { status: 500 });
  const nonce = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${keys.active}:${nonce.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
};

export const decryptField = (ciphertext: string, keys: FieldKeys, context: string): string => {
  if (!isEncrypted(ciphertext)) throw new AppError('KEYS_NOT_ENCRYPTED', 'The value is not an encrypted field', { status: 500 });
  const [kid, nonce, tag, body] = ciphertext.slice(PREFIX.length).split(':');
  const key = kid ? keys.keys.get(kid) : undefined;
  if (!key || nonce === undefined || tag === undefined || body === undefined) {
    throw new AppError('KEYS_UNKNOWN_KEY', `No field key ${kid ?? '?'} is loaded to decrypt this value`, { status: 500, params: { kid } });
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new AppError('KEYS_DECRYPT_FAILED', 'A stored value failed its integrity check', { status: 500, params: { kid }, cause });
  }
};
