import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import type { Facility, JurisdictionDetail } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, InfoNote, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatCompact, formatNumber } from '../../shared/i18n/format.ts';
import { RegionMap } from '../../shared/map/region-map.tsx';
import { CountryEvents } from '../events/index.ts';
import { densityByParty } from './indicators.ts';
import { jurisdictionName, loadRegionMapData, type RegionMapData } from './region-data.ts';
import { regionApi } from './region.api.ts';

/** One partner state: its figures, its place on the map, its areas and facilities. */
export const CountryPage = () => {
  const { code = '' } = useParams<{ code: string }>();
  const { t } = useTranslation();
  const data = useApi(
    async (signal) => {
      const region = regionApi(api);
      const [detail, map, facilities] = await Promise.all([
        region.jurisdiction(code, signal),
        loadRegionMapData(signal),
        region.facilities({ jurisdiction: code }, signal),
      ]);
      return { detail, map, facilities: facilities.facilities };
    },
    [code],
  );
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'failed') {
    return (
      <>
        <PageHeading title={t('country.unknownTitle')} />
        <ErrorNotice error={data.error} action={<Link href="/region">{t('country.backToRegion')}</Link>} />
      </>
    );
  }
  return <Country {...data.data} />;
};

const Country = ({ detail, map, facilities }: { detail: JurisdictionDetail; map: RegionMapData; facilities: Facility[] }) => {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const [, navigate] = useLocation();
  const language = i18n.language;
  const shape = map.shapes.find((s) => s.code === detail.code);
  const density = densityByParty(map.region.parties, map.shapes);
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  const synthetic = detail.areas.some((area) => area.syntheticPopulation);

  return (
    <>
      <PageHeading title={jurisdictionName(detail, language)}>
        <p className="breadcrumb">
          <Link href="/region">{t('country.backToRegion')}</Link>
        </p>
        {/* A focal point's start page leads to what their country owes under the pact. */}
        {me && me.jurisdiction === detail.code && me.roles.includes('national-focal-point') ? (
          <p>
            <Link href={`/pact/duties?party=${detail.code}`} className="button">
              {t('country.owesNow', { country: jurisdictionName(detail, language) })}
            </Link>
          </p>
        ) : null}
      </PageHeading>
      <StatCards label={t('region.keyFigures')}>
        <StatCard
          label={t('region.population')}
          value={detail.population === null ? '—' : formatCompact(detail.population, language)}
          note={detail.populationSource ? `${detail.populationSource}` : undefined}
        />
        {shape ? <StatCard label={t('country.area')} value={`${formatNumber(Math.round(shape.areaKm2), language)} km²`} note={t('country.areaNote')} /> : null}
        {density[detail.code] ? (
          <StatCard label={t('indicators.density')} value={formatNumber(density[detail.code]!, language, { maximumFractionDigits: 0 })} />
        ) : null}
        <StatCard label={t('country.languages')} value={detail.languages.map((l) => languageNames.of(l) ?? l).join(', ')} />
        <StatCard label={t('country.areas')} value={detail.areas.length} />
      </StatCards>
      <CountryEvents party={detail.code} countryName={jurisdictionName(detail, language)} />
      <div className="map-layout">
        <section className="map-panel" aria-labelledby="country-map-heading">
          <h2 id="country-map-heading">{t('country.onTheMap')}</h2>
          <RegionMap
            shapes={map.shapes}
            values={density}
            format={(value) => formatNumber(value, language, { maximumFractionDigits: 0 })}
            indicatorLabel={t('indicators.density')}
            selected={detail.code}
            onSelect={(code) => navigate(`/region/${code}`)}
          />
        </section>
        <section className="table-panel" aria-labelledby="areas-heading">
          <h2 id="areas-heading">{t('country.areasHeading')}</h2>
          {synthetic ? <InfoNote>{t('country.syntheticAreas')}</InfoNote> : null}
          <DataTable
            caption={t('country.areasCaption', { count: detail.areas.length })}
            testId="areas-table"
            rows={detail.areas}
            rowKey={(area) => area.code}
            columns={[
              { key: 'code', header: t('country.areaCode'), cell: (area) => area.code, sortValue: (area) => area.code },
              { key: 'name', header: t('country.areaName'), cell: (area) => area.name, sortValue: (area) => area.name },
              {
                key: 'population',
                header: t('region.population'),
                numeric: true,
                cell: (area) => (area.population === null ? '—' : formatNumber(area.population, language)),
                sortValue: (area) => area.population,
              },
            ]}
          />
        </section>
      </div>
      <section aria-labelledby="facilities-heading">
        <h2 id="facilities-heading">{t('country.facilitiesHeading')}</h2>
        <DataTable
          caption={t('country.facilitiesCaption', { count: facilities.length })}
          rows={facilities}
          rowKey={(facility) => facility.id}
          columns={[
            { key: 'name', header: t('country.facilityName'), cell: (f) => f.name, sortValue: (f) => f.name },
            { key: 'kind', header: t('country.facilityKind'), cell: (f) => t(`facilityKinds.${f.kind}`), sortValue: (f) => f.kind },
            { key: 'area', header: t('country.areaCode'), cell: (f) => f.area ?? '—' },
            { key: 'beds', header: t('country.beds'), numeric: true, cell: (f) => (f.beds === null ? '—' : formatNumber(f.beds, language)), sortValue: (f) => f.beds },
          ]}
        />
      </section>
    </>
  );
};
