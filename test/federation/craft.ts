import { randomUUID, type JsonWebKey } from 'node:crypto';
import { CompactSign } from 'jose';
import { ENVELOPE_VERSION, MESSAGE_JWS_TYPE, type Envelope } from '@concord/core/federation/index';
import { privateKeyOf, signEnvelope } from '@concord/server/modules/federation/envelope-jws';

/**
 * Messages made by hand, as a careless or hostile node would send them:
 * signed with any key, shaped any way, so that tests can prove each refusal.
 */
export const envelope = (fields: Partial<Envelope> & Pick<Envelope, 'type' | 'from' | 'to' | 'clauseId' | 'payload'>): Envelope => ({
  v: ENVELOPE_VERSION,
  id: randomUUID(),
  pactId: 'eac-health-security-pact',
  pactVersion: 2,
  decisionId: randomUUID(),
  createdAt: '2026-01-05T08:00:00.000Z',
  ...fields,
});

export const sign = (message: Envelope, key: JsonWebKey) => signEnvelope(message, privateKeyOf(key));

/** Signed, then one character of the payload changed: the signature no longer covers what is read. */
export const tamper = (jws: string): string => {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const text = Buffer.from(payload, 'base64url').toString('utf8').replace('"level":3', '"level":4').replace('"level":2', '"level":3');
  return [header, Buffer.from(text, 'utf8').toString('base64url'), signature].join('.');
};

/** A JWS whose header says a key id other than the sender. */
export const signWithKid = (message: Envelope, key: JsonWebKey, kid: string) =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(message))).setProtectedHeader({ alg: 'EdDSA', typ: MESSAGE_JWS_TYPE, kid }).sign(privateKeyOf(key));

export const alertPayload = (level: number, extra: Record<string, unknown> = {}) => ({
  alertId: `alert-${randomUUID().slice(0, 8)}`,
  party: 'KE',
  disease: 'cholera',
  level,
  title: 'Cholera cluster on the lake shore (synthetic)',
  detectedAt: '2026-01-05T07:00:00Z',
  ...extra,
});

export const CASE_REPORTS = [
  { clientId: 'ke-c-001', age: 34, sex: 'female', area: 'KE-17', onsetDate: '2026-01-02', classification: 'confirmed', patientName: 'Synthetic Person One', phone: '+254700000001', nationalId: '00000001', village: 'Dunga' },
  { clientId: 'ke-c-002', age: 7, sex: 'male', area: 'KE-17', onsetDate: '2026-01-03', classification: 'probable', patientName: 'Synthetic Person Two', phone: '+254700000002', nationalId: '00000002', village: 'Nyamasaria' },
];
