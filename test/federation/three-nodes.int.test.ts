import { generatePartyKeys } from '@concord/core';
import { openKeyStore } from '@concord/server/keys/key-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../support/database.ts';
import { demoEmail } from '../support/test-node.ts';
import { alertPayload, CASE_REPORTS, envelope, sign, tamper } from './craft.ts';
import { eventually, startFederation, type Federation } from './nodes.ts';

/**
 * The hub and two country nodes as separate processes on loopback ports,
 * each with its own database and key, given the pact of a signing ceremony.
 */
let federation: Federation;
let auth: Record<'EAC' | 'KE' | 'UG', { authorization: string }>;

beforeAll(async () => {
  federation = await startFederation(['EAC', 'KE', 'UG']);
  const [hub, ke, ug] = await Promise.all([
    federation.signIn('EAC', demoEmail('hub')),
    federation.signIn('KE', demoEmail('nfp.ke')),
    federation.signIn('UG', demoEmail('nfp.ug')),
  ]);
  auth = { EAC: hub, KE: ke, UG: ug };
}, 180_000);
afterAll(() => federation?.close(), 60_000);

type Code = keyof typeof auth;
const api = async (code: Code, path: string, body?: unknown) => {
  const response = await fetch(`${federation.nodes[code]!.url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...auth[code], ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};
const post = async (code: Code, jws: string) => {
  const response = await fetch(`${federation.nodes[code]!.url}/federation/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: jws });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};
const inbox = async (code: Code) => (await api(code, '/federation/inbox?limit=1000')).body.messages as { id: string }[];
const alertsAt = async (code: Code) => (await api(code, '/federation/received/alerts?limit=1000')).body.alerts as Record<string, any>[];
const outboxOf = async (code: Code) => (await api(code, '/federation/outbox?limit=1000')).body.messages as Record<string, any>[];
const kenyaKey = () => openKeyStore({ keyDir: federation.nodes.KE!.keyDir }).signingKey('KE');
const raise = (level: number, title: string, to: string[], extra: Record<string, unknown> = {}) =>
  api('KE', '/federation/alerts', { disease: 'cholera', level, title: `${title} (synthetic)`, to, ...extra });

