import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are hashed with Argon2id (RFC 9106) at the library's defaults,
 * which meet OWASP's minimum (19 MiB, 2 iterations). Session and API tokens
 * are 256-bit random strings; only their SHA-256 digest is stored.
 */
export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string): Promise<string> => hash(password);

// A real hash to verify against when the account does not exist, so that a
// missing account and a wrong password take the same time.
let decoy: Promise<string> | undefined;
export const verifyPassword = async (storedHash: string | null, password: string): Promise<boolean> => {
  decoy ??= hash('decoy-password-for-timing');
  if (!storedHash) {
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
};

export const newSecret = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

export const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const API_TOKEN_PREFIX = 'cnc_';
