import { randomUUID } from 'node:crypto';
import type { Role } from '@concord/core';
import * as accountsRepo from '../modules/accounts/accounts.repo.ts';
import { hashPassword } from '../modules/accounts/secrets.ts';
import { EAC_HUB, EAC_PARTIES } from './eac-region.ts';
import type { SeedStep } from './runner.ts';

/**
 * Synthetic demo accounts, one per role that matters in each jurisdiction,
 * all with the demo password (CONCORD_DEMO_PASSWORD). Their emails use the
 * reserved `.example` domain (RFC 2606).
 */
export const DEMO_DOMAIN = 'demo.concord.example';

export interface DemoUser {
  email: string;
  displayName: string;
  jurisdiction: string;
  roles: Role[];
  locale: 'en' | 'fr';
}

const FRANCOPHONE = new Set(['BI', 'CD']);

export const demoUsers = (): DemoUser[] => {
  const hub = EAC_HUB.code;
  const users: DemoUser[] = [
    { email: `hub@${DEMO_DOMAIN}`, displayName: 'Hub Coordinator (demo)', jurisdiction: hub, roles: ['hub-coordinator'], locale: 'en' },
    { email: `auditor@${DEMO_DOMAIN}`, displayName: 'Regional Auditor (demo)', jurisdiction: hub, roles: ['auditor'], locale: 'en' },
    { email: `finance@${DEMO_DOMAIN}`, displayName: 'Hub Finance Officer (demo)', jurisdiction: hub, roles: ['finance-officer'], locale: 'en' },
    { email: `procurement@${DEMO_DOMAIN}`, displayName: 'Pooled Procurement Officer (demo)', jurisdiction: hub, roles: ['procurement-officer'], locale: 'en' },
    { email: `negotiator@${DEMO_DOMAIN}`, displayName: 'Pact Negotiator (demo)', jurisdiction: hub, roles: ['negotiator'], locale: 'fr' },
  ];
  for (const party of EAC_PARTIES) {
    const c = party.code.toLowerCase();
    const locale = FRANCOPHONE.has(party.code) ? 'fr' : 'en';
    users.push(
      { email: `nfp.${c}@${DEMO_DOMAIN}`, displayName: `IHR Focal Point ${party.code} (demo)`, jurisdiction: party.code, roles: ['national-focal-point'], locale },
      { email: `facility.${c}@${DEMO_DOMAIN}`, displayName: `Facility Staff ${party.code} (demo)`, jurisdiction: party.code, roles: ['facility-staff'], locale },
      { email: `lab.${c}@${DEMO_DOMAIN}`, displayName: `Laboratory Staff ${party.code} (demo)`, jurisdiction: party.code, roles: ['lab-staff'], locale },
      { email: `finance.${c}@${DEMO_DOMAIN}`, displayName: `Finance Officer ${party.code} (demo)`, jurisdiction: party.code, roles: ['finance-officer'], locale },
    );
  }
  return users;
};

export const usersSeed: SeedStep = {
  name: 'users',
  version: 1,
  description: 'synthetic demo accounts for every role',
  async run(tx, context) {
    let created = 0;
    for (const user of demoUsers()) {
      const inserted = await accountsRepo.insertUser(tx, {
        id: randomUUID(),
        ...user,
        passwordHash: await hashPassword(context.demoPassword),
        synthetic: true,
        createdAt: context.clock.now(),
      });
      if (inserted) created += 1;
    }
    return { users: created };
  },
};
