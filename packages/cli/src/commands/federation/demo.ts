import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { generatePartyKeys } from '@concord/core';
import { ENVELOPE_VERSION } from '@concord/core/federation/index';
import { privateKeyOf, signEnvelope } from '@concord/server/modules/federation/envelope-jws';
import { signingCeremony } from '@concord/server/seed/federation-ceremony';
import { CliExit, type CliIo } from '../../io.ts';
import { call, signIn, waitFor, type Answer } from './demo-client.ts';
import { openCholeraEvent, raiseEventLevel, shareStock, type DemoStep } from './demo-domain.ts';
import { freePorts, startNodeProcess, type NodeProcess } from './node-process.ts';

const PACT = 'eac-health-security-pact';
const CODES = ['EAC', 'KE', 'UG'] as const;
type Code = (typeof CODES)[number];
const email = (local: string) => `${local}@demo.concord.example`;

/** Two synthetic line-list records, identifiers included, so the demo shows them being dropped. */
const CASE_REPORTS = [
  { clientId: 'ke-demo-001', age: 34, sex: 'female', area: 'KE-17', onsetDate: '2026-01-02', classification: 'confirmed', patientName: 'Synthetic Person One', phone: '+254700000001', village: 'Dunga' },
  { clientId: 'ke-demo-002', age: 7, sex: 'male', area: 'KE-17', onsetDate: '2026-01-03', classification: 'probable', patientName: 'Synthetic Person Two', phone: '+254700000002', village: 'Nyamasaria' },
];

interface DemoNode {
  code: Code;
  url: string;
  process?: NodeProcess;
}

const list = (answer: Answer, key: string) => (answer.body[key] ?? []) as Record<string, unknown>[];

export const registerFederationDemo = (federation: Command, io: CliIo) => {
  federation
    .command('demo')
    .description('start the hub (EAC) and two country nodes (KE, UG) on loopback ports, each with its own database and key; send an alert and a stock sharing request from Kenya')
    .option('--check', 'run unattended; exit 0 only when every step worked')
    .option('--keep', 'keep the temporary directory (databases, keys, bundle) afterwards')
    .action((options: { check?: boolean; keep?: boolean }) => runDemo(io, { check: Boolean(options.check), keep: Boolean(options.keep) }));
};

