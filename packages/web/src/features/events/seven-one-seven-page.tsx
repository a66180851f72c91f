import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import type { Jurisdiction } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { Chart } from '../../shared/chart/chart.tsx';
import { groupedBarOption } from '../../shared/chart/time-series.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';
import { usePartyList } from '../surveillance/pickers.tsx';
import { jurisdictionName } from '../region/region-data.ts';
import { EventsSections } from './events-sections.tsx';
import { eventsApi } from './events.api.ts';
import { CAUSE_CATEGORIES, INTERVALS, type SevenOneSevenReport, type TargetShare } from './events.types.ts';
import { MEASURES, reportRows, settled, shareBars, type ReportRow } from './seven-one-seven-report.ts';
import { useSearchFilters } from '../../shared/routing/search-filters.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 7-1-7 across events: the share meeting each target and all three, per
 * party and for the region, as a table and a bar chart, with the
 * bottlenecks the reviews recorded by interval and cause. Event dates are
 * country-level facts, so every signed-in reader sees the shares.
 */
export const SevenOneSevenPage = () => {
  const { t } = useTranslation();
  const parties = usePartyList();
  const [search, set] = useSearchFilters();
  const from = DATE.test(search.get('from') ?? '') ? search.get('from')! : '';
  const to = DATE.test(search.get('to') ?? '') ? search.get('to')! : '';
  const report = useApi((signal) => eventsApi(api).sevenOneSeven({ from: from || undefined, to: to || undefined }, signal), [from, to]);
  return (
    <>
      <PageHeading title={t('events.summaryTitle')}>
        <p className="lede">{t('events.summaryLede')}</p>
      </PageHeading>
      <EventsSections />
      <form className="filters" aria-label={t('events.summaryFilters')} onSubmit={(event) => event.preventDefault()}>
        <label className="field field-inline">
          <span>{t('events.detectedFrom')}</span>
          <input type="date" value={from} onChange={(event) => set('from', event.target.value)} />
        </label>
        <label className="field field-inline">
          <span>{t('events.detectedTo')}</span>
          <input type="date" value={to} onChange={(event) => set('to', event.target.value)} />
        </label>
      </form>
      {report.status === 'loading' ? <Loading /> : null}
      {report.status === 'failed' ? <ErrorNotice error={report.error} /> : null}
      {report.status === 'ready' ? <Summary report={report.data} parties={parties} /> : null}
    </>
  );
};

const Summary = ({ report, parties }: { report: SevenOneSevenReport; parties: readonly Jurisdiction[] }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rows = reportRows(report);
  const label = (key: string) => {
    if (key === 'region') return t('events.region');
    const party = parties.find((p) => p.code === key);
    return party ? jurisdictionName(party, language) : key;
  };
  const percent = (value: number) => formatNumber(value, language, { style: 'percent', maximumFractionDigits: 0 });
  const option = useMemo(() => {
    const bars = shareBars(reportRows(report), (m) => t(`events.measure.${m}`), (key) => (key === 'region' ? t('events.region') : key));
    return groupedBarOption({ ...bars, format: (value) => formatNumber(value, language, { style: 'percent', maximumFractionDigits: 0 }), max: 1 });
  }, [report, language, t]);
  const shareCell = (share: TargetShare) => (
    <span data-share={share.share ?? ''}>
      {share.share === null ? '—' : percent(share.share)}
      <span className="cell-note hint">{t('events.shareOf', { met: share.met, count: settled(share), pending: share.pending })}</span>
    </span>
  );
  return (
    <>
      <section aria-labelledby="shares-heading">
        <h2 id="shares-heading">{t('events.sharesHeading')}</h2>
        <DataTable
          caption={t('events.sharesCaption', { count: report.region.events })}
          testId="seven-one-seven-table"
          rows={rows}
          rowKey={(r: ReportRow) => r.key}
          columns={[
            { key: 'party', header: t('surveillance.party'), cell: (r) => (r.key === 'region' ? <strong>{label(r.key)}</strong> : label(r.key)) },
            { key: 'events', header: t('events.eventsCount'), numeric: true, cell: (r) => formatNumber(r.summary.events, language), sortValue: (r) => r.summary.events },
            ...MEASURES.map((m) => ({ key: m, header: t(`events.measure.${m}`), numeric: true, cell: (r: ReportRow) => shareCell(r.summary[m]), sortValue: (r: ReportRow) => r.summary[m].share })),
          ]}
        />
        <Chart option={option} height={340} label={t('events.sharesChartLabel')} />
      </section>
      <section aria-labelledby="bottlenecks-heading">
        <h2 id="bottlenecks-heading">{t('events.bottlenecksHeading')}</h2>
        <DataTable
          caption={t('events.bottlenecksCaption')}
          testId="bottleneck-tally"
          rows={[...INTERVALS]}
          rowKey={(interval) => interval}
          columns={[
            { key: 'interval', header: t('events.intervalHeader'), cell: (interval) => t(`events.interval.${interval}`) },
            ...CAUSE_CATEGORIES.map((category) => ({
              key: category,
              header: t(`events.categories.${category}`),
              numeric: true,
              cell: (interval: (typeof INTERVALS)[number]) => formatNumber(report.region.bottlenecks[interval][category], language),
            })),
          ]}
        />
      </section>
    </>
  );
};
