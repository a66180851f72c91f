import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { Chart } from '../../shared/chart/chart.tsx';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { useProducts } from './products.ts';
import { StockSections } from './stock-sections.tsx';
import { Duration, ExcursionType } from './stock-words.tsx';
import { stockApi } from './stock.api.ts';
import type { Device, Reading } from './stock.types.ts';
import { signedCelsius, temperatureOption } from './temperature-chart.ts';

/** One recorder: its last 30 days of readings against its safe range, and its excursions. */
export const DevicePage = () => {
  const { t, i18n } = useTranslation();
  const { device = '' } = useParams<{ device: string }>();
  const readings = useApi((signal) => stockApi(api).readings(device, {}, signal), [device]);
  const excursions = useApi((signal) => stockApi(api).alarms({ device, alarm: 'all' }, signal), [device]);
  return (
    <>
      <PageHeading title={t('stock.device.title', { device })}>
        <p className="lede">{t('stock.device.lede')}</p>
      </PageHeading>
      <StockSections />
      {readings.status === 'loading' ? <Loading /> : null}
      {readings.status === 'failed' ? <ErrorNotice error={readings.error} /> : null}
      {readings.status === 'ready' ? <DeviceReadings device={readings.data.device} readings={readings.data.readings} /> : null}
      <h2>{t('stock.device.excursions')}</h2>
      {excursions.status === 'loading' ? <Loading /> : null}
      {excursions.status === 'failed' ? <ErrorNotice error={excursions.error} /> : null}
      {excursions.status === 'ready' ? (
        <DataTable
          caption={t('stock.coldChain.caption', { count: excursions.data.excursions.length })}
          testId="device-excursions"
          rows={excursions.data.excursions}
          rowKey={(e) => e.id}
          empty={t('stock.coldChain.none')}
          columns={[
            { key: 'type', header: t('stock.coldChain.type'), cell: (e) => <ExcursionType type={e.type} /> },
            { key: 'start', header: t('stock.coldChain.start'), cell: (e) => formatDateTime(e.startAt, i18n.language), sortValue: (e) => e.startAt },
            { key: 'minutes', header: t('stock.coldChain.duration'), numeric: true, cell: (e) => <Duration minutes={e.minutes} />, sortValue: (e) => e.minutes },
            { key: 'extreme', header: t('stock.coldChain.extreme'), numeric: true, cell: (e) => signedCelsius(e.extremeC, i18n.language) },
            { key: 'alarm', header: t('stock.coldChain.alarm'), cell: (e) => (e.alarm ? t('stock.yes') : t('stock.no')) },
          ]}
        />
      ) : null}
    </>
  );
};

const DeviceReadings = ({ device, readings }: { device: Device; readings: Reading[] }) => {
  const { t, i18n } = useTranslation();
  const products = useProducts();
  const celsius = (value: number) => signedCelsius(value, i18n.language);
  const range = t('stock.device.range', { min: celsius(device.minC), max: celsius(device.maxC) });
  const option = useMemo(
    () => temperatureOption({ readings, minC: device.minC, maxC: device.maxC, names: { readings: t('stock.device.temperature'), band: range }, label: (c) => signedCelsius(c, i18n.language) }),
    [readings, device, range, t, i18n.language],
  );
  const last = readings[readings.length - 1];
  const outside = readings.filter((r) => r.celsius < device.minC || r.celsius > device.maxC).length;
  return (
    <>
      <StatCards label={t('stock.device.figures')}>
        <StatCard label={t('stock.device.label')} value={device.label} note={`${device.store} · ${device.jurisdiction}`} />
        <StatCard label={t('stock.device.safeRange')} value={range} />
        <StatCard label={t('stock.device.last')} value={last ? celsius(last.celsius) : '—'} note={last ? formatDateTime(last.time, i18n.language) : undefined} />
        <StatCard label={t('stock.device.outside')} value={t('stock.device.outsideCount', { count: outside, total: readings.length })} />
      </StatCards>
      <p className="hint">{t('stock.device.guards', { products: device.products.map((p) => products.name(p)).join(', ') || '—' })}</p>
      <section aria-labelledby="temperature-heading" data-testid="temperature-chart" data-min-c={device.minC} data-max-c={device.maxC}>
        <h2 id="temperature-heading">{t('stock.device.chartHeading')}</h2>
        {readings.length === 0 ? <p>{t('stock.device.noReadings')}</p> : <Chart option={option} label={t('stock.device.chartLabel', { range })} height={340} />}
      </section>
    </>
  );
};
