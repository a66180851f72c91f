import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable, type Column } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { useJurisdictions } from './parties.ts';
import { useProducts } from './products.ts';
import { BandLegend, MonthsBadge } from './stock-badges.tsx';
import { bandOf } from './stock-bands.ts';
import { StockSections } from './stock-sections.tsx';
import { stockApi } from './stock.api.ts';
import type { StockLevel } from './stock.types.ts';

interface ProductRow {
  product: string;
  byParty: Map<string, StockLevel>;
}

/**
 * Months of stock of every product in every party the reader reaches, as
 * one table: a row per product, a column per party, each cell in its band.
 * A party's column leads to its stock by product and by store.
 */
export const StockLevelsPage = () => {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const levels = useApi((signal) => stockApi(api).levels({}, signal), []);
  const products = useProducts();
  const jurisdictions = useJurisdictions();

  const { rows, parties } = useMemo(() => {
    const all = levels.status === 'ready' ? levels.data.levels : [];
    // The hub's stockpile is consumed by nobody: it has no months of stock and is shown on its own page.
    const partyLevels = all.filter((l) => l.party !== jurisdictions.hub?.code);
    const parties = [...new Set(partyLevels.map((l) => l.party))].sort();
    const byProduct = new Map<string, ProductRow>();
    for (const level of partyLevels) {
      const row = byProduct.get(level.product) ?? { product: level.product, byParty: new Map() };
      row.byParty.set(level.party, level);
      byProduct.set(level.product, row);
    }
    return { rows: [...byProduct.values()], parties };
  }, [levels, jurisdictions.hub]);

  const counts = useMemo(() => {
    const tally = { under: 0, ok: 0, over: 0, unknown: 0 };
    for (const row of rows) for (const level of row.byParty.values()) tally[bandOf(level.monthsOfStock)] += 1;
    return tally;
  }, [rows]);

  const columns: Column<ProductRow>[] = [
    { key: 'product', header: t('stock.product'), cell: (row) => products.name(row.product), sortValue: (row) => products.name(row.product) },
    ...parties.map(
      (party): Column<ProductRow> => ({
        key: party,
        // Codes keep eight parties on one screen; the caption and the links below name them.
        header: party,
        numeric: true,
        cell: (row) => {
          const level = row.byParty.get(party);
          return level ? <MonthsBadge months={level.monthsOfStock} compact /> : '—';
        },
        sortValue: (row) => row.byParty.get(party)?.monthsOfStock ?? null,
      }),
    ),
  ];

  return (
    <>
      <PageHeading title={t('stock.levels.title')}>
        <p className="lede">{t('stock.levels.lede')}</p>
      </PageHeading>
      <StockSections />
      {levels.status === 'loading' || (levels.status === 'ready' && !jurisdictions.ready) ? <Loading /> : null}
      {levels.status === 'failed' ? <ErrorNotice error={levels.error} /> : null}
      {levels.status === 'ready' && jurisdictions.ready ? (
        <>
          <StatCards label={t('stock.levels.figures')}>
            <StatCard label={t('stock.levels.underCount')} value={counts.under} />
            <StatCard label={t('stock.levels.okCount')} value={counts.ok} />
            <StatCard label={t('stock.levels.overCount')} value={counts.over} />
            <StatCard label={t('stock.asOf')} value={formatDateTime(levels.data.asOf, i18n.language)} note={t('stock.amcMonths', { months: levels.data.amcMonths.join(', ') })} />
          </StatCards>
          <BandLegend />
          <DataTable
            caption={t('stock.levels.caption', { parties: parties.map((p) => `${p} ${jurisdictions.name(p)}`).join(', ') })}
            testId="months-of-stock"
            rows={rows}
            rowKey={(row) => row.product}
            columns={columns}
            initialSort={{ key: 'product', direction: 'ascending' }}
          />
          <h2>{t('stock.levels.byParty')}</h2>
          <ul className="party-links" data-testid="party-links">
            {[...parties, ...(me?.regionWide && jurisdictions.hub ? [jurisdictions.hub.code] : [])].map((party) => (
              <li key={party}>
                <Link href={`/stock/parties/${party}`}>{t('stock.levels.partyLink', { party: jurisdictions.name(party) })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
};
