import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from './key-fingerprint.ts';

describe('keyFingerprint', () => {
  it('is SHA-256 over the raw key bytes, in unpadded base64', async () => {
    const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    const raw = Buffer.from(jwk.x!, 'base64url');
    expect(raw).toHaveLength(32);
    const expected = `SHA256:${createHash('sha256').update(raw).digest('base64').replace(/=+$/, '')}`;
    await expect(keyFingerprint(jwk.x!)).resolves.toBe(expected);
  });

  it('differs for different keys', async () => {
    const a = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
    const b = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
    expect(await keyFingerprint(a)).not.toBe(await keyFingerprint(b));
  });
});
