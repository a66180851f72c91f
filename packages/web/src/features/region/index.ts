import type { PageDefinition } from '../../app/page.ts';
import { CountryPage } from './country-page.tsx';
import { RegionMapPage } from './region-map-page.tsx';

export { REGION_INDICATORS, type Indicator } from './indicators.ts';
export { loadRegionMapData } from './region-data.ts';

export const regionPages: PageDefinition[] = [
  { path: '/region', component: RegionMapPage, access: 'signed-in', nav: { labelKey: 'nav.region', order: 10 } },
  {
    path: '/region/:code',
    component: CountryPage,
    access: 'signed-in',
    nav: {
      labelKey: 'nav.myCountry',
      order: 11,
      href: (me) => `/region/${me?.jurisdiction ?? ''}`,
      visible: (me) => me !== null && !me.regionWide,
    },
  },
];
