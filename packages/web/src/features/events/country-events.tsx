import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { EventsTable } from './events-page.tsx';
import { eventsApi } from './events.api.ts';

/**
 * A country's open events, for its page (the start page of its own staff):
 * what is running now with its 7-1-7 clock, and the way to the whole list.
 */
export const CountryEvents = ({ party, countryName }: { party: string; countryName: string }) => {
  const { t } = useTranslation();
  const events = useApi((signal) => eventsApi(api).list({ party, open: true, limit: 20 }, signal), [party]);
  return (
    <section aria-labelledby="country-events-heading" data-testid="country-events">
      <h2 id="country-events-heading">{t('events.countryHeading', { country: countryName })}</h2>
      {events.status === 'loading' ? <Loading /> : null}
      {events.status === 'failed' ? <ErrorNotice error={events.error} /> : null}
      {events.status === 'ready' ? (
        <EventsTable events={events.data.events} caption={t('events.countryCaption', { count: events.data.events.length, country: countryName })} />
      ) : null}
      <p>
        <Link href={`/events?party=${party}&show=all`}>{t('events.countryAll', { country: countryName })}</Link>
      </p>
    </section>
  );
};
