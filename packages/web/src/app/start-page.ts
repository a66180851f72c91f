import type { Me } from '../shared/api/types.ts';

/**
 * Where each role starts after signing in. The hub's roles see the region
 * (the auditor, the audit log); a party's roles see their own country. Later
 * capabilities move a role to its own page here (finance → disbursements).
 */
export const startPageFor = (me: Me): string => {
  if (me.roles.includes('auditor')) return '/audit';
  if (me.regionWide) return '/region';
  return `/region/${me.jurisdiction}`;
};

/** A `next` parameter is followed only to a path of this site, never to another origin. */
export const safeNext = (next: string | null | undefined): string | null =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
