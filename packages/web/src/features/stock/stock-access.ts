import type { Role } from '../../shared/api/types.ts';

/**
 * Who may do what on the stock pages, mirroring the routes' declared roles
 * (packages/server/src/modules/stock/*.routes.ts). The pages show a form to
 * these roles; the node still decides each case (its own store, the
 * clause's named decider) and its refusal is shown in words.
 */
export const STOCK_WRITERS: readonly Role[] = ['facility-staff', 'procurement-officer', 'national-focal-point', 'hub-coordinator'];
/** Ask for, and decide, a sharing request (the clause names which of them decides). */
export const REQUESTERS: readonly Role[] = ['national-focal-point', 'hub-coordinator'];
export const ALLOCATORS: readonly Role[] = ['hub-coordinator'];

export const holdsAny = (roles: readonly Role[] | undefined, allowed: readonly Role[]): boolean => (roles ?? []).some((role) => allowed.includes(role));
