import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { ErrorNotice, InfoNote, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { diseaseName, usePartyList } from '../surveillance/pickers.tsx';
import { seriesHref } from '../surveillance/series-view.ts';
import { jurisdictionName } from '../region/region-data.ts';
import { RiskAssessments, IhrDecisions } from './event-assessments.tsx';
import { AlertChip, EventStatusChip, IhrChip, RiskChip, TargetChip } from './event-chips.tsx';
import { Escalations, Notifications } from './event-escalations.tsx';
import { eventSeriesView } from './event-series.ts';
import { EventTimeline } from './event-timeline.tsx';
import { eventsApi } from './events.api.ts';
import type { EventDetail } from './events.types.ts';
import { SevenOneSevenPanel } from './seven-one-seven-panel.tsx';

/**
 * One event: where it stands (status, alert level, risk, IHR outcome), its
 * 7-1-7 clocks, timeline, risk assessments, IHR Annex 2 decisions,
 * escalations and notifications with their deadlines, and a link to the
 * weekly series it came from.
 */
export const EventPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const event = useApi((signal) => eventsApi(api).get(id, signal), [id]);
  if (event.status === 'loading') return <Loading />;
  if (event.status === 'failed') {
    return (
      <>
        <PageHeading title={t('events.unknownTitle')} />
        <ErrorNotice error={event.error} action={<Link href="/events">{t('events.backToList')}</Link>} />
      </>
    );
  }
  return <EventView event={event.data} />;
};

const EventView = ({ event }: { event: EventDetail }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const parties = usePartyList();
  const party = parties.find((p) => p.code === event.party);
  const chart = eventSeriesView(event, new Date().toISOString().slice(0, 10));
  const count = (value: number | null) => (value === null ? '—' : formatNumber(value, language));
  return (
    <>
      <PageHeading title={event.title}>
        <p className="breadcrumb">
          <Link href="/events">{t('events.backToList')}</Link>
        </p>
        {event.summary ? <p className="lede">{event.summary}</p> : null}
      </PageHeading>
      <p className="chip-row" data-testid="event-chips">
        <EventStatusChip status={event.status} />
        <AlertChip level={event.alertLevel} />
        <RiskChip risk={event.riskLevel} />
        <IhrChip outcome={event.ihrOutcome} />
        <TargetChip target="overall" status={event.sevenOneSeven.overall} />
      </p>
      {chart ? (
        <p>
          <Link href={seriesHref(chart)} className="button" data-testid="event-chart-link">
            {t('events.seeChart')}
          </Link>
        </p>
      ) : null}
      <StatCards label={t('events.facts')}>
        <StatCard label={t('surveillance.party')} value={party ? jurisdictionName(party, language) : event.party} note={event.area ?? undefined} />
        <StatCard label={t('surveillance.disease')} value={diseaseName(t, event.disease)} />
        <StatCard label={t('events.cases')} value={count(event.cases)} note={t('events.deaths', { deaths: count(event.deaths) })} />
        <StatCard
          label={t('events.opened')}
          value={formatCalendarDate(event.openedAt.slice(0, 10), language)}
          note={event.closedAt ? t('events.closedOn', { at: formatDateTime(event.closedAt, language) }) : undefined}
        />
      </StatCards>
      {event.synthetic ? <InfoNote>{t('events.synthetic')}</InfoNote> : null}
      <SevenOneSevenPanel event={event} />
      <EventTimeline entries={event.timeline} />
      <RiskAssessments event={event} />
      <IhrDecisions event={event} />
      <Escalations event={event} />
      <Notifications event={event} />
    </>
  );
};
