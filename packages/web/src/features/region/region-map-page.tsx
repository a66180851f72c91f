import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import type { Jurisdiction } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatCompact } from '../../shared/i18n/format.ts';
import { RegionMap } from '../../shared/map/region-map.tsx';
import { REGION_INDICATORS, indicatorById } from './indicators.ts';
import { jurisdictionName, loadRegionMapData, type RegionMapData } from './region-data.ts';

/** The region at a glance: the partner states on a map, coloured by the chosen indicator. */
export const RegionMapPage = () => {
  const { t } = useTranslation();
  const data = useApi((signal) => loadRegionMapData(signal), []);
  return (
    <>
      <PageHeading title={t('region.title')}>
        <p className="lede">{t('region.lede')}</p>
      </PageHeading>
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'failed' ? <ErrorNotice error={data.error} /> : null}
      {data.status === 'ready' ? <RegionOverview data={data.data} /> : null}
    </>
  );
};

const RegionOverview = ({ data }: { data: RegionMapData }) => {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [search, setSearch] = useSearchParams();
  const indicator = indicatorById(search.get('indicator'));
  const { parties, hub } = data.region;
  const values = useApi((signal) => indicator.load({ parties, shapes: data.shapes, signal }), [indicator.id, data]);
  const format = (value: number) => indicator.format(value, i18n.language);
  const valueOf = (party: Jurisdiction) => (values.status === 'ready' ? (values.data[party.code] ?? null) : null);

  return (
    <>
      <StatCards label={t('region.keyFigures')}>
        <StatCard label={t('region.parties')} value={parties.length} />
        <StatCard
          label={t('region.population')}
          value={hub?.population ? formatCompact(hub.population, i18n.language) : '—'}
          note={hub?.populationSource ?? undefined}
        />
      </StatCards>
      <div className="map-layout">
        <section aria-labelledby="map-heading" className="map-panel">
          <h2 id="map-heading">{t('region.mapHeading')}</h2>
          <label className="field field-inline">
            <span>{t('region.indicator')}</span>
            <select
              value={indicator.id}
              onChange={(event) => setSearch((params) => {
                params.set('indicator', event.target.value);
                return params;
              })}
            >
              {REGION_INDICATORS.map((option) => (
                <option key={option.id} value={option.id}>
                  {t(option.labelKey)}
                </option>
              ))}
            </select>
          </label>
          {values.status === 'failed' ? <ErrorNotice error={values.error} /> : null}
          <RegionMap
            shapes={data.shapes}
            values={values.status === 'ready' ? values.data : {}}
            format={format}
            indicatorLabel={t(indicator.labelKey)}
            onSelect={(code) => navigate(`/region/${code}`)}
          />
          <p className="source">{t(indicator.sourceKey)}</p>
        </section>
        <section aria-labelledby="table-heading" className="table-panel">
          <h2 id="table-heading">{t('region.tableHeading')}</h2>
          <DataTable
            caption={t('region.tableCaption', { indicator: t(indicator.labelKey) })}
            testId="region-table"
            rows={parties}
            rowKey={(party) => party.code}
            initialSort={{ key: 'value', direction: 'descending' }}
            columns={[
              {
                key: 'name',
                header: t('region.country'),
                cell: (party) => <Link href={`/region/${party.code}`}>{jurisdictionName(party, i18n.language)}</Link>,
                sortValue: (party) => jurisdictionName(party, i18n.language),
              },
              {
                key: 'value',
                header: t(indicator.labelKey),
                numeric: true,
                cell: (party) => {
                  const value = valueOf(party);
                  return value === null ? t('map.noData') : format(value);
                },
                sortValue: valueOf,
              },
            ]}
          />
        </section>
      </div>
    </>
  );
};
