import { describe, expect, it } from 'vitest';
import type { Me, Role } from '../shared/api/types.ts';
import { navigationFor } from './nav.ts';
import { mayOpen, type PageDefinition } from './page.ts';
import { PAGES } from './pages.ts';
import { safeNext, startPageFor } from './start-page.ts';

const me = (roles: Role[], jurisdiction: string, regionWide: boolean): Me => ({
  id: '00000000-0000-4000-8000-000000000000',
  email: 'someone@demo.concord.example',
  displayName: 'Someone',
  jurisdiction,
  roles,
  regionWide,
  locale: 'en',
  via: 'session',
});

const hub = me(['hub-coordinator'], 'EAC', true);
const auditor = me(['auditor'], 'EAC', true);
const nfpKenya = me(['national-focal-point'], 'KE', false);
const facilityKenya = me(['facility-staff'], 'KE', false);

const hrefs = (who: Me | null) => navigationFor(PAGES, who).map((entry) => entry.href);

describe('the navigation', () => {
  it('shows a visitor only the public pages', () => {
    expect(hrefs(null)).toEqual(['/public']);
  });

  it('shows each role the pages it may open, in order', () => {
    const governance = ['/decisions', '/governance/access-report', '/breaches'];
    expect(hrefs(hub)).toEqual(['/region', '/events', '/surveillance', '/users', '/audit', '/pact', ...governance, '/governance/retention', '/stock', '/public']);
    // The auditor may open the events and surveillance pages, but they are not its work.
    expect(hrefs(auditor)).toEqual(['/region', '/users', '/audit', '/pact', ...governance, '/governance/retention', '/stock', '/public']);
    // A focal point also sees the signals to triage and what their country owes, and no retention or keys.
    expect(hrefs(nfpKenya)).toEqual(['/region', '/region/KE', '/events', '/surveillance', '/surveillance/signals', '/users', '/audit', '/pact', '/pact/duties', ...governance, '/stock', '/public']);
    expect(hrefs(facilityKenya)).toEqual(['/region', '/region/KE', '/events', '/surveillance', '/pact', '/stock', '/public']);
  });

  it('never lists a page its reader may not open', () => {
    for (const who of [null, hub, auditor, nfpKenya, facilityKenya]) {
      for (const entry of navigationFor(PAGES, who)) {
        const page = PAGES.find((p) => p.nav?.labelKey === entry.labelKey)!;
        expect(mayOpen(page.access, who)).toBe(true);
      }
    }
  });

  it('orders entries by their declared order, not by declaration', () => {
    const page = (path: string, order: number): PageDefinition => ({ path, component: () => null, access: 'public', nav: { labelKey: path, order } });
    expect(navigationFor([page('/b', 2), page('/a', 1)], null).map((e) => e.href)).toEqual(['/a', '/b']);
  });
});

describe('start pages', () => {
  it('sends the hub to the region, the auditor to the audit log and a party’s roles to their country', () => {
    expect(startPageFor(hub)).toBe('/region');
    expect(startPageFor(auditor)).toBe('/audit');
    expect(startPageFor(nfpKenya)).toBe('/region/KE');
    expect(startPageFor(facilityKenya)).toBe('/region/KE');
  });

  it('starts every role on a page it may open', () => {
    for (const who of [hub, auditor, nfpKenya, facilityKenya, me(['negotiator'], 'EAC', true), me(['finance-officer'], 'UG', false)]) {
      const target = startPageFor(who);
      const page = PAGES.find((p) => p.path === target || (p.path.includes(':') && new RegExp(`^${p.path.replace(/:\w+/g, '[^/]+')}$`).test(target)));
      expect(page && mayOpen(page.access, who)).toBe(true);
    }
  });

  it('follows `next` only within this site', () => {
    expect(safeNext('/users?jurisdiction=UG')).toBe('/users?jurisdiction=UG');
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
