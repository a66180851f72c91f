import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { canonicalPactJson } from '@concord/core';
import { verifyPactBundle } from '@concord/core/federation/index';
import { systemActor } from '../actor.ts';
import type { Db } from '../db/database.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';
import * as errors from '../modules/federation/federation.errors.ts';
import * as pactRepo from '../modules/pact/pact.repo.ts';
import { regionSeed } from './region.seed.ts';
import type { SeedStep } from './runner.ts';
import { usersSeed } from './users.seed.ts';

export interface BundleImport {
  pactId: string;
  added: number[];
  signaturesAdded: number;
}

/**
 * Takes a pact signed elsewhere (docs/federation.md, "Pact bundles"). Every
 * signature is checked before anything is written; versions this node
 * already holds must be byte-for-byte the same document (their missing
 * signatures are added), new ones must follow on. A signature's time is the
 * one the ceremony recorded, never later than now.
 */
export const importPactBundle = async (tx: Db, input: unknown, options: { now: Date; audit?: AuditLog; actor?: string }): Promise<BundleImport> => {
  const check = verifyPactBundle(input);
  if (!check.ok) throw errors.bundleInvalid(check.problems);
  const rows = await pactRepo.listVersions(tx, check.pactId);
  const events = await pactRepo.listEvents(tx, check.pactId);
  const actor = options.actor ?? 'system:pact-import';
  const result: BundleImport = { pactId: check.pactId, added: [], signaturesAdded: 0 };
  let latest = rows.length > 0 ? Math.max(...rows.map((r) => r.version)) : 0;
  for (const version of check.versions) {
    const pact = version.pact;
    const sha = createHash('sha256').update(canonicalPactJson(pact)).digest('hex');
    const held = rows.find((row) => row.version === pact.version);
    if (held && held.canonicalSha256 !== sha) throw errors.bundleConflict(pact.id, pact.version);
    if (!held) {
      if (pact.version !== latest + 1 || (latest > 0 && pact.amends !== latest)) {
        throw errors.bundleInvalid([`version ${pact.version} does not follow version ${latest}, the latest this node holds`]);
      }
      const first = version.signatures.map((s) => (s.signedAt ? Date.parse(s.signedAt) : options.now.getTime())).sort((a, b) => a - b)[0];
      const createdAt = new Date(Math.min(first ?? options.now.getTime(), options.now.getTime()));
      if (latest === 0) await pactRepo.insertPact(tx, { id: pact.id, title: pact.title, createdAt });
      await pactRepo.insertVersion(tx, {
        pactId: pact.id,
        version: pact.version,
        document: pact,
        source: version.source,
        sourceFormat: version.sourceFormat,
        canonicalSha256: sha,
        createdAt,
        createdBy: actor,
      });
      result.added.push(pact.version);
      latest = pact.version;
    }
    for (const signature of version.signatures) {
      if (events.some((e) => e.type === 'signed' && e.version === pact.version && e.party === signature.party)) continue;
      const signedAt = signature.signedAt ? new Date(Math.min(Date.parse(signature.signedAt), options.now.getTime())) : options.now;
      await pactRepo.insertEvent(tx, {
        pactId: pact.id,
        type: 'signed',
        version: pact.version,
        party: signature.party,
        signature: signature.signature,
        sunset: null,
        reason: null,
        at: signedAt,
        actor,
      });
      result.signaturesAdded += 1;
    }
  }
  await options.audit?.append(tx, systemActor('pact-import'), {
    action: 'pact.bundle-imported',
    entityType: 'pact',
    entityId: check.pactId,
    details: { added: result.added, signaturesAdded: result.signaturesAdded },
  });
  return result;
};

/** The pact step of a federated node: the bundle it was given, in place of a pact signed with its own keys. */
export const pactBundleSeed = (path: string): SeedStep => ({
  name: 'pact',
  version: 1,
  description: `the pact signed elsewhere, from the bundle ${path}`,
  async run(tx, context) {
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw errors.bundleInvalid([`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`]);
    }
    const imported = await importPactBundle(tx, input, { now: context.clock.now(), actor: 'system:seed' });
    return { ...imported };
  },
});

/**
 * What a node of a federation seeds at first start: the region's reference
 * data, the demo accounts and the signed pact it was given — none of the
 * other jurisdictions' synthetic history, which lives on their own nodes.
 */
export const federatedSeedSteps = (bundlePath: string): readonly SeedStep[] => [regionSeed, usersSeed, pactBundleSeed(bundlePath)];
