import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable, type Column } from '../../shared/components/data-table.tsx';
import { ErrorNotice, InfoNote, Loading } from '../../shared/components/notice.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { useProducts } from '../stock/products.ts';
import { CountCell } from './suppressed-cell.tsx';
import { publicApi } from './public.api.ts';
import { hiddenCount, recentMonths, stockMatrix } from './public-tables.ts';
import type { PublicStockLevels } from './public.types.ts';
import { WithheldList } from './withheld-list.tsx';

type Row = ReturnType<typeof stockMatrix>['rows'][number];

/** Stock on hand by party and product for a month, as the stock clause lets each party publish it. */
export const PublicStock = ({ name }: { name(code: string): string }) => {
  const { t, i18n } = useTranslation();
  const months = useMemo(() => recentMonths(new Date(), 12), []);
  const [month, setMonth] = useState(months[0]!);
  const stock = useApi((signal) => publicApi(api).stockLevels(month, signal), [month]);
  return (
    <section aria-labelledby="public-stock-heading" data-testid="public-stock-section">
      <h2 id="public-stock-heading">{t('public.stock.heading')}</h2>
      <p>{t('public.stock.lede')}</p>
      <label className="field field-inline">
        <span>{t('public.stock.month')}</span>
        <select value={month} onChange={(event) => setMonth(event.target.value)}>
          {months.map((m) => (
            <option key={m} value={m}>
              {new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`))}
            </option>
          ))}
        </select>
      </label>
      {stock.status === 'loading' ? <Loading /> : null}
      {stock.status === 'failed' ? <ErrorNotice error={stock.error} /> : null}
      {stock.status === 'ready' ? <StockTable data={stock.data} name={name} /> : null}
    </section>
  );
};

const StockTable = ({ data, name }: { data: PublicStockLevels; name(code: string): string }) => {
  const { t, i18n } = useTranslation();
  const products = useProducts();
  const matrix = useMemo(() => stockMatrix(data.levels), [data]);
  const columns: Column<Row>[] = [
    { key: 'product', header: t('stock.product'), cell: (row) => products.name(row.key), sortValue: (row) => products.name(row.key) },
    ...matrix.columns.map(
      (party): Column<Row> => ({
        key: party,
        header: name(party),
        numeric: true,
        cell: (row) => {
          const level = row.cells.get(party);
          return level ? <CountCell count={level.quantity} suppressed={level.suppressed} /> : <span data-suppressed="false">0</span>;
        },
        sortValue: (row) => row.cells.get(party)?.quantity ?? null,
      }),
    ),
  ];
  return (
    <>
      {data.synthetic ? <InfoNote>{t('public.synthetic')}</InfoNote> : null}
      <DataTable
        caption={t(data.complete ? 'public.stock.captionEnd' : 'public.stock.captionNow', { asOf: formatDateTime(data.asOf, i18n.language) })}
        testId="public-stock"
        rows={matrix.rows}
        rowKey={(row) => row.key}
        columns={columns}
        initialSort={{ key: 'product', direction: 'ascending' }}
        empty={t('public.nothingPublished')}
      />
      <p className="hint">{t('public.hiddenCount', { count: hiddenCount(data.levels) })}</p>
      <WithheldList withheld={data.withheld} name={name} testId="public-stock-withheld" />
    </>
  );
};
