import type { PageDefinition } from '../../app/page.ts';
import { AccessReportPage } from './access-report-page.tsx';
import { BreachPage } from './breach-page.tsx';
import { BreachReportPage } from './breach-report-page.tsx';
import { BreachesPage } from './breaches-page.tsx';
import { DataCarePage } from './data-care-page.tsx';
import { DecisionsPage } from './decisions-page.tsx';
import { OVERSEERS, STEWARDS } from './governance-access.ts';

export { governanceApi } from './governance.api.ts';

/**
 * Data governance pages: the decision log, a party's access report, the
 * breaches with their 72-hour clocks, and retention and keys. Reporting a
 * breach is open to anyone signed in, as on the node.
 */
export const governancePages: PageDefinition[] = [
  { path: '/decisions', component: DecisionsPage, access: STEWARDS, nav: { labelKey: 'nav.decisions', order: 50 } },
  { path: '/governance/access-report', component: AccessReportPage, access: STEWARDS, nav: { labelKey: 'nav.accessReport', order: 51 } },
  { path: '/breaches', component: BreachesPage, access: STEWARDS, nav: { labelKey: 'nav.breaches', order: 52 } },
  { path: '/breaches/report', component: BreachReportPage, access: 'signed-in' },
  { path: '/breaches/:id', component: BreachPage, access: STEWARDS },
  { path: '/governance/retention', component: DataCarePage, access: OVERSEERS, nav: { labelKey: 'nav.dataCare', order: 53 } },
];
