import { generatePartyKeys, loadPact, signPact } from '@concord/core';
import { systemActor } from '@concord/server';
import type { TestNode } from './test-node.ts';

const system = systemActor('test');
const DEMO_PACT = 'eac-health-security-pact';

/**
 * Puts a small pact in force in place of the demo pact (suspended), so a
 * test sees what the public pages publish when a clause covers some parties
 * and not others. `clauses` is the YAML of the clause list; the pact binds
 * Kenya and Uganda. Returns a function that resumes the demo pact and
 * suspends this one.
 */
export const withOnlyPact = async (node: TestNode, id: string, clauses: string): Promise<() => Promise<void>> => {
  const keys = { KE: generatePartyKeys(), UG: generatePartyKeys() };
  const source = `
id: ${id}
title: Public reporting test pact
version: 1
hub: { code: EAC, name: Hub }
parties:
  - { code: KE, name: Kenya, node: { url: "http://localhost:2", publicKey: ${keys.KE.publicKey} } }
  - { code: UG, name: Uganda, node: { url: "http://localhost:3", publicKey: ${keys.UG.publicKey} } }
effective: 2025-01-01
sunset: 2030-01-01
renewalNoticeDays: 30
clauses:
${clauses}
`;
  await node.services.pact.suspend(system, DEMO_PACT, 'test of the public pages under another pact');
  await node.services.pact.create(system, source);
  const pact = loadPact(source, `${id}.yaml`);
  for (const party of ['KE', 'UG'] as const) await node.services.pact.sign(system, id, 1, { party, signature: signPact(pact, keys[party].privateKey) });
  return async () => {
    await node.services.pact.suspend(system, id, 'end of the test');
    await node.services.pact.resume(system, DEMO_PACT);
  };
};
