import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable, type Column } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate, formatNumber } from '../../shared/i18n/format.ts';
import { useJurisdictions } from './parties.ts';
import { ProductPicker } from './product-picker.tsx';
import { useProducts } from './products.ts';
import { BandLegend, MonthsBadge } from './stock-badges.tsx';
import { StockSections } from './stock-sections.tsx';
import { stockApi } from './stock.api.ts';
import type { StockLevel } from './stock.types.ts';
import { useSearchFilters } from '../../shared/routing/search-filters.ts';

/**
 * One party's stock: by product with months of stock, then store by store
 * (central medical store, hospitals), optionally for one product.
 */
export const PartyStockPage = () => {
  const { t, i18n } = useTranslation();
  const { party = '' } = useParams<{ party: string }>();
  const [search, set] = useSearchFilters();
  const product = search.get('product') ?? '';
  const store = search.get('store') ?? '';
  const products = useProducts();
  const jurisdictions = useJurisdictions();
  const byProduct = useApi((signal) => stockApi(api).levels({ party }, signal), [party]);
  const byStore = useApi((signal) => stockApi(api).levels({ party, product: product || undefined, by: 'store' }, signal), [party, product]);
  const stores = useApi((signal) => stockApi(api).stores(party, signal), [party]);
  const storeName = (id: string | null) => (stores.status === 'ready' ? (stores.data.stores.find((s) => s.id === id)?.name ?? id) : id) ?? '—';
  const number = (value: number | null) => (value === null ? '—' : formatNumber(value, i18n.language, { maximumFractionDigits: 0 }));
  const date = (value: string | null) => (value ? formatCalendarDate(value, i18n.language) : '—');

  const quantities: Column<StockLevel>[] = [
    { key: 'onHand', header: t('stock.onHand'), numeric: true, cell: (l) => number(l.onHand), sortValue: (l) => l.onHand },
    { key: 'usable', header: t('stock.usable'), numeric: true, cell: (l) => number(l.usable), sortValue: (l) => l.usable },
    { key: 'quarantined', header: t('stock.quarantined'), numeric: true, cell: (l) => number(l.quarantined), sortValue: (l) => l.quarantined },
    { key: 'expired', header: t('stock.expired'), numeric: true, cell: (l) => number(l.expired), sortValue: (l) => l.expired },
    { key: 'lots', header: t('stock.lots'), numeric: true, cell: (l) => l.lots, sortValue: (l) => l.lots },
    { key: 'expiry', header: t('stock.earliestExpiry'), cell: (l) => date(l.earliestUsableExpiry), sortValue: (l) => l.earliestUsableExpiry },
  ];
  const productColumn: Column<StockLevel> = { key: 'product', header: t('stock.product'), cell: (l) => products.name(l.product), sortValue: (l) => products.name(l.product) };

  return (
    <>
      <PageHeading title={t('stock.party.title', { party: jurisdictions.name(party) })}>
        <p className="lede">{t('stock.party.lede')}</p>
      </PageHeading>
      <StockSections />
      <h2>{t('stock.party.byProduct')}</h2>
      {byProduct.status === 'loading' ? <Loading /> : null}
      {byProduct.status === 'failed' ? <ErrorNotice error={byProduct.error} /> : null}
      {byProduct.status === 'ready' ? (
        <>
          <BandLegend />
          <DataTable
            caption={t('stock.party.byProductCaption', { party: jurisdictions.name(party), months: byProduct.data.amcMonths.join(', ') })}
            testId="party-stock"
            rows={byProduct.data.levels}
            rowKey={(l) => l.product}
            initialSort={{ key: 'product', direction: 'ascending' }}
            columns={[
              productColumn,
              ...quantities,
              { key: 'amc', header: t('stock.amc'), numeric: true, cell: (l) => number(l.averageMonthlyConsumption), sortValue: (l) => l.averageMonthlyConsumption },
              { key: 'months', header: t('stock.monthsOfStock'), numeric: true, cell: (l) => <MonthsBadge months={l.monthsOfStock} />, sortValue: (l) => l.monthsOfStock },
            ]}
          />
        </>
      ) : null}

      <h2>{t('stock.party.byStore')}</h2>
      <div className="filters">
        <label className="field field-inline">
          <span>{t('stock.store')}</span>
          <select value={store} onChange={(event) => set('store', event.target.value)}>
            <option value="">{t('stock.party.allStores')}</option>
            {(stores.status === 'ready' ? stores.data.stores : []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <ProductPicker products={products} value={product} onChange={(value) => set('product', value)} />
      </div>
      {byStore.status === 'loading' ? <Loading /> : null}
      {byStore.status === 'failed' ? <ErrorNotice error={byStore.error} /> : null}
      {byStore.status === 'ready' ? (
        <DataTable
          caption={t('stock.party.byStoreCaption', { party: jurisdictions.name(party) })}
          testId="store-stock"
          rows={byStore.data.levels.filter((l) => !store || l.store === store)}
          rowKey={(l) => `${l.store}|${l.product}`}
          columns={[{ key: 'store', header: t('stock.store'), cell: (l) => storeName(l.store), sortValue: (l) => l.store }, productColumn, ...quantities]}
        />
      ) : null}
    </>
  );
};
