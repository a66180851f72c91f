/**
 * `npm run bench -- federation [--messages=N]`: two nodes (KE sending, UG
 * receiving) on loopback, each with its own embedded database and key,
 * given the pact of a signing ceremony — the demo's set-up. Measured end to
 * end, from `send` on Kenya's node (decide, shape, sign, outbox row) to the
 * moment Uganda's handler applies the message (delivery, pinned-key check,
 * re-decision, inbox row):
 *   - latency, one message at a time: p50 and p99;
 *   - throughput, a burst of N messages: messages per second.
 * Beside a yardstick in the same process: a bare HTTP POST of the same
 * signed bytes to a server that only answers 200, one at a time (p50/p99)
 * and back to back (per second). The ratios are what the federation adds to
 * a round trip on the same wire.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startNode, systemActor, type RunningNode } from '@concord/server';
import { signingCeremony } from '@concord/server/seed/federation-ceremony';
import type { Benchmark } from './registry.ts';

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

const freePorts = async (count: number) => {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(servers.map(listen));
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
};

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

const fmt = (n: number, digits = 1) => n.toFixed(digits);

const startPair = async (root: string) => {
  const ports = await freePorts(2);
  const nodes = ['KE', 'UG'].map((code, i) => ({ code, port: ports[i]!, url: `http://127.0.0.1:${ports[i]}`, keyDir: join(root, code, 'keys') }));
  const bundlePath = join(root, 'bundle.json');
  writeFileSync(bundlePath, JSON.stringify(signingCeremony(nodes, { signedAt: new Date() })));
  const running = await Promise.all(
    nodes.map((node) =>
      startNode(
        loadConfig({
          PORT: String(node.port),
          HOST: '127.0.0.1',
          CONCORD_PUBLIC_URL: node.url,
          CONCORD_NODE: node.code,
          CONCORD_DATA_DIR: join(root, node.code, 'data'),
          CONCORD_KEY_DIR: node.keyDir,
          CONCORD_PACT_BUNDLE: bundlePath,
          LOG_LEVEL: 'silent',
        }),
      ),
    ),
  );
  await Promise.all(running.map((node) => node.ready));
  return running as [RunningNode, RunningNode];
};

export const federationBenchmark: Benchmark = async (flags) => {
  const count = Number(flags.find((f) => f.startsWith('--messages='))?.split('=')[1] ?? 300);
  const root = mkdtempSync(join(tmpdir(), 'concord-bench-federation-'));
  const [kenya, uganda] = await startPair(root);
  const bare = createServer((request, response) => {
    request.resume().on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}'));
  });
  const barePort = await listen(bare);
  try {
    const waiting = new Map<string, () => void>();
    const arrived = new Set<string>();
    uganda.services.federation.onReceive('alert', async (_tx, message) => {
      arrived.add(message.envelope.id);
      waiting.get(message.envelope.id)?.();
    });
    const actor = systemActor('bench', 'KE');
    let serial = 0;
    const send = async () => {
      serial += 1;
      const payload = { alertId: `bench-${serial}`, party: 'KE', disease: 'cholera', level: 2, title: `Benchmark alert ${serial} (synthetic)`, detectedAt: new Date().toISOString() };
      const [result] = await kenya.services.federation.sendNow(actor, [{ type: 'alert', to: 'UG', payload }]);
      if (result?.status !== 'pending') throw new Error(`the benchmark message was refused: ${result?.reasons.join(' ')}`);
      return result.id;
    };
    const arrival = (id: string) => (arrived.has(id) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(id, resolve)));

    // Warm-up: first decisions, key imports, connections.
    for (let i = 0; i < 20; i++) await arrival(await send());

    const latencies: number[] = [];
    for (let i = 0; i < Math.min(count, 200); i++) {
      const start = performance.now();
      const id = await send();
      await arrival(id);
      latencies.push(performance.now() - start);
    }

    const burstStart = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await send());
    await Promise.all(ids.map(arrival));
    const burstSeconds = (performance.now() - burstStart) / 1000;

    // The same signed bytes, posted to a server that only says 200.
    const [signed] = await kenya.db.query<{ jws: string }>('SELECT jws FROM federation_outbox WHERE id = $1', [ids[0]]);
    const sample = signed!.jws;
    const post = () => fetch(`http://127.0.0.1:${barePort}/federation/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: sample }).then((r) => r.text());
    for (let i = 0; i < 20; i++) await post();
    const bareLatencies: number[] = [];
    for (let i = 0; i < Math.min(count, 200); i++) {
      const start = performance.now();
      await post();
      bareLatencies.push(performance.now() - start);
    }
    const bareStart = performance.now();
    for (let i = 0; i < count; i++) await post();
    const bareSeconds = (performance.now() - bareStart) / 1000;

    const rate = count / burstSeconds;
    const bareRate = count / bareSeconds;
    const [p50, p99, b50, b99] = [quantile(latencies, 0.5), quantile(latencies, 0.99), quantile(bareLatencies, 0.5), quantile(bareLatencies, 0.99)];
    console.log(`message: alert KE → UG, ${sample.length} bytes signed; ${count} messages, two nodes on loopback, embedded databases`);
    console.log(`federation end to end   ${fmt(rate).padStart(8)} msg/s   p50 ${fmt(p50, 2).padStart(7)} ms   p99 ${fmt(p99, 2).padStart(7)} ms`);
    console.log(`bare HTTP POST          ${fmt(bareRate).padStart(8)} req/s   p50 ${fmt(b50, 2).padStart(7)} ms   p99 ${fmt(b99, 2).padStart(7)} ms`);
    console.log(`ratio                   ${fmt(bareRate / rate).padStart(8)}× slower  p50 ${fmt(p50 / b50).padStart(6)}×    p99 ${fmt(p99 / b99).padStart(6)}×`);
    const inbox = await uganda.db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM federation_inbox');
    console.log(`check: ${inbox[0]!.n} messages in Uganda's inbox (${20 + latencies.length + count} sent), each once`);
  } finally {
    await new Promise((done) => bare.close(done));
    await Promise.all([kenya.close(), uganda.close()]);
    rmSync(root, { recursive: true, force: true });
  }
};
