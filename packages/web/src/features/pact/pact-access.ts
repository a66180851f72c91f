import type { PageAccess } from '../../app/page.ts';
import type { Me, Role } from '../../shared/api/types.ts';

/**
 * Who sees what on the pact pages. The node decides (the routes'
 * config.access in modules/pact/pact.routes.ts); these only hide controls
 * a role could not use.
 */
export const DRAFTERS: readonly Role[] = ['negotiator', 'hub-coordinator'];

/** "Try a decision": for those who negotiate, coordinate or answer for a party. */
export const TRY_ACCESS: PageAccess = { roles: ['negotiator', 'hub-coordinator', 'national-focal-point'] };

export const mayDraft = (me: Me | null): boolean => me !== null && me.roles.some((role) => DRAFTERS.includes(role));

/** The party whose duties a reader sees first: their own when the pact names it, else the first party. */
export const defaultParty = (me: Me | null, members: readonly string[]): string => {
  if (me && members.includes(me.jurisdiction) && !me.regionWide) return me.jurisdiction;
  return members[0] ?? '';
};
