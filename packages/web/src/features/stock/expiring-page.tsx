import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate, formatNumber } from '../../shared/i18n/format.ts';
import { PartyPicker } from '../governance/party-picker.tsx';
import { useJurisdictions } from './parties.ts';
import { ProductPicker } from './product-picker.tsx';
import { useProducts } from './products.ts';
import { StockSections } from './stock-sections.tsx';
import { stockApi } from './stock.api.ts';
import { useSearchFilters } from '../../shared/routing/search-filters.ts';

export const EXPIRY_WINDOWS = [30, 60, 90, 180, 365] as const;
/** Lots this close to expiry need using, moving or a decision now. */
const URGENT_DAYS = 30;

/**
 * Lots that expire within the window (90 days by default), in the order
 * they should leave the shelf: first expiry, first out (FEFO, WHO TRS 961
 * Annex 9), which is the order the node lists them in.
 */
export const ExpiringPage = () => {
  const { t, i18n } = useTranslation();
  const [search, set] = useSearchFilters();
  const days = EXPIRY_WINDOWS.find((d) => String(d) === search.get('days')) ?? 90;
  const party = search.get('party') ?? '';
  const product = search.get('product') ?? '';
  const products = useProducts();
  const jurisdictions = useJurisdictions();
  const expiring = useApi((signal) => stockApi(api).expiring({ days, party: party || undefined, product: product || undefined }, signal), [days, party, product]);

  return (
    <>
      <PageHeading title={t('stock.expiring.title')}>
        <p className="lede">{t('stock.expiring.lede')}</p>
      </PageHeading>
      <StockSections />
      <div className="filters">
        <label className="field field-inline">
          <span>{t('stock.expiring.window')}</span>
          <select value={days} onChange={(event) => set('days', event.target.value)}>
            {EXPIRY_WINDOWS.map((d) => (
              <option key={d} value={d}>
                {t('stock.expiring.days', { count: d })}
              </option>
            ))}
          </select>
        </label>
        <PartyPicker value={party} onChange={(value) => set('party', value)} allLabel={t('governance.allParties')} />
        <ProductPicker products={products} value={product} onChange={(value) => set('product', value)} />
      </div>
      {expiring.status === 'loading' ? <Loading /> : null}
      {expiring.status === 'failed' ? <ErrorNotice error={expiring.error} /> : null}
      {expiring.status === 'ready' ? (
        <DataTable
          caption={t('stock.expiring.caption', { count: expiring.data.lots.length, until: formatCalendarDate(expiring.data.until, i18n.language) })}
          testId="expiring-lots"
          rows={expiring.data.lots.map((lot, index) => ({ ...lot, order: index + 1 }))}
          rowKey={(lot) => `${lot.store}|${lot.product}|${lot.lot}`}
          empty={t('stock.expiring.none')}
          columns={[
            { key: 'order', header: t('stock.expiring.order'), numeric: true, cell: (lot) => lot.order, sortValue: (lot) => lot.order },
            { key: 'expiry', header: t('stock.expiry'), cell: (lot) => formatCalendarDate(lot.expiry, i18n.language), sortValue: (lot) => lot.expiry },
            {
              key: 'days',
              header: t('stock.expiring.daysLeft'),
              numeric: true,
              cell: (lot) => (
                <span className={lot.daysLeft <= URGENT_DAYS ? 'clock clock-urgent' : undefined}>{t('stock.expiring.days', { count: lot.daysLeft })}</span>
              ),
              sortValue: (lot) => lot.daysLeft,
            },
            { key: 'party', header: t('governance.party'), cell: (lot) => <Link href={`/stock/parties/${lot.party}`}>{jurisdictions.name(lot.party)}</Link>, sortValue: (lot) => lot.party },
            { key: 'store', header: t('stock.store'), cell: (lot) => lot.store, sortValue: (lot) => lot.store },
            { key: 'product', header: t('stock.product'), cell: (lot) => products.name(lot.product), sortValue: (lot) => products.name(lot.product) },
            { key: 'lot', header: t('stock.lot'), cell: (lot) => <code>{lot.lot}</code> },
            { key: 'quantity', header: t('stock.quantity'), numeric: true, cell: (lot) => formatNumber(lot.quantity, i18n.language), sortValue: (lot) => lot.quantity },
            { key: 'quarantined', header: t('stock.quarantined'), cell: (lot) => (lot.quarantined ? t('stock.yes') : t('stock.no')) },
          ]}
        />
      ) : null}
    </>
  );
};