describe(`three nodes on loopback (${testDbKind()})`, () => {
  it('deliver an alert from Kenya to the hub and Uganda, each shaped by the pact', async () => {
    const raised = await raise(3, 'Cholera on the lake shore', ['EAC', 'UG'], { cases: 12, caseReports: CASE_REPORTS });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const alertId = raised.body.alertId as string;
    const atUganda = await eventually('the alert at UG', async () => (await alertsAt('UG')).find((a) => a.alertId === alertId));
    const atHub = await eventually('the alert at EAC', async () => (await alertsAt('EAC')).find((a) => a.alertId === alertId));
    expect(atUganda).toMatchObject({ sender: 'KE', level: 3, caseReportsWithheld: 0 });
    expect(atUganda.caseReports).toHaveLength(2);
    expect(JSON.stringify(atUganda.caseReports)).not.toMatch(/patientName|phone|village|Synthetic Person/);
    expect(atHub).toMatchObject({ caseReports: null, caseReportsWithheld: 2 });
    // The sender books the delivery once the receiver's answer is back, a moment after the receiver stored it.
    const sent = await eventually('both marked delivered', async () => {
      const mine = (await outboxOf('KE')).filter((m) => raised.body.messages.some((r: { id: string }) => r.id === m.id));
      return mine.every((m) => m.status === 'delivered') ? mine : undefined;
    });
    expect(sent).toHaveLength(2);
    const { peers } = (await api('KE', '/federation/peers')).body;
    expect(peers.filter((p: { hostedHere: boolean }) => p.hostedHere).map((p: { code: string }) => p.code)).toEqual(['KE']);
    expect(peers.find((p: { code: string }) => p.code === 'UG')).toMatchObject({ url: federation.nodes.UG!.url, failures: 0, backlog: 0 });
  });

  it('deliver everything exactly once to a node that was stopped for 30 s', async () => {
    await federation.stop('UG');
    const stoppedAt = Date.now();
    const sent: { id: string; to: string }[] = [];
    const alertIds: string[] = [];
    const send = async (level: number, title: string) => {
      const raised = await raise(level, title, ['EAC', 'UG']);
      expect(raised.status, JSON.stringify(raised.body)).toBe(201);
      sent.push(...raised.body.messages);
      alertIds.push(raised.body.alertId);
    };
    await send(2, 'While Uganda is down, one');
    await send(3, 'While Uganda is down, two');
    await send(2, 'While Uganda is down, three');
    // The hub is unaffected: its copies arrive while Uganda's wait.
    await eventually('the hub copies', async () => ((await alertsAt('EAC')).filter((a) => alertIds.includes(a.alertId)).length === 3 ? true : undefined));
    const waiting = await eventually('a failed attempt to UG', async () => {
      const pending = (await outboxOf('KE')).filter((m) => m.recipient === 'UG' && m.status === 'pending');
      return pending.some((m) => m.attempts >= 1 && m.lastError) ? pending : undefined;
    });
    expect(waiting).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 15_000 - (Date.now() - stoppedAt)));
    await send(2, 'While Uganda is down, four');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 30_000 - (Date.now() - stoppedAt))));
    expect((await api('KE', '/federation/peers')).body.peers.find((p: { code: string }) => p.code === 'UG')).toMatchObject({ backlog: 4 });

    await federation.start('UG');
    const toUganda = sent.filter((m) => m.to === 'UG').map((m) => m.id);
    await eventually('all four at UG', async () => {
      const ids = (await inbox('UG')).map((m) => m.id);
      return toUganda.every((id) => ids.includes(id)) ? true : undefined;
    });
    const ids = (await inbox('UG')).map((m) => m.id);
    expect(ids.filter((id) => toUganda.includes(id))).toHaveLength(4);
    expect(new Set(ids).size).toBe(ids.length);
    const alerts = (await alertsAt('UG')).filter((a) => alertIds.includes(a.alertId));
    expect(alerts).toHaveLength(4);
    expect(alerts.every((a) => a.messages === 1)).toBe(true);
    const outbox = await eventually('all marked delivered', async () => {
      const mine = (await outboxOf('KE')).filter((m) => toUganda.includes(m.id));
      return mine.every((m) => m.status === 'delivered') ? mine : undefined;
    });
    expect(outbox.some((m) => m.attempts > 1)).toBe(true);
    expect(outbox).toHaveLength(4);
    expect((await api('KE', '/federation/peers')).body.peers.find((p: { code: string }) => p.code === 'UG')).toMatchObject({ failures: 0, backlog: 0 });

    // A redelivery (as after a lost answer) is acknowledged and applies nothing.
    const signed = (await api('KE', `/federation/outbox/${toUganda[0]}`)).body.jws as string;
    expect(await post('UG', signed)).toMatchObject({ status: 200, body: { id: toUganda[0], status: 'duplicate' } });
    expect((await alertsAt('UG')).filter((a) => alertIds.includes(a.alertId)).every((a) => a.messages === 1)).toBe(true);
  }, 120_000);

  it('refuse a tampered signature, an unknown sender and what no clause permits, keeping only the refusal', async () => {
    const before = { inbox: (await inbox('UG')).length, alerts: (await alertsAt('UG')).length };
    const tampered = envelope({ type: 'alert', from: 'KE', to: 'UG', clauseId: 'regional-escalation', pactVersion: 2, payload: alertPayload(3) });
    expect(await post('UG', tamper(await sign(tampered, kenyaKey())))).toMatchObject({ status: 401, body: { code: 'FEDERATION_SIGNATURE_INVALID' } });
    const stranger = envelope({ type: 'alert', from: 'ZM', to: 'UG', clauseId: 'regional-escalation', payload: alertPayload(3, { party: 'ZM' }) });
    expect(await post('UG', await sign(stranger, generatePartyKeys().privateKey))).toMatchObject({ status: 403, body: { code: 'FEDERATION_UNKNOWN_SENDER' } });
    const unpermitted = envelope({ type: 'alert', from: 'KE', to: 'UG', clauseId: 'regional-escalation', payload: alertPayload(1) });
    expect(await post('UG', await sign(unpermitted, kenyaKey()))).toMatchObject({ status: 403, body: { code: 'FEDERATION_NOT_PERMITTED' } });

    const { refusals } = (await api('UG', '/federation/refusals')).body;
    for (const [message, code] of [
      [tampered, 'FEDERATION_SIGNATURE_INVALID'],
      [stranger, 'FEDERATION_UNKNOWN_SENDER'],
      [unpermitted, 'FEDERATION_NOT_PERMITTED'],
    ] as const) {
      expect(refusals.filter((r: { messageId: string }) => r.messageId === message.id)).toEqual([expect.objectContaining({ code })]);
    }
    expect((await inbox('UG')).length).toBe(before.inbox);
    expect((await alertsAt('UG')).length).toBe(before.alerts);

    // Kenya's own node refuses the same level-1 alert: it never leaves its outbox.
    const refused = await raise(1, 'Watch', ['UG']);
    expect(refused).toMatchObject({ status: 403, body: { code: 'FEDERATION_NOT_PERMITTED' } });
    const id = refused.body.params.messageId as string;
    expect((await outboxOf('KE')).find((m) => m.id === id)).toMatchObject({ status: 'refused', attempts: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await inbox('UG')).map((m) => m.id)).not.toContain(id);
    expect((await api('UG', '/federation/refusals')).body.refusals.map((r: { messageId: string }) => r.messageId)).not.toContain(id);
  });
});
