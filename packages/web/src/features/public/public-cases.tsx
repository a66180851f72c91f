import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { Chart } from '../../shared/chart/chart.tsx';
import { timeSeriesOption } from '../../shared/chart/time-series.ts';
import { DataTable, type Column } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { formatCalendarDate } from '../../shared/i18n/format.ts';
import { CountCell } from './suppressed-cell.tsx';
import { publicApi } from './public.api.ts';
import { caseSeries, hiddenCount, recentWeeksMatrix } from './public-tables.ts';
import type { PublicCases as Answer } from './public.types.ts';
import { WithheldList } from './withheld-list.tsx';

/** The table shows the latest weeks; the chart the whole year. */
const TABLE_WEEKS = 8;

type Row = ReturnType<typeof recentWeeksMatrix>['rows'][number];

/** Weekly national case counts per disease and party, as the pact lets each party publish them. */
export const PublicCases = ({ name }: { name(code: string): string }) => {
  const { t } = useTranslation();
  const cases = useApi((signal) => publicApi(api).cases(signal), []);
  return (
    <section aria-labelledby="public-cases-heading" data-testid="public-cases-section">
      <h2 id="public-cases-heading">{t('public.cases.heading')}</h2>
      <p>{t('public.cases.lede')}</p>
      {cases.status === 'loading' ? <Loading /> : null}
      {cases.status === 'failed' ? <ErrorNotice error={cases.error} /> : null}
      {cases.status === 'ready' ? <CasesView data={cases.data} name={name} /> : null}
    </section>
  );
};

const CasesView = ({ data, name }: { data: Answer; name(code: string): string }) => {
  const { t, i18n } = useTranslation();
  const [disease, setDisease] = useState(data.diseases.find((d) => d.code === 'cholera')?.code ?? data.diseases[0]?.code ?? '');
  const diseaseName = (code: string) => {
    const found = data.diseases.find((d) => d.code === code);
    return found ? (i18n.language === 'fr' ? found.name.fr : found.name.en) : code;
  };
  const series = useMemo(() => caseSeries(data.cells, disease), [data, disease]);
  const option = useMemo(
    () => timeSeriesOption({ series: series.map((s) => ({ name: name(s.party), points: s.points })), yAxisName: t('public.cases.axis') }),
    [series, name, t],
  );
  const matrix = useMemo(() => recentWeeksMatrix(data.cells, disease, TABLE_WEEKS), [data, disease]);
  const columns: Column<Row>[] = [
    { key: 'party', header: t('region.country'), cell: (row) => name(row.key), sortValue: (row) => name(row.key) },
    ...matrix.columns.map(
      (week): Column<Row> => ({
        key: week,
        header: row0Label(matrix.rows, week) ?? week,
        numeric: true,
        cell: (row) => {
          const cell = row.cells.get(week);
          return cell ? <CountCell count={cell.count} suppressed={cell.suppressed} k={data.suppression[row.key]} /> : '—';
        },
      }),
    ),
  ];
  const shown = data.cells.filter((c) => c.disease === disease);
  return (
    <>
      {data.diseases.length > 0 ? (
        <label className="field field-inline">
          <span>{t('public.cases.disease')}</span>
          <select value={disease} onChange={(event) => setDisease(event.target.value)}>
            {data.diseases.map((d) => (
              <option key={d.code} value={d.code}>
                {diseaseName(d.code)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <p className="hint">{t('public.cases.span', { from: formatCalendarDate(data.from, i18n.language), to: formatCalendarDate(data.to, i18n.language), weeks: data.weeks })}</p>
      {series.length > 0 ? <Chart option={option} label={t('public.cases.chartLabel', { disease: diseaseName(disease) })} height={300} /> : null}
      <DataTable
        caption={t('public.cases.caption', { disease: diseaseName(disease), weeks: matrix.columns.length })}
        testId="public-cases"
        rows={matrix.rows}
        rowKey={(row) => row.key}
        columns={columns}
        empty={t('public.nothingPublished')}
      />
      <p className="hint">{t('public.cases.hiddenNote', { count: hiddenCount(shown), max: Math.max(1, ...Object.values(data.suppression).map((k) => k ?? 0)) - 1 })}</p>
      <WithheldList withheld={data.withheld} name={name} testId="public-cases-withheld" />
    </>
  );
};

/** The ISO week label ("2026-W01") of a column, from any row that has it. */
const row0Label = (rows: Row[], week: string) => rows.find((row) => row.cells.has(week))?.cells.get(week)?.week;
