import type { PageDefinition } from '../../app/page.ts';
import { BreakdownPage } from './breakdown-page.tsx';
import { SeriesPage } from './series-page.tsx';
import { SignalsPage } from './signals-page.tsx';
import { SIGNAL_TRIAGERS, SURVEILLANCE_READERS } from './surveillance-access.ts';

export { incidenceIndicator } from './incidence-indicator.ts';
export { surveillanceApi } from './surveillance.api.ts';
export { seriesHref, type SeriesView } from './series-view.ts';

/**
 * The surveillance pages: a weekly series with its detection threshold and
 * alarms, a week broken down by age, sex, classification and area, and the
 * signals to triage. Anyone signed in may open them; the pact decides what
 * crosses a border and in what form.
 */
export const surveillancePages: PageDefinition[] = [
  { path: '/surveillance', component: SeriesPage, access: 'signed-in', nav: { labelKey: 'surveillance.nav', order: 13, visible: SURVEILLANCE_READERS } },
  { path: '/surveillance/breakdown', component: BreakdownPage, access: 'signed-in' },
  { path: '/surveillance/signals', component: SignalsPage, access: 'signed-in', nav: { labelKey: 'surveillance.navSignals', order: 14, visible: SIGNAL_TRIAGERS } },
];
