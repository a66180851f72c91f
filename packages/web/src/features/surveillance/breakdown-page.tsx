import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import type { Area } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { Chart } from '../../shared/chart/chart.tsx';
import { barOption } from '../../shared/chart/time-series.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, InfoNote, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate, formatNumber } from '../../shared/i18n/format.ts';
import { jurisdictionName } from '../region/region-data.ts';
import { breakdownRows, breakdownTotals, recentMondays, weekEnd } from './breakdown.ts';
import { CountCell } from './count-cell.tsx';
import { DEFAULT_DISEASE, isDiseaseCode } from './diseases.ts';
import { diseaseName, DiseaseSelect, PartySelect, useAreas, usePartyList } from './pickers.tsx';
import { surveillanceApi } from './surveillance.api.ts';
import { SurveillanceSections } from './surveillance-sections.tsx';
import type { Aggregates, Breakdown } from './surveillance.types.ts';

/** How many weeks back the week picker reaches. */
const WEEKS_OFFERED = 12;
const PARTY = /^[A-Z]{2}$/;

/**
 * One week of case reports broken down by age band, sex, classification and
 * area, each as a bar chart and a table. Each breakdown is its own request,
 * so the pact's small-cell suppression applies to each as published; a
 * withheld cell is shown as withheld ("*"), never as zero or as a bar.
 */
export const BreakdownPage = () => {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const parties = usePartyList();
  const [search, setSearch] = useSearchParams();
  const weeks = useMemo(() => recentMondays(new Date(), WEEKS_OFFERED), []);
  const asked = search.get('party');
  const party = asked && PARTY.test(asked) ? asked : me && !me.regionWide ? me.jurisdiction : (parties[0]?.code ?? null);
  const disease = isDiseaseCode(search.get('disease')) ? search.get('disease')! : DEFAULT_DISEASE;
  // The current week is still filling up: the last complete one is the default.
  const week = weeks.includes(search.get('week') ?? '') ? search.get('week')! : weeks[1]!;
  const areas = useAreas(party);
  const set = (name: string, value: string) =>
    setSearch((params) => {
      params.set(name, value);
      return params;
    });
  const country = parties.find((p) => p.code === party);
  return (
    <>
      <PageHeading title={t('surveillance.breakdownTitle')}>
        <p className="lede">{t('surveillance.breakdownLede')}</p>
      </PageHeading>
      <SurveillanceSections />
      <form className="filters" aria-label={t('surveillance.breakdownControls')} onSubmit={(event) => event.preventDefault()}>
        {party ? <PartySelect parties={parties} value={party} onChange={(value) => set('party', value)} /> : null}
        <DiseaseSelect value={disease} onChange={(value) => set('disease', value)} />
        <label className="field field-inline">
          <span>{t('surveillance.week')}</span>
          <select value={week} onChange={(event) => set('week', event.target.value)} data-testid="week-select">
            {weeks.map((monday) => (
              <option key={monday} value={monday}>
                {t('surveillance.weekOf', { from: formatCalendarDate(monday, i18n.language), to: formatCalendarDate(weekEnd(monday), i18n.language) })}
              </option>
            ))}
          </select>
        </label>
      </form>
      <InfoNote>{t('surveillance.breakdownSource')}</InfoNote>
      {party ? (
        <Breakdowns
          party={party}
          disease={disease}
          week={week}
          areas={areas}
          title={t('surveillance.breakdownOf', { disease: diseaseName(t, disease), country: country ? jurisdictionName(country, i18n.language) : party })}
        />
      ) : (
        <Loading />
      )}
    </>
  );
};

const Breakdowns = ({ party, disease, week, areas, title }: { party: string; disease: string; week: string; areas: readonly Area[]; title: string }) => {
  const { t } = useTranslation();
  return (
    <>
      <h2>{title}</h2>
      <div className="breakdown-grid">
        {(['ageBand', 'sex', 'classification', 'area'] as const).map((by) => (
          <BreakdownSection key={by} by={by} party={party} disease={disease} week={week} areas={areas} heading={t(`surveillance.by.${by}`)} column={t(`surveillance.dimension.${by}`)} />
        ))}
      </div>
    </>
  );
};

const BreakdownSection = (props: { by: Breakdown; party: string; disease: string; week: string; areas: readonly Area[]; heading: string; column: string }) => {
  const { by, party, disease, week, areas, heading } = props;
  const { t } = useTranslation();
  const answer = useApi(
    (signal) => surveillanceApi(api).aggregates({ party, disease, from: week, to: week, by: [by], source: 'cases' }, signal),
    [party, disease, week, by],
  );
  const labelOf = (category: string) => {
    if (by === 'area') {
      const area = areas.find((a) => a.code === category);
      return area ? `${area.name} (${category})` : category;
    }
    return t(`surveillance.${by}Value.${category}`, { defaultValue: category });
  };
  const id = `breakdown-${by}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="breakdown" data-testid={id}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {answer.status === 'loading' ? <Loading /> : null}
      {answer.status === 'failed' ? <ErrorNotice error={answer.error} /> : null}
      {answer.status === 'ready' ? <BreakdownResult {...props} aggregates={answer.data} labelOf={labelOf} /> : null}
    </section>
  );
};

const BreakdownResult = (props: { by: Breakdown; party: string; areas: readonly Area[]; heading: string; column: string; aggregates: Aggregates; labelOf(category: string): string }) => {
  const { by, party, areas, heading, column, aggregates, labelOf } = props;
  const { t, i18n } = useTranslation();
  const rows = breakdownRows(aggregates.cells, by, by === 'area' ? areas.map((a) => a.code) : undefined);
  const totals = breakdownTotals(rows);
  const k = aggregates.suppression[party] ?? null;
  // A party has dozens of areas: list those with cases (or withheld), not a column of zeros.
  const shown = by === 'area' ? rows.filter((r) => r.count !== 0) : rows;
  if (totals.shown === 0 && totals.withheld === 0) return <p>{t('surveillance.noCases')}</p>;
  return (
    <>
      {totals.withheld > 0 && k !== null ? <p className="hint">{t('surveillance.withheldExplained', { max: k - 1, k })}</p> : null}
      <Chart
        option={barOption({ categories: shown.map((r) => labelOf(r.category)), values: shown.map((r) => r.count), name: heading, format: (v) => formatNumber(v, i18n.language) })}
        height={Math.max(120, 32 + 28 * shown.length)}
        label={t(totals.withheld > 0 ? 'surveillance.breakdownChartLabel' : 'surveillance.breakdownChartLabelAll', { what: heading, shown: totals.shown, count: totals.withheld })}
      />
      <DataTable
        caption={t(totals.withheld > 0 ? 'surveillance.breakdownCaption' : 'surveillance.breakdownCaptionAll', { what: heading, shown: formatNumber(totals.shown, i18n.language), count: totals.withheld })}
        rows={shown}
        rowKey={(r) => r.category}
        empty={t('surveillance.noCases')}
        columns={[
          { key: 'category', header: column, cell: (r) => labelOf(r.category) },
          { key: 'count', header: t('surveillance.cases'), numeric: true, cell: (r) => <CountCell count={r.count} suppressed={r.suppressed} />, sortValue: (r) => r.count },
        ]}
      />
    </>
  );
};
