import type { PageDefinition } from '../../app/page.ts';
import { EventPage } from './event-page.tsx';
import { EventsPage } from './events-page.tsx';
import { SevenOneSevenPage } from './seven-one-seven-page.tsx';
import { SURVEILLANCE_READERS } from '../surveillance/surveillance-access.ts';

export { alertsIndicator } from './alerts-indicator.ts';
export { CountryEvents } from './country-events.tsx';
export { eventsApi } from './events.api.ts';

/**
 * The alert and event pages. Anyone signed in may open them (the node shows
 * each reader the events of their party and those the escalation clause
 * told them about); the menu offers them to those who work on outbreaks.
 * `/events/seven-one-seven` is declared before `/events/:id` so it wins.
 */
export const eventsPages: PageDefinition[] = [
  { path: '/events', component: EventsPage, access: 'signed-in', nav: { labelKey: 'events.nav', order: 12, visible: SURVEILLANCE_READERS } },
  { path: '/events/seven-one-seven', component: SevenOneSevenPage, access: 'signed-in' },
  { path: '/events/:id', component: EventPage, access: 'signed-in' },
];
