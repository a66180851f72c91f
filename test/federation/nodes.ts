import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { signingCeremony } from '@concord/server/seed/federation-ceremony';
import { testDbKind } from '../support/database.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { databaseUrl, TEST_PASSWORD } from '../support/template.ts';

/**
 * Separate `concord serve` processes, one per jurisdiction, each with its
 * own database (a PGlite directory, or an empty PostgreSQL database on the
 * postgres tier), its own key directory and a loopback port that the pact
 * names. They are given the bundle of a signing ceremony, as in the demo.
 */
export interface FederationNode {
  code: string;
  url: string;
  keyDir: string;
  env: Record<string, string>;
  process?: ServerProcess;
}

const freePorts = async (count: number): Promise<number[]> => {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
};

const adminQuery = async (sql: string) => {
  const admin = new pg.Client({ connectionString: process.env.CONCORD_TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
};

export interface Federation {
  nodes: Record<string, FederationNode>;
  /** Signs in at a node (sessions are each node's own) and returns the bearer header. */
  signIn(code: string, email: string): Promise<{ authorization: string }>;
  start(code: string): Promise<void>;
  stop(code: string): Promise<void>;
  close(): Promise<void>;
}

export const startFederation = async (codes: readonly string[]): Promise<Federation> => {
  const root = mkdtempSync(join(tmpdir(), 'concord-federation-test-'));
  const ports = await freePorts(codes.length);
  const databases: string[] = [];
  const nodes: Record<string, FederationNode> = {};
  codes.forEach((code, i) => {
    nodes[code] = { code, url: `http://127.0.0.1:${ports[i]}`, keyDir: join(root, code, 'keys'), env: {} };
  });
  const bundle = signingCeremony(Object.values(nodes), { signedAt: new Date() });
  const bundlePath = join(root, 'pact-bundle.json');
  writeFileSync(bundlePath, JSON.stringify(bundle));
  for (const [i, node] of Object.values(nodes).entries()) {
    let database: Record<string, string> = { CONCORD_DATA_DIR: join(root, node.code, 'data') };
    if (testDbKind() === 'postgres') {
      const name = `concord_fed_${process.pid}_${Math.random().toString(36).slice(2, 8)}_${node.code.toLowerCase()}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      databases.push(name);
      database = { DATABASE_URL: databaseUrl(process.env.CONCORD_TEST_DATABASE_URL!, name) };
    }
    node.env = {
      ...database,
      CONCORD_NODE: node.code,
      PORT: String(ports[i]),
      CONCORD_PUBLIC_URL: node.url,
      CONCORD_KEY_DIR: node.keyDir,
      CONCORD_PACT_BUNDLE: bundlePath,
      CONCORD_DEMO_PASSWORD: TEST_PASSWORD,
      CONCORD_SIGNIN_RATE_LIMIT: '1000',
    };
  }

  const start = async (code: string) => {
    nodes[code]!.process = await startServerProcess(nodes[code]!.env, 120_000);
  };
  const stop = async (code: string) => {
    await nodes[code]!.process?.stop();
    nodes[code]!.process = undefined;
  };
  const started = await Promise.allSettled(codes.map(start));
  const federation: Federation = {
    nodes,
    start,
    stop,
    async signIn(code, email) {
      const response = await fetch(`${nodes[code]!.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`sign-in of ${email} at ${code} failed: ${response.status}`);
      return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
    },
    async close() {
      await Promise.all(Object.keys(nodes).map(stop));
      for (const name of databases) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(root, { recursive: true, force: true });
    },
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await federation.close();
    throw failed.reason;
  }
  return federation;
};

/** Polls until `probe` returns a value; fails after `timeoutMs` saying what it waited for. */
export const eventually = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
