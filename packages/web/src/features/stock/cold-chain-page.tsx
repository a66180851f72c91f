import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { PartyPicker } from '../governance/party-picker.tsx';
import { useJurisdictions } from './parties.ts';
import { useProducts } from './products.ts';
import { QuarantineDecisionForm } from './quarantine-form.tsx';
import { holdsAny, STOCK_WRITERS } from './stock-access.ts';
import { ExcursionType, Duration } from './stock-words.tsx';
import { StockSections } from './stock-sections.tsx';
import { stockApi } from './stock.api.ts';
import { signedCelsius } from './temperature-chart.ts';
import { useSearchFilters } from '../../shared/routing/search-filters.ts';

/**
 * Cold-chain alarms: temperature excursions found by the WHO PQS recorder
 * rules (heat above +8 °C for 10 hours, freeze at −0.5 °C or below for an
 * hour), each recorder's chart one click away, and the lots still held in
 * quarantine with the vial-monitor decision form for those who record stock.
 */
export const ColdChainPage = () => {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const [search, set] = useSearchFilters();
  const party = search.get('party') ?? '';
  const show = search.get('show') === 'all' ? 'all' : 'alarms';
  const products = useProducts();
  const jurisdictions = useJurisdictions();
  const alarms = useApi((signal) => stockApi(api).alarms({ party: party || undefined, alarm: show === 'alarms' ? 'only' : 'all' }, signal), [party, show]);
  const quarantines = useApi((signal) => stockApi(api).quarantines({ party: party || undefined, open: true }, signal), [party]);
  const mayDecide = holdsAny(me?.roles, STOCK_WRITERS);
  const celsius = (value: number) => signedCelsius(value, i18n.language);

  return (
    <>
      <PageHeading title={t('stock.coldChain.title')}>
        <p className="lede">{t('stock.coldChain.lede')}</p>
      </PageHeading>
      <StockSections />
      <div className="filters">
        <PartyPicker value={party} onChange={(value) => set('party', value)} allLabel={t('governance.allParties')} />
        <label className="field field-inline">
          <span>{t('stock.coldChain.show')}</span>
          <select value={show} onChange={(event) => set('show', event.target.value === 'all' ? 'all' : '')}>
            <option value="alarms">{t('stock.coldChain.showAlarms')}</option>
            <option value="all">{t('stock.coldChain.showAll')}</option>
          </select>
        </label>
      </div>

      <h2>{t('stock.coldChain.excursions')}</h2>
      {alarms.status === 'loading' ? <Loading /> : null}
      {alarms.status === 'failed' ? <ErrorNotice error={alarms.error} /> : null}
      {alarms.status === 'ready' ? (
        <DataTable
          caption={t('stock.coldChain.caption', { count: alarms.data.excursions.length })}
          testId="excursions"
          rows={alarms.data.excursions}
          rowKey={(e) => e.id}
          empty={t('stock.coldChain.none')}
          columns={[
            { key: 'device', header: t('stock.coldChain.device'), cell: (e) => <Link href={`/stock/cold-chain/devices/${encodeURIComponent(e.device)}`}>{e.device}</Link>, sortValue: (e) => e.device },
            { key: 'party', header: t('governance.party'), cell: (e) => jurisdictions.name(e.jurisdiction), sortValue: (e) => e.jurisdiction },
            { key: 'store', header: t('stock.store'), cell: (e) => e.store },
            { key: 'type', header: t('stock.coldChain.type'), cell: (e) => <ExcursionType type={e.type} />, sortValue: (e) => e.type },
            { key: 'start', header: t('stock.coldChain.start'), cell: (e) => formatDateTime(e.startAt, i18n.language), sortValue: (e) => e.startAt },
            { key: 'end', header: t('stock.coldChain.end'), cell: (e) => (e.ongoing ? <strong>{t('stock.coldChain.ongoing')}</strong> : e.endAt ? formatDateTime(e.endAt, i18n.language) : '—') },
            { key: 'minutes', header: t('stock.coldChain.duration'), numeric: true, cell: (e) => <Duration minutes={e.minutes} />, sortValue: (e) => e.minutes },
            { key: 'extreme', header: t('stock.coldChain.extreme'), numeric: true, cell: (e) => celsius(e.extremeC), sortValue: (e) => e.extremeC },
            { key: 'alarm', header: t('stock.coldChain.alarm'), cell: (e) => (e.alarm ? <strong className="flag flag-bad">⚠ {t('stock.yes')}</strong> : t('stock.no')) },
            { key: 'quarantines', header: t('stock.coldChain.openQuarantines'), numeric: true, cell: (e) => e.openQuarantines, sortValue: (e) => e.openQuarantines },
          ]}
        />
      ) : null}

      <h2>{t('stock.quarantine.heading')}</h2>
      <p className="hint">{t('stock.quarantine.lede')}</p>
      {quarantines.status === 'loading' ? <Loading /> : null}
      {quarantines.status === 'failed' ? <ErrorNotice error={quarantines.error} /> : null}
      {quarantines.status === 'ready' ? (
        <DataTable
          caption={t('stock.quarantine.caption', { count: quarantines.data.quarantines.length })}
          testId="quarantines"
          rows={quarantines.data.quarantines}
          rowKey={(q) => q.id}
          empty={t('stock.quarantine.none')}
          columns={[
            { key: 'store', header: t('stock.store'), cell: (q) => q.store, sortValue: (q) => q.store },
            { key: 'product', header: t('stock.product'), cell: (q) => products.name(q.product), sortValue: (q) => products.name(q.product) },
            { key: 'lot', header: t('stock.lot'), cell: (q) => <code>{q.lot}</code> },
            { key: 'expiry', header: t('stock.expiry'), cell: (q) => formatCalendarDate(q.expiry, i18n.language), sortValue: (q) => q.expiry },
            { key: 'onHand', header: t('stock.onHand'), numeric: true, cell: (q) => formatNumber(q.onHand, i18n.language), sortValue: (q) => q.onHand },
            { key: 'opened', header: t('stock.quarantine.opened'), cell: (q) => formatDateTime(q.openedAt, i18n.language), sortValue: (q) => q.openedAt },
            { key: 'reason', header: t('stock.quarantine.why'), cell: (q) => q.reason },
            ...(mayDecide
              ? [
                  {
                    key: 'decide',
                    header: t('stock.quarantine.decision'),
                    cell: (q: (typeof quarantines.data.quarantines)[number]) => (
                      <QuarantineDecisionForm
                        quarantine={q}
                        product={products.products.find((p) => p.id === q.product)}
                        onDone={() => {
                          quarantines.reload();
                          alarms.reload();
                        }}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
    </>
  );
};
