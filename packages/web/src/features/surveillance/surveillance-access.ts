import type { Me, Role } from '../../shared/api/types.ts';

/**
 * Whom the surveillance and events entries of the menu are for: the hub's
 * coordinator, a party's focal point and the facility and laboratory staff
 * who report cases. Other roles may still open the pages; the node decides
 * what each reader sees.
 */
const OUTBREAK_ROLES: readonly Role[] = ['hub-coordinator', 'national-focal-point', 'facility-staff', 'lab-staff'];

export const SURVEILLANCE_READERS = (me: Me | null): boolean => me !== null && me.roles.some((role) => OUTBREAK_ROLES.includes(role));

/** Signals are triaged by a party's focal point; the menu offers them there. */
export const SIGNAL_TRIAGERS = (me: Me | null): boolean => me !== null && !me.regionWide && me.roles.includes('national-focal-point');
