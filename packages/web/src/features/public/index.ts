import type { PageDefinition } from '../../app/page.ts';
import { PublicRegionPage } from './public-region-page.tsx';

export const publicPages: PageDefinition[] = [
  { path: '/public', component: PublicRegionPage, access: 'public', nav: { labelKey: 'nav.public', order: 90 } },
];
