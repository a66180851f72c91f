import type { PageDefinition } from '../../app/page.ts';
import { DiffPage } from './diff-page.tsx';
import { DutiesPage } from './duties-page.tsx';
import { PactChoicePage, DutiesChoicePage } from './pact-choice.tsx';
import { PactPage } from './pact-page.tsx';
import { TRY_ACCESS } from './pact-access.ts';
import { TriggersPage } from './triggers-page.tsx';
import { TryDecisionPage } from './try-decision-page.tsx';
import { VersionPage } from './version-page.tsx';

export { pactApi } from './pact.api.ts';
export { DecisionResult } from './decision-result.tsx';
export { EffectBadge, KindBadge, PlainText, ReasonText } from './plain-text.tsx';
export { CLAUSE_KINDS } from './pact.types.ts';
export type { Obligation } from './pact.types.ts';

/**
 * The pact pages. Anyone signed in reads the pact (GET /pacts is open to
 * every role); "what we owe now" is in the navigation of a party's roles,
 * who start there on their own party; trying a decision is for those who
 * negotiate, coordinate or answer for a party.
 */
export const pactPages: PageDefinition[] = [
  { path: '/pact', component: PactChoicePage, access: 'signed-in', nav: { labelKey: 'nav.pact', order: 40 } },
  {
    path: '/pact/duties',
    component: DutiesChoicePage,
    access: 'signed-in',
    nav: { labelKey: 'nav.duties', order: 41, visible: (me) => me !== null && !me.regionWide && me.roles.includes('national-focal-point') },
  },
  { path: '/pact/try', component: TryDecisionPage, access: TRY_ACCESS },
  { path: '/pacts/:id', component: PactPage, access: 'signed-in' },
  { path: '/pacts/:id/versions/:version', component: VersionPage, access: 'signed-in' },
  { path: '/pacts/:id/diff', component: DiffPage, access: 'signed-in' },
  { path: '/pacts/:id/duties', component: DutiesPage, access: 'signed-in' },
  { path: '/pacts/:id/triggers', component: TriggersPage, access: 'signed-in' },
];
