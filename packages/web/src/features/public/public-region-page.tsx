import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Jurisdiction } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { Chart } from '../../shared/chart/chart.tsx';
import { barOption } from '../../shared/chart/time-series.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatCompact, formatNumber } from '../../shared/i18n/format.ts';
import { RegionMap } from '../../shared/map/region-map.tsx';
import { populationByParty } from '../region/indicators.ts';
import { jurisdictionName, loadRegionMapData, type RegionMapData } from '../region/region-data.ts';
import { useJurisdictions } from '../stock/parties.ts';
import { PublicCases } from './public-cases.tsx';
import { PublicResponseTimes } from './public-response-times.tsx';
import { PublicStock } from './public-stock.tsx';

/**
 * What anyone may see without an account: the region and its people, then
 * the public aggregates each party's pact clauses allow — stock levels,
 * weekly cases, 7-1-7 response times — always after small-cell
 * suppression, which this page explains in plain words. Disbursements join
 * when the funding ledger exists.
 */
export const PublicRegionPage = () => {
  const { t } = useTranslation();
  const data = useApi((signal) => loadRegionMapData(signal), []);
  const { name } = useJurisdictions();
  return (
    <>
      <PageHeading title={t('public.title')}>
        <p className="lede">{t('public.lede')}</p>
      </PageHeading>
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'failed' ? <ErrorNotice error={data.error} /> : null}
      {data.status === 'ready' ? <PublicRegion data={data.data} /> : null}
      <PublicStock name={name} />
      <PublicCases name={name} />
      <PublicResponseTimes name={name} />
      <SuppressionNote />
    </>
  );
};

const PublicRegion = ({ data }: { data: RegionMapData }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { hub, parties } = data.region;
  const byPopulation = useMemo(() => [...parties].sort((a, b) => (b.population ?? 0) - (a.population ?? 0)), [parties]);
  const option = useMemo(
    () =>
      barOption({
        categories: byPopulation.map((p) => jurisdictionName(p, language)),
        values: byPopulation.map((p) => p.population),
        name: t('region.population'),
        format: (value) => formatCompact(value, language),
      }),
    [byPopulation, language, t],
  );
  const sources = [...new Set(parties.map((p) => p.populationSource).filter((s): s is string => Boolean(s)))];

  return (
    <>
      <StatCards label={t('region.keyFigures')}>
        <StatCard label={t('region.parties')} value={parties.length} />
        <StatCard label={t('region.population')} value={hub?.population ? formatCompact(hub.population, language) : '—'} note={hub?.populationSource ?? undefined} />
      </StatCards>
      <div className="map-layout">
        <section className="map-panel" aria-labelledby="public-map-heading">
          <h2 id="public-map-heading">{t('public.mapHeading')}</h2>
          <RegionMap
            shapes={data.shapes}
            values={populationByParty(parties)}
            format={(value) => formatCompact(value, language)}
            indicatorLabel={t('indicators.population')}
          />
        </section>
        <section className="table-panel" aria-labelledby="public-chart-heading">
          <h2 id="public-chart-heading">{t('public.chartHeading')}</h2>
          <Chart option={option} label={t('public.chartLabel')} height={300} />
        </section>
      </div>
      <section aria-labelledby="public-table-heading">
        <h2 id="public-table-heading">{t('public.tableHeading')}</h2>
        <DataTable<Jurisdiction>
          caption={t('public.tableCaption')}
          testId="public-table"
          rows={byPopulation}
          rowKey={(p) => p.code}
          columns={[
            { key: 'name', header: t('region.country'), cell: (p) => jurisdictionName(p, language), sortValue: (p) => jurisdictionName(p, language) },
            { key: 'code', header: t('public.isoCode'), cell: (p) => p.code },
            {
              key: 'population',
              header: t('region.population'),
              numeric: true,
              cell: (p) => (p.population === null ? '—' : formatNumber(p.population, language)),
              sortValue: (p) => p.population,
            },
            { key: 'year', header: t('public.year'), numeric: true, cell: (p) => p.populationYear ?? '—' },
          ]}
        />
        <p className="source">
          {t('public.sources')} {sources.join('; ')}
        </p>
      </section>
    </>
  );
};

const SuppressionNote = () => {
  const { t } = useTranslation();
  return (
    <section className="explainer" aria-labelledby="suppression-heading">
      <h2 id="suppression-heading">{t('public.suppressionHeading')}</h2>
      <p>{t('public.suppression1')}</p>
      <p>{t('public.suppression2')}</p>
      <p>{t('public.suppression3')}</p>
      <h3>{t('public.suppressionTablesHeading')}</h3>
      <ul className="plain-list" data-testid="suppression-rules">
        <li>{t('public.suppressionStock')}</li>
        <li>{t('public.suppressionCases')}</li>
        <li>{t('public.suppressionTimes')}</li>
        <li>{t('public.suppressionWithheld')}</li>
      </ul>
    </section>
  );
};
