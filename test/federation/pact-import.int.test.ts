import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '@concord/server/db/pglite';
import { signingCeremony } from '@concord/server/seed/federation-ceremony';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcord } from '../support/cli.ts';

/**
 * `concord pact import`: a node takes a pact signed elsewhere only after
 * checking every signature, and stores nothing from a bundle it refuses.
 */
let dir: string;
let bundle: ReturnType<typeof signingCeremony>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'concord-pact-import-'));
  bundle = signingCeremony([{ code: 'KE', url: 'http://127.0.0.1:9', keyDir: join(dir, 'ke-keys') }], { signedAt: new Date('2026-01-02T09:00:00Z') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

const pactRows = async (dataDir: string) => {
  const db = await openPglite(dataDir);
  try {
    const [versions] = await db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM pact_versions');
    const [signatures] = await db.query<{ n: number }>("SELECT count(*)::int8 AS n FROM pact_events WHERE type = 'signed'");
    return { versions: versions!.n, signatures: signatures!.n };
  } finally {
    await db.close();
  }
};

describe('concord pact import', () => {
  it('stores a bundle every member signed, once', async () => {
    const env = { CONCORD_DATA_DIR: join(dir, 'node-a') };
    const first = await runConcord(['pact', 'import', write('bundle.json', bundle)], { env });
    expect(first.stderr).toBe('');
    expect(first).toMatchObject({ code: 0, stdout: 'pact eac-health-security-pact: version(s) 1, 2 added, 18 signature(s) recorded\n' });
    const again = await runConcord(['pact', 'import', join(dir, 'bundle.json')], { env });
    expect(again).toMatchObject({ code: 0, stdout: 'pact eac-health-security-pact: no new version, 0 signature(s) recorded\n' });
    expect(await pactRows(env.CONCORD_DATA_DIR)).toEqual({ versions: 2, signatures: 18 });
  }, 60_000);

  it('refuses a bundle whose text changed after signing, or that lacks a signature, and stores nothing', async () => {
    const env = { CONCORD_DATA_DIR: join(dir, 'node-b') };
    const changed = structuredClone(bundle);
    changed.versions[1]!.source = changed.versions[1]!.source.replace('minCellSize: 5', 'minCellSize: 1');
    const tampered = await runConcord(['pact', 'import', write('changed.json', changed)], { env });
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^error FEDERATION_BUNDLE_INVALID: .*signature of KE does not verify/);
    const unsigned = structuredClone(bundle);
    unsigned.versions[0]!.signatures = unsigned.versions[0]!.signatures.filter((s) => s.party !== 'UG');
    const missing = await runConcord(['pact', 'import', write('unsigned.json', unsigned)], { env });
    expect(missing.stderr).toMatch(/not signed by UG/);
    const notJson = await runConcord(['pact', 'import', '-'], { env, stdin: '{"format":' });
    expect(notJson.stderr).toMatch(/^error FEDERATION_BUNDLE_INVALID: .*- is not JSON/);
    expect(await pactRows(env.CONCORD_DATA_DIR)).toEqual({ versions: 0, signatures: 0 });
  }, 60_000);
});
