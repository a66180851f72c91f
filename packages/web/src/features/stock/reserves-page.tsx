import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';
import { PartyPicker } from '../governance/party-picker.tsx';
import { useJurisdictions } from './parties.ts';
import { useProducts } from './products.ts';
import { Flag } from './stock-badges.tsx';
import { StockSections } from './stock-sections.tsx';
import { stockApi } from './stock.api.ts';

/**
 * Reserves owed under each stockpile-sharing clause in force: a share of
 * each party's national usable stock, held at its central store, and
 * whether each party holds it.
 */
export const ReservesPage = () => {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const party = search.get('party') ?? '';
  const products = useProducts();
  const jurisdictions = useJurisdictions();
  const reserves = useApi((signal) => stockApi(api).reserves({ party: party || undefined }, signal), [party]);
  const number = (value: number) => formatNumber(value, i18n.language, { maximumFractionDigits: 0 });
  const percent = (value: number) => formatNumber(value, i18n.language, { style: 'percent', maximumFractionDigits: 0 });

  return (
    <>
      <PageHeading title={t('stock.reserves.title')}>
        <p className="lede">{t('stock.reserves.lede')}</p>
      </PageHeading>
      <StockSections />
      <PartyPicker
        value={party}
        onChange={(value) =>
          setSearch((params) => {
            if (value) params.set('party', value);
            else params.delete('party');
            return params;
          })
        }
        allLabel={t('governance.allParties')}
      />
      {reserves.status === 'loading' ? <Loading /> : null}
      {reserves.status === 'failed' ? <ErrorNotice error={reserves.error} /> : null}
      {reserves.status === 'ready' ? (
        <>
          <h2>{t('stock.reserves.compliance')}</h2>
          <DataTable
            caption={t('stock.reserves.complianceCaption')}
            testId="reserve-compliance"
            rows={reserves.data.summary}
            rowKey={(s) => s.party}
            columns={[
              { key: 'party', header: t('governance.party'), cell: (s) => jurisdictions.name(s.party), sortValue: (s) => s.party },
              { key: 'compliant', header: t('stock.reserves.productsHeld'), numeric: true, cell: (s) => t('stock.reserves.xOfY', { held: s.compliant, products: s.products }), sortValue: (s) => s.compliant / (s.products || 1) },
              {
                key: 'status',
                header: t('stock.reserves.status'),
                cell: (s) => <Flag on={s.compliant < s.products} yes={t('stock.reserves.short')} no={t('stock.reserves.compliant')} />,
                sortValue: (s) => s.products - s.compliant,
              },
            ]}
          />
          <h2>{t('stock.reserves.lines')}</h2>
          <p className="hint">{t('stock.reserves.rule')}</p>
          <DataTable
            caption={t('stock.reserves.linesCaption', { count: reserves.data.reserves.length })}
            testId="reserve-lines"
            rows={reserves.data.reserves}
            rowKey={(r) => `${r.pactId}|${r.clauseId}|${r.party}|${r.product}`}
            empty={t('stock.reserves.none')}
            columns={[
              { key: 'party', header: t('governance.party'), cell: (r) => jurisdictions.name(r.party), sortValue: (r) => r.party },
              { key: 'product', header: t('stock.product'), cell: (r) => products.name(r.product), sortValue: (r) => products.name(r.product) },
              {
                key: 'clause',
                header: t('stock.clause'),
                cell: (r) => (
                  <Link href={`/pacts/${r.pactId}/versions/${r.pactVersion}#clause-${r.clauseId}`}>
                    <code>{r.clauseId}</code>
                  </Link>
                ),
              },
              { key: 'share', header: t('stock.reserves.share'), numeric: true, cell: (r) => percent(r.share) },
              { key: 'national', header: t('stock.reserves.national'), numeric: true, cell: (r) => number(r.nationalStock), sortValue: (r) => r.nationalStock },
              { key: 'owed', header: t('stock.reserves.owed'), numeric: true, cell: (r) => number(r.owed), sortValue: (r) => r.owed },
              { key: 'held', header: t('stock.reserves.held'), numeric: true, cell: (r) => number(r.held), sortValue: (r) => r.held },
              { key: 'coverage', header: t('stock.reserves.coverage'), numeric: true, cell: (r) => (r.coverage === null ? '—' : percent(r.coverage)), sortValue: (r) => r.coverage },
              {
                key: 'compliant',
                header: t('stock.reserves.status'),
                cell: (r) => <Flag on={!r.compliant} yes={t('stock.reserves.shortBy', { quantity: number(r.owed - r.held) })} no={t('stock.reserves.compliant')} />,
                sortValue: (r) => (r.compliant ? 1 : 0),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
};
