import type { PageAccess } from '../../app/page.ts';

/**
 * Who may open the governance pages: the same roles as the node's routes
 * (config.access in modules/governance/governance.routes.ts and the
 * decision log in modules/pact/pact.routes.ts). The node checks again.
 */
export const STEWARDS: PageAccess = { roles: ['national-focal-point', 'auditor', 'hub-coordinator'] };
export const OVERSEERS: PageAccess = { roles: ['auditor', 'hub-coordinator'] };
