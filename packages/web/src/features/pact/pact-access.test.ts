import { describe, expect, it } from 'vitest';
import type { Me, Role } from '../../shared/api/types.ts';
import { defaultParty, mayDraft } from './pact-access.ts';

const me = (roles: Role[], jurisdiction: string, regionWide: boolean): Me => ({
  id: 'x',
  email: 'x@demo.concord.example',
  displayName: 'X',
  jurisdiction,
  roles,
  regionWide,
  locale: 'en',
  via: 'session',
});

describe('pact access', () => {
  it('lets negotiators and hub coordinators draft, nobody else', () => {
    expect(mayDraft(me(['negotiator'], 'EAC', true))).toBe(true);
    expect(mayDraft(me(['hub-coordinator'], 'EAC', true))).toBe(true);
    expect(mayDraft(me(['national-focal-point'], 'KE', false))).toBe(false);
    expect(mayDraft(null)).toBe(false);
  });

  it("shows a party's focal point their own duties first, and the hub the first party", () => {
    const members = ['BI', 'KE', 'UG', 'EAC'];
    expect(defaultParty(me(['national-focal-point'], 'KE', false), members)).toBe('KE');
    expect(defaultParty(me(['hub-coordinator'], 'EAC', true), members)).toBe('BI');
    expect(defaultParty(me(['national-focal-point'], 'ZZ', false), members)).toBe('BI');
    expect(defaultParty(null, [])).toBe('');
  });
});
