import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, keyIdOf, type FieldKeys } from './field-cipher.ts';

const keys: FieldKeys = { active: 'k1', keys: new Map([['k1', randomBytes(32)]]) };
const nonceOf = (ciphertext: string) => ciphertext.split(':')[3];

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips a value bound to its place, under the active key id', () => {
    const sealed = encryptField('Synthetic Person', keys, 'case_reports.patient_name.1');
    expect(keyIdOf(sealed)).toBe('k1');
    expect(decryptField(sealed, keys, 'case_reports.patient_name.1')).toBe('Synthetic Person');
    expect(() => decryptField(sealed, keys, 'case_reports.patient_name.2')).toThrow(expect.objectContaining({ code: 'KEYS_DECRYPT_FAILED' }));
  });

  it('never gives two values the same nonce, across the blocks nonces are drawn in', () => {
    const nonces = Array.from({ length: 3 * 4096 + 7 }, () => nonceOf(encryptField('same text', keys, 'same place')));
    expect(nonces.every((n) => Buffer.from(n!, 'base64url').length === 12)).toBe(true);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});
