import { accountsPages } from '../features/accounts/index.ts';
import { auditPages } from '../features/audit/index.ts';
import { eventsPages } from '../features/events/index.ts';
import { governancePages } from '../features/governance/index.ts';
import { pactPages } from '../features/pact/index.ts';
import { publicPages } from '../features/public/index.ts';
import { regionPages } from '../features/region/index.ts';
import { surveillancePages } from '../features/surveillance/index.ts';
import { stockPages } from '../features/stock/index.ts';
import type { PageDefinition } from './page.ts';

/**
 * Every page of the dashboard, one line per feature. A new capability adds
 * its feature folder with an index.ts exporting its pages, and one line here.
 */
export const PAGES: readonly PageDefinition[] = [...regionPages, ...accountsPages, ...auditPages, ...pactPages, ...governancePages, ...stockPages, ...publicPages, ...eventsPages, ...surveillancePages];
