import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatePartyKeys } from '@concord/core';
import { ENVELOPE_VERSION, MESSAGE_JWS_TYPE, type Envelope } from '@concord/core/federation/index';
import { jwsDigest, privateKeyOf, readUnverified, signEnvelope, verifyWithPinnedKey } from './envelope-jws.ts';

const kenya = generatePartyKeys();
const stranger = generatePartyKeys();

const envelope: Envelope = {
  v: ENVELOPE_VERSION,
  id: randomUUID(),
  type: 'alert',
  from: 'KE',
  to: 'UG',
  pactId: 'eac-health-security-pact',
  pactVersion: 2,
  clauseId: 'regional-escalation',
  decisionId: randomUUID(),
  createdAt: '2026-01-05T08:00:00.000Z',
  payload: { alertId: 'a-1', party: 'KE', disease: 'cholera', level: 3, title: 'Cholera', detectedAt: '2026-01-05T07:00:00Z' },
};

describe('signed envelopes', () => {
  it('are compact JWS with EdDSA, the Concord type and the sender as key id', async () => {
    const jws = await signEnvelope(envelope, privateKeyOf(kenya.privateKey));
    expect(jws.split('.')).toHaveLength(3);
    const read = readUnverified(jws);
    expect(read?.header).toEqual({ alg: 'EdDSA', typ: MESSAGE_JWS_TYPE, kid: 'KE' });
    expect(read?.claimed).toEqual(envelope);
  });

  it('verify with the pinned key and give back exactly what was signed', async () => {
    const jws = await signEnvelope(envelope, privateKeyOf(kenya.privateKey));
    expect(await verifyWithPinnedKey(jws, kenya.publicKey)).toEqual(envelope);
  });

  it('do not verify with another key, after any change, or with the signature of another message', async () => {
    const jws = await signEnvelope(envelope, privateKeyOf(kenya.privateKey));
    expect(await verifyWithPinnedKey(jws, stranger.publicKey)).toBeNull();
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const changed = Buffer.from(JSON.stringify({ ...envelope, to: 'TZ' })).toString('base64url');
    expect(await verifyWithPinnedKey([header, changed, signature].join('.'), kenya.publicKey)).toBeNull();
    const other = await signEnvelope({ ...envelope, id: randomUUID() }, privateKeyOf(kenya.privateKey));
    expect(await verifyWithPinnedKey([header, payload, other.split('.')[2]].join('.'), kenya.publicKey)).toBeNull();
    expect(await verifyWithPinnedKey(`${header}.${payload}.`, kenya.publicKey)).toBeNull();
  });

  it('refuse what is not a compact JWS without throwing, and digest every byte', () => {
    for (const text of ['', 'a.b', 'a.b.c.d', 'not base64!.x.y', 'e30.bm90IGpzb24.sig']) expect(readUnverified(text)).toBeNull();
    expect(jwsDigest('a.b.c')).toMatch(/^[0-9a-f]{64}$/);
    expect(jwsDigest('a.b.c')).not.toBe(jwsDigest('a.b.d'));
  });

  it('refuse an unsigned JWS (alg none) even when the payload is genuine', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: MESSAGE_JWS_TYPE, kid: 'KE' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(envelope)).toString('base64url');
    expect(await verifyWithPinnedKey(`${header}.${payload}.`, kenya.publicKey)).toBeNull();
  });
});
