import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonWebKey } from 'node:crypto';
import { AppError, generatePartyKeys } from '@concord/core';
import type { FieldKeys } from './field-cipher.ts';

/**
 * The node's secrets: AES-256 field keys and Ed25519 signing keys of the
 * jurisdictions it hosts. They come from the environment in production
 * (CONCORD_FIELD_KEYS, CONCORD_SIGNING_KEYS) or, for the embedded demo, from
 * files the node creates in CONCORD_KEY_DIR with mode 0600. Keys are never
 * logged and never stored in the database or the repository.
 */
export interface KeyStore {
  fieldKeys(): FieldKeys;
  /** Adds a new active field key (rotation); file-backed stores only. */
  addFieldKey(): string;
  /** The private signing key of a hosted jurisdiction, created on first use for file-backed stores. */
  signingKey(jurisdiction: string): JsonWebKey;
  publicKey(jurisdiction: string): string;
  hasSigningKey(jurisdiction: string): boolean;
}

interface FieldKeyFile {
  active: string;
  keys: Record<string, string>;
}

const writeSecret = (path: string, content: string) => {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
};

const parseFieldKeysEnv = (value: string): FieldKeyFile => {
  const entries = value.split(',').map((pair) => {
    const [kid, key] = pair.split(':') as [string, string];
    return [kid, key] as const;
  });
  return { active: entries[0]![0], keys: Object.fromEntries(entries) };
};

const toFieldKeys = (file: FieldKeyFile): FieldKeys => {
  const keys = new Map<string, Buffer>();
  for (const [kid, encoded] of Object.entries(file.keys)) {
    const key = Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64');
    if (key.length !== 32) throw new AppError('KEYS_INVALID', `Field key ${kid} is not 32 bytes`, { status: 500, params: { kid } });
    keys.set(kid, key);
  }
  if (!keys.has(file.active)) throw new AppError('KEYS_INVALID', `The active field key ${file.active} is missing`, { status: 500 });
  return { active: file.active, keys };
};

export const newKeyId = (now = new Date()): string => `k${now.toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(3).toString('hex')}`;

export const openKeyStore = (options: { keyDir: string; fieldKeysEnv?: string; signingKeysEnv?: string }): KeyStore => {
  const fieldPath = join(options.keyDir, 'field-keys.json');
  const signingDir = join(options.keyDir, 'signing');
  const envSigning: Record<string, JsonWebKey> = options.signingKeysEnv ? JSON.parse(options.signingKeysEnv) : {};

  const readFieldFile = (): FieldKeyFile => {
    if (options.fieldKeysEnv) return parseFieldKeysEnv(options.fieldKeysEnv);
    if (!existsSync(fieldPath)) {
      mkdirSync(options.keyDir, { recursive: true, mode: 0o700 });
      const kid = newKeyId();
      writeSecret(fieldPath, JSON.stringify({ active: kid, keys: { [kid]: randomBytes(32).toString('base64') } }, null, 2));
    }
    return JSON.parse(readFileSync(fieldPath, 'utf8')) as FieldKeyFile;
  };
  let field = toFieldKeys(readFieldFile());

  const signingPath = (jurisdiction: string) => join(signingDir, `${jurisdiction}.jwk.json`);

  const store: KeyStore = {
    fieldKeys: () => field,
    addFieldKey() {
      if (options.fieldKeysEnv) {
        throw new AppError('KEYS_FROM_ENVIRONMENT', 'Field keys come from CONCORD_FIELD_KEYS: put the new key first there and restart', { status: 409 });
      }
      const file = readFieldFile();
      const kid = newKeyId();
      file.keys[kid] = randomBytes(32).toString('base64');
      file.active = kid;
      writeSecret(fieldPath, JSON.stringify(file, null, 2));
      field = toFieldKeys(file);
      return kid;
    },
    hasSigningKey: (jurisdiction) => jurisdiction in envSigning || existsSync(signingPath(jurisdiction)),
    signingKey(jurisdiction) {
      const fromEnv = envSigning[jurisdiction];
      if (fromEnv) return fromEnv;
      const path = signingPath(jurisdiction);
      if (!existsSync(path)) {
        mkdirSync(signingDir, { recursive: true, mode: 0o700 });
        writeSecret(path, JSON.stringify(generatePartyKeys().privateKey));
      }
      return JSON.parse(readFileSync(path, 'utf8')) as JsonWebKey;
    },
    publicKey(jurisdiction) {
      const key = store.signingKey(jurisdiction);
      if (!key.x) throw new AppError('KEYS_INVALID', `The signing key of ${jurisdiction} has no public part`, { status: 500 });
      return key.x;
    },
  };
  return store;
};
