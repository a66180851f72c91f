import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { Chart } from '../../shared/chart/chart.tsx';
import { barOption } from '../../shared/chart/time-series.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';
import { publicApi } from './public.api.ts';
import type { PublicPartyTimes, PublicResponseTimes as Answer, PublicTarget } from './public.types.ts';
import { WithheldList } from './withheld-list.tsx';

/** How quickly each party finds, reports and answers outbreaks: the share of its events meeting 7-1-7. */
export const PublicResponseTimes = ({ name }: { name(code: string): string }) => {
  const { t } = useTranslation();
  const times = useApi((signal) => publicApi(api).responseTimes(signal), []);
  return (
    <section aria-labelledby="public-times-heading" data-testid="public-times-section">
      <h2 id="public-times-heading">{t('public.times.heading')}</h2>
      <p>{t('public.times.lede')}</p>
      {times.status === 'loading' ? <Loading /> : null}
      {times.status === 'failed' ? <ErrorNotice error={times.error} /> : null}
      {times.status === 'ready' ? <TimesView data={times.data} name={name} /> : null}
    </section>
  );
};

const TimesView = ({ data, name }: { data: Answer; name(code: string): string }) => {
  const { t, i18n } = useTranslation();
  const option = useMemo(
    () =>
      barOption({
        categories: data.parties.map((p) => name(p.party)),
        values: data.parties.map((p) => (p.all.suppressed ? null : p.all.share)),
        name: t('public.times.all'),
        format: (share) => formatNumber(share, i18n.language, { style: 'percent', maximumFractionDigits: 0 }),
      }),
    [data, name, t, i18n.language],
  );
  const target = (key: 'detect' | 'notify' | 'respond' | 'all', header: string) => ({
    key,
    header,
    numeric: true,
    cell: (p: PublicPartyTimes) => <TargetCell target={p[key]} k={data.suppression[p.party] ?? null} />,
    sortValue: (p: PublicPartyTimes) => (p[key].suppressed ? null : p[key].share),
  });
  return (
    <>
      <Chart option={option} label={t('public.times.chartLabel')} height={260} />
      <DataTable
        caption={t('public.times.caption', data.targetDays)}
        testId="public-times"
        rows={data.parties}
        rowKey={(p) => p.party}
        empty={t('public.nothingPublished')}
        columns={[
          { key: 'party', header: t('region.country'), cell: (p) => name(p.party), sortValue: (p) => name(p.party) },
          {
            key: 'events',
            header: t('public.times.events'),
            numeric: true,
            cell: (p) =>
              p.suppressed ? <Hidden why={t('public.times.fewEvents', { k: data.suppression[p.party] ?? 0 })} /> : <span data-suppressed="false">{p.events}</span>,
            sortValue: (p) => p.events,
          },
          target('detect', t('public.times.detect', { days: data.targetDays.detect })),
          target('notify', t('public.times.notify', { days: data.targetDays.notify })),
          target('respond', t('public.times.respond', { days: data.targetDays.respond })),
          target('all', t('public.times.all')),
        ]}
      />
      <WithheldList withheld={data.withheld} name={name} testId="public-times-withheld" />
    </>
  );
};

const Hidden = ({ why }: { why: string }) => (
  <span className="suppressed" data-suppressed="true" title={why}>
    <span aria-hidden="true">—</span>
    <span className="visually-hidden">{why}</span>
  </span>
);

/** "67 % (2 of 3)", "none settled yet", or hidden when it rests on fewer than k events. */
const TargetCell = ({ target, k }: { target: PublicTarget; k: number | null }) => {
  const { t, i18n } = useTranslation();
  if (target.suppressed) return <Hidden why={t('public.times.fewEvents', { k: k ?? 0 })} />;
  if (target.share === null) return <span data-suppressed="false">{t('public.times.noneSettled')}</span>;
  return (
    <span data-suppressed="false">
      {formatNumber(target.share, i18n.language, { style: 'percent', maximumFractionDigits: 0 })}{' '}
      <span className="hint">{t('public.times.ofSettled', { met: target.met, settled: (target.met ?? 0) + (target.notMet ?? 0) })}</span>
    </span>
  );
};
