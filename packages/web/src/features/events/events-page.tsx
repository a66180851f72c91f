import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate } from '../../shared/i18n/format.ts';
import { isDiseaseCode } from '../surveillance/diseases.ts';
import { diseaseName, DiseaseSelect, PartySelect, usePartyList } from '../surveillance/pickers.tsx';
import { AlertChip, EventStatusChip, IhrChip, RiskChip, TargetChips } from './event-chips.tsx';
import { EventsSections } from './events-sections.tsx';
import { eventsApi } from './events.api.ts';
import { EVENT_STATUSES, type EventFilter, type EventListItem, type EventStatus } from './events.types.ts';
import { IntervalClock } from './interval-clock.tsx';
import { useSearchFilters } from '../../shared/routing/search-filters.ts';

const PARTY = /^[A-Z]{2}$/;

/** `show` in the URL: open events (default), every event, or one status. */
const filterOf = (show: string): Pick<EventFilter, 'open' | 'status'> =>
  show === 'all' ? {} : (EVENT_STATUSES as readonly string[]).includes(show) ? { status: show as EventStatus } : { open: true };

/**
 * The alerts and events the reader may see (their party's, and those the
 * escalation clause told them about), newest first: status, alert level,
 * risk, IHR outcome, 7-1-7 targets and, for open events, the interval
 * running now with its countdown.
 */
export const EventsPage = () => {
  const { t } = useTranslation();
  const parties = usePartyList();
  const [search, set] = useSearchFilters();
  const party = PARTY.test(search.get('party') ?? '') ? search.get('party')! : '';
  const disease = isDiseaseCode(search.get('disease')) ? search.get('disease')! : '';
  const show = search.get('show') ?? 'open';
  const events = useApi(
    (signal) => eventsApi(api).list({ party: party || undefined, disease: disease || undefined, ...filterOf(show), limit: 200 }, signal),
    [party, disease, show],
  );
  return (
    <>
      <PageHeading title={t('events.title')}>
        <p className="lede">{t('events.lede')}</p>
      </PageHeading>
      <EventsSections />
      <form className="filters" aria-label={t('events.filters')} onSubmit={(event) => event.preventDefault()}>
        <PartySelect parties={parties} value={party} onChange={(value) => set('party', value)} allLabel={t('surveillance.allYouMaySee')} />
        <DiseaseSelect value={disease} onChange={(value) => set('disease', value)} allLabel={t('surveillance.allDiseases')} />
        <label className="field field-inline">
          <span>{t('events.show')}</span>
          <select value={show} onChange={(event) => set('show', event.target.value)}>
            <option value="open">{t('events.showOpen')}</option>
            <option value="all">{t('events.showAll')}</option>
            {EVENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`events.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {events.status === 'loading' ? <Loading /> : null}
      {events.status === 'failed' ? <ErrorNotice error={events.error} /> : null}
      {events.status === 'ready' ? <EventsTable events={events.data.events} /> : null}
    </>
  );
};

export const EventsTable = ({ events, caption }: { events: readonly EventListItem[]; caption?: string }) => {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={caption ?? t('events.caption', { count: events.length })}
      testId="events-table"
      rows={events}
      rowKey={(e) => e.id}
      empty={t('events.none')}
      columns={[
        {
          key: 'title',
          header: t('events.event'),
          cell: (e) => (
            <>
              <Link href={`/events/${e.id}`}>{e.title}</Link>
              <span className="cell-note hint">
                {diseaseName(t, e.disease)} · {e.area ?? e.party}
              </span>
            </>
          ),
          sortValue: (e) => e.title,
        },
        { key: 'party', header: t('surveillance.party'), cell: (e) => e.party, sortValue: (e) => e.party },
        { key: 'status', header: t('events.statusHeader'), cell: (e) => <EventStatusChip status={e.status} />, sortValue: (e) => e.status },
        { key: 'alert', header: t('events.alertHeader'), cell: (e) => <AlertChip level={e.alertLevel} />, sortValue: (e) => e.alertLevel },
        { key: 'risk', header: t('events.riskHeader'), cell: (e) => <RiskChip risk={e.riskLevel} /> },
        { key: 'ihr', header: t('events.ihrHeader'), cell: (e) => <IhrChip outcome={e.ihrOutcome} /> },
        { key: '717', header: t('events.sevenOneSevenHeader'), cell: (e) => <TargetChips sevenOneSeven={e.sevenOneSeven} /> },
        { key: 'clock', header: t('events.clockHeader'), cell: (e) => (e.clock ? <ClockCell event={e} /> : '—') },
        {
          key: 'detected',
          header: t('events.detected'),
          cell: (e) => (e.detectionDate ? formatCalendarDate(e.detectionDate, i18n.language) : '—'),
          sortValue: (e) => e.detectionDate,
        },
      ]}
    />
  );
};

const ClockCell = ({ event }: { event: EventListItem }) => {
  const { t } = useTranslation();
  return (
    <>
      <span className="cell-note">{t(`events.interval.${event.clock!.interval}`)}</span> <IntervalClock clock={event.clock!} />
    </>
  );
};