const runDemo = async (io: CliIo, options: { check: boolean; keep: boolean }) => {
  const say = (line = '') => io.stdout.write(`${line}\n`);
  const problems: string[] = [];
  const expect = (ok: boolean, text: string) => {
    say(`    ${ok ? 'ok  ' : 'FAIL'} ${text}`);
    if (!ok) problems.push(text);
  };
  const root = mkdtempSync(join(tmpdir(), 'concord-federation-demo-'));
  const password = io.env.CONCORD_DEMO_PASSWORD ?? 'concord-demo';
  const ports = await freePorts(CODES.length);
  const nodes: DemoNode[] = CODES.map((code, i) => ({ code, url: `http://127.0.0.1:${ports[i]}` }));
  const node = (code: Code) => nodes.find((n) => n.code === code)!;
  try {
    say('1. Signing ceremony');
    const bundle = signingCeremony(
      nodes.map((n) => ({ code: n.code, url: n.url, keyDir: join(root, n.code, 'keys') })),
      { signedAt: new Date() },
    );
    const bundlePath = join(root, 'pact-bundle.json');
    writeFileSync(bundlePath, JSON.stringify(bundle, null, 2));
    say(`   Each node's Ed25519 key was generated in its own key directory; the other partner states' keys only for the ceremony.`);
    say(`   The ministries and the hub signed ${bundle.versions.length} versions of ${PACT} (${bundle.versions[0]!.signatures.length} signatures each).`);
    say(`   Bundle: ${bundlePath}`);

    say('2. Starting the nodes (each verifies every signature of the bundle before taking it as its pact)');
    const started = await Promise.allSettled(
      nodes.map(async (n) => {
        n.process = await startNodeProcess({
          CONCORD_NODE: n.code,
          PORT: String(ports[CODES.indexOf(n.code)]),
          HOST: '127.0.0.1',
          CONCORD_PUBLIC_URL: n.url,
          CONCORD_DATA_DIR: join(root, n.code, 'data'),
          CONCORD_KEY_DIR: join(root, n.code, 'keys'),
          CONCORD_PACT_BUNDLE: bundlePath,
          CONCORD_DEMO: 'true',
          CONCORD_DEMO_PASSWORD: password,
        });
      }),
    );
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    for (const n of nodes) say(`   ${n.code.padEnd(3)} ${n.url}`);

    const token = async (code: Code, local: string) => signIn(node(code).url, email(local), password);
    const [ke, ug, hub] = await Promise.all([token('KE', 'nfp.ke'), token('UG', 'nfp.ug'), token('EAC', 'hub')]);

    const tokens: Record<Code, string> = { EAC: hub, KE: ke, UG: ug };
    for (const n of nodes) {
      // A session is a node's own: each ministry signs in at its own node.
      const state = await call(n.url, `/api/v1/pacts/${PACT}`, { token: tokens[n.code] });
      const status = state.body.status as { state?: string; version?: number } | undefined;
      expect(status?.state === 'in-force', `${n.code} holds the pact in force (version ${status?.version ?? '?'})`);
    }
    const peers = list(await call(node('KE').url, '/api/v1/federation/peers', { token: ke }), 'peers');
    const served = peers.filter((p) => p.hostedHere).map((p) => p.code);
    expect(served.length === 1 && served[0] === 'KE', `the KE node speaks only for KE (it holds no other key); its peers are the hub and the other parties`);

    const step: DemoStep = { say, expect, url: (code) => node(code as Code).url, token: (code) => tokens[code as Code] };
    say('3. Kenya records a cholera event, confirms it and assesses the risk high (alert level 3); it raises the event as an alert,');
    say('   with two line-list records, to the hub and Uganda');
    const eventId = await openCholeraEvent(step);
    const raised = await call(node('KE').url, '/api/v1/federation/alerts', {
      token: ke,
      body: { alertId: eventId, disease: 'cholera', level: 3, title: 'Cholera on the Kisumu lake shore (synthetic demo)', cases: 12, deaths: 1, caseReports: CASE_REPORTS, to: ['EAC', 'UG'] },
    });
    expect(raised.status === 201, `Kenya's node decided and queued one signed message per recipient (${raised.status})`);
    const alertId = raised.body.alertId as string;
    const received = (code: Code, who: string) =>
      waitFor(`the alert at ${code}`, async () => list(await call(node(code).url, '/api/v1/federation/received/alerts', { token: who }), 'alerts').find((a) => a.alertId === alertId));
    const [atHub, atUganda] = await Promise.all([received('EAC', hub), received('UG', ug)]);
    say(`   The hub received it: level ${atHub.level}, ${atHub.cases} cases; line list withheld (${atHub.caseReportsWithheld} records): no clause lets case reports go to the hub.`);
    expect(atHub.caseReports === null && atHub.caseReportsWithheld === 2, 'the hub has the alert without the line list');
    const reports = (atUganda.caseReports ?? []) as Record<string, unknown>[];
    say(`   Uganda received it with ${reports.length} line-list records, fields: ${[...new Set(reports.flatMap((r) => Object.keys(r)))].sort().join(', ')}`);
    expect(reports.length === 2 && !JSON.stringify(reports).match(/patientName|phone|village|Synthetic Person/), 'Uganda has the line list, names, phones and villages dropped (clause case-reports-lake-victoria-outbreak)');
    // Kenya books each delivery when Uganda's and the hub's answers are back, a moment after they stored it.
    const delivered = await waitFor('both deliveries booked', async () => {
      const outbox = list(await call(node('KE').url, '/api/v1/federation/outbox?type=alert', { token: ke }), 'messages');
      return outbox.filter((m) => m.status === 'delivered').length === 2 ? true : undefined;
    }).catch(() => false);
    expect(delivered, "Kenya's outbox shows both messages delivered");

    say('4. What the pact does not allow does not travel');
    const watch = await call(node('KE').url, '/api/v1/federation/alerts', { token: ke, body: { disease: 'cholera', level: 1, title: 'Watch (synthetic demo)', to: ['UG'] } });
    say(`   A level-1 alert to Uganda: ${watch.status} ${watch.body.code} — at level 1 the playbook tells only the hub.`);
    const refused = list(await call(node('KE').url, '/api/v1/federation/outbox?status=refused', { token: ke }), 'messages');
    expect(
      watch.status === 403 && watch.body.code === 'FEDERATION_NOT_PERMITTED' && refused.some((m) => m.id === watch.body.params?.messageId),
      "refused by Kenya's own node, kept in its outbox as refused, never signed",
    );
    const forged = await forgeMessage(node('UG').url);
    say(`   A message claiming to be from Kenya, signed with a key the pact does not list: ${forged.status} ${forged.body.code}`);
    const refusals = list(await call(node('UG').url, '/api/v1/federation/refusals', { token: ug }), 'refusals');
    expect(
      forged.status === 401 && forged.body.code === 'FEDERATION_SIGNATURE_INVALID' && refusals.some((r) => r.code === 'FEDERATION_SIGNATURE_INVALID'),
      "refused by Uganda's node and logged in its refusals",
    );

    say('5. Weekly counts from Kenya to the hub, small cells suppressed before they leave');
    const counts = await call(node('KE').url, '/api/v1/federation/outbox', {
      token: ke,
      body: {
        type: 'aggregate-submission',
        to: 'EAC',
        payload: {
          submissionId: 'ke-demo-week',
          party: 'KE',
          disease: 'cholera',
          granularity: { place: 'admin1', time: 'day' },
          periodStart: '2025-12-29',
          periodEnd: '2026-01-04',
          cells: [
            { area: 'KE-17', period: '2025-12-29', count: 4 },
            { area: 'KE-17', period: '2025-12-31', count: 5 },
            { area: 'KE-30', period: '2026-01-02', count: 3 },
          ],
        },
      },
    });
    expect(counts.status === 201, 'queued under clause weekly-aggregates-to-hub');
    const aggregate = await waitFor('the counts at the hub', async () =>
      list(await call(node('EAC').url, '/api/v1/federation/received/aggregates?party=KE', { token: hub }), 'aggregates')[0],
    );
    say(`   The hub received: ${JSON.stringify(aggregate.cells)}`);
    expect(aggregate.time === 'week' && aggregate.suppressedCells === 1, 'days summed into the ISO week; the count of 3 (below 5) suppressed');

    say('6. Kenya asks Uganda for oral rehydration salts; the pact names the hub to decide');
    await shareStock(step);

    say("7. Kenya's risk assessment raises the event to alert level 4; the alert's recipients are told");
    await raiseEventLevel(step, eventId);

    if (!options.check) {
      say();
      say('The three nodes keep running. Sign in with the demo password at each:');
      for (const n of nodes) say(`  ${n.code.padEnd(3)} ${n.url}   ${n.code === 'EAC' ? email('hub') : email(`nfp.${n.code.toLowerCase()}`)}`);
      say('Stop with Ctrl+C.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    }
  } finally {
    await Promise.all(nodes.map((n) => n.process?.stop()));
    if (options.keep) say(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
  if (problems.length > 0) throw new CliExit(1, `federation demo: ${problems.length} check(s) failed: ${problems.join('; ')}`);
  say('Federation demo: every check passed.');
};

/** An impostor's message: well formed, claims Kenya, signed with a key of its own. */
const forgeMessage = async (url: string): Promise<Answer> => {
  const impostor = generatePartyKeys();
  const jws = await signEnvelope(
    {
      v: ENVELOPE_VERSION,
      id: randomUUID(),
      type: 'alert',
      from: 'KE',
      to: 'UG',
      pactId: PACT,
      pactVersion: 2,
      clauseId: 'regional-escalation',
      decisionId: randomUUID(),
      createdAt: new Date().toISOString(),
      payload: { alertId: 'forged', party: 'KE', disease: 'ebola', level: 4, title: 'Forged alert', detectedAt: new Date().toISOString() },
    },
    privateKeyOf(impostor.privateKey),
  );
  return call(url, '/federation/v1/messages', { body: jws, contentType: 'application/jose' });
};
