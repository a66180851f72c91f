import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import type { Area, Jurisdiction } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { Chart } from '../../shared/chart/chart.tsx';
import { timeSeriesOption } from '../../shared/chart/time-series.ts';
import { ErrorNotice, InfoNote, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatCalendarDate, formatNumber } from '../../shared/i18n/format.ts';
import { eventsApi } from '../events/events.api.ts';
import { eventBand } from '../events/event-series.ts';
import type { EventDetail } from '../events/events.types.ts';
import { jurisdictionName } from '../region/region-data.ts';
import { diseaseName, placeName, useAreas, usePartyList } from './pickers.tsx';
import { SeriesControls } from './series-controls.tsx';
import { AlarmTable, WeeksTable } from './series-tables.tsx';
import { readSeriesView, seriesChartInput, seriesFigures, seriesQuery, seriesSearch, type SeriesView } from './series-view.ts';
import { surveillanceApi } from './surveillance.api.ts';
import { SurveillanceSections } from './surveillance-sections.tsx';
import type { Series } from './surveillance.types.ts';

/**
 * One weekly series as a chart: the counts, the detection threshold and the
 * weeks that raised an alarm, with the alarm weeks and their signals in a
 * table. Everything shown is in the URL, so a link (from an event, a
 * signal, a colleague) opens the same view.
 */
export const SeriesPage = () => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [search, setSearch] = useSearchParams();
  const view = readSeriesView(search);
  const parties = usePartyList();
  // A party's own staff start on their country; the hub on the first partner state.
  const party = view.party ?? (me && !me.regionWide ? me.jurisdiction : (parties[0]?.code ?? null));
  const areas = useAreas(party);
  return (
    <>
      <PageHeading title={t('surveillance.seriesTitle')}>
        <p className="lede">{t('surveillance.seriesLede')}</p>
      </PageHeading>
      <SurveillanceSections />
      {party ? (
        <>
          <SeriesControls view={view} party={party} parties={parties} areas={areas} onChange={(next) => setSearch(seriesSearch(next))} />
          <SeriesResult view={{ ...view, party }} parties={parties} areas={areas} />
        </>
      ) : (
        <Loading />
      )}
    </>
  );
};

const SeriesResult = ({ view, parties, areas }: { view: SeriesView & { party: string }; parties: readonly Jurisdiction[]; areas: readonly Area[] }) => {
  const query = seriesQuery(view);
  const series = useApi((signal) => surveillanceApi(api).series(query, signal), [query.party, query.disease, query.area, query.from, query.to, query.method]);
  // The event's marks are a courtesy: an event the reader may not open leaves the chart unmarked.
  const event = useApi((signal) => (view.event ? eventsApi(api).get(view.event, signal).catch(() => null) : Promise.resolve(null)), [view.event]);
  if (series.status === 'loading') return <Loading />;
  if (series.status === 'failed') return <ErrorNotice error={series.error} />;
  return <SeriesDisplay series={series.data} event={event.status === 'ready' ? event.data : null} parties={parties} areas={areas} />;
};

const SeriesDisplay = ({ series, event, parties, areas }: { series: Series; event: EventDetail | null; parties: readonly Jurisdiction[]; areas: readonly Area[] }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const country = parties.find((p) => p.code === series.party);
  const countryName = country ? jurisdictionName(country, language) : series.party;
  const place = placeName(series.area, areas, countryName);
  const disease = diseaseName(t, series.disease);
  const figures = seriesFigures(series);
  const bands = useMemo(() => (event ? [eventBand(event, t('surveillance.eventBand'))] : []), [event, t]);
  const option = useMemo(
    () =>
      timeSeriesOption(
        // No axis name: the heading says what is counted, and a name would collide with the legend on a phone.
        seriesChartInput(series, { observed: t('surveillance.observed'), threshold: t('surveillance.threshold'), alarms: t('surveillance.alarms') }, bands),
      ),
    [series, bands, t],
  );
  const range = { from: formatCalendarDate(series.from, language), to: formatCalendarDate(series.to, language) };
  return (
    <>
      {event ? (
        <InfoNote>
          {t('surveillance.eventMarked')} <Link href={`/events/${event.id}`}>{event.title}</Link>
        </InfoNote>
      ) : null}
      {!series.detectionShared ? (
        <p className="notice notice-info" data-testid="detection-not-shared">
          {t('surveillance.detectionNotShared', { country: countryName })}
        </p>
      ) : null}
      {series.suppressionK !== null ? <InfoNote>{t('surveillance.suppressedNote', { k: series.suppressionK, max: series.suppressionK - 1, country: countryName })}</InfoNote> : null}
      <StatCards label={t('surveillance.seriesFigures')}>
        <StatCard label={t('surveillance.weeksShown')} value={formatNumber(figures.weeks, language)} note={t('surveillance.range', range)} />
        <StatCard label={t('surveillance.alarmWeeks')} value={series.detectionShared ? formatNumber(figures.alarms, language) : '—'} />
        <StatCard label={t('surveillance.withheldWeeks')} value={formatNumber(figures.suppressed, language)} />
        {figures.latest ? (
          <StatCard
            label={t('surveillance.latestWeek', { week: figures.latest.week })}
            value={figures.latest.observed === null ? t('surveillance.withheld') : formatNumber(figures.latest.observed, language)}
          />
        ) : null}
      </StatCards>
      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t('surveillance.chartHeading', { disease, place })}</h2>
        <div data-testid="series-chart">
          <Chart
            option={option}
            height={360}
            label={t('surveillance.chartLabel', { disease, place, ...range, count: series.detectionShared ? figures.alarms : 0 })}
          />
        </div>
        <p className="source">
          {t(series.detectionShared ? 'surveillance.chartKey' : 'surveillance.chartKeyCounts')}
          {event ? ` ${t('surveillance.chartKeyEvent')}` : null}
        </p>
      </section>
      {series.detectionShared ? <AlarmTable series={series} /> : null}
      <details className="action">
        <summary>{t('surveillance.everyWeek')}</summary>
        <WeeksTable series={series} />
      </details>
    </>
  );
};
