import type { PageDefinition } from '../../app/page.ts';
import { AllocationPage } from './allocation-page.tsx';
import { ColdChainPage } from './cold-chain-page.tsx';
import { DevicePage } from './device-page.tsx';
import { ExpiringPage } from './expiring-page.tsx';
import { StockLevelsPage } from './levels-page.tsx';
import { PartyStockPage } from './party-stock-page.tsx';
import { RequestPage } from './request-page.tsx';
import { RequestsPage } from './requests-page.tsx';
import { ReservesPage } from './reserves-page.tsx';
import { ALLOCATORS } from './stock-access.ts';

export { stockApi } from './stock.api.ts';
export { monthsOfStockIndicator } from './months-of-stock-indicator.ts';

/**
 * Stock pages: months of stock by party and product (and store), expiring
 * lots, cold-chain alarms and quarantines, reserves under the pact, sharing
 * requests with their clocks, and the allocation of scarce stock. Reads are
 * open to anyone signed in; the node keeps each party to its own figures.
 */
export const stockPages: PageDefinition[] = [
  { path: '/stock', component: StockLevelsPage, access: 'signed-in', nav: { labelKey: 'nav.stock', order: 60 } },
  { path: '/stock/parties/:party', component: PartyStockPage, access: 'signed-in' },
  { path: '/stock/expiring', component: ExpiringPage, access: 'signed-in' },
  { path: '/stock/cold-chain', component: ColdChainPage, access: 'signed-in' },
  { path: '/stock/cold-chain/devices/:device', component: DevicePage, access: 'signed-in' },
  { path: '/stock/reserves', component: ReservesPage, access: 'signed-in' },
  { path: '/stock/requests', component: RequestsPage, access: 'signed-in' },
  { path: '/stock/requests/:id', component: RequestPage, access: 'signed-in' },
  { path: '/stock/allocation', component: AllocationPage, access: { roles: ALLOCATORS } },
];
