import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { PartyPicker } from '../governance/party-picker.tsx';
import { useJurisdictions } from './parties.ts';
import { useProducts } from './products.ts';
import { RequestClockBadge } from './request-clock-badge.tsx';
import { StockSections } from './stock-sections.tsx';
import { RequestStatusBadge } from './stock-words.tsx';
import { stockApi } from './stock.api.ts';
import type { RequestStatus } from './stock.types.ts';
import { useSearchFilters } from '../../shared/routing/search-filters.ts';

/** Requests still moving: waiting for a decision, a shipment, a receipt or repayment. */
export const OPEN_STATUSES: RequestStatus[] = ['pending', 'approved', 'partially-approved', 'shipped', 'received'];

/** Sharing requests between parties and the hub, each with its decision clock and repayment. */
export const RequestsPage = () => {
  const { t, i18n } = useTranslation();
  const [search, set] = useSearchFilters();
  const party = search.get('party') ?? '';
  const show = search.get('show') === 'all' ? 'all' : 'open';
  const products = useProducts();
  const jurisdictions = useJurisdictions();
  const requests = useApi(
    (signal) => stockApi(api).requests({ party: party || undefined, status: show === 'open' ? OPEN_STATUSES : undefined }, signal),
    [party, show],
  );

  return (
    <>
      <PageHeading title={t('stock.requests.title')}>
        <p className="lede">{t('stock.requests.lede')}</p>
      </PageHeading>
      <StockSections />
      <div className="filters">
        <PartyPicker value={party} onChange={(value) => set('party', value)} allLabel={t('governance.allParties')} />
        <label className="field field-inline">
          <span>{t('stock.requests.show')}</span>
          <select value={show} onChange={(event) => set('show', event.target.value === 'all' ? 'all' : '')}>
            <option value="open">{t('stock.requests.showOpen')}</option>
            <option value="all">{t('stock.requests.showAll')}</option>
          </select>
        </label>
      </div>
      {requests.status === 'loading' ? <Loading /> : null}
      {requests.status === 'failed' ? <ErrorNotice error={requests.error} /> : null}
      {requests.status === 'ready' ? (
        <DataTable
          caption={t('stock.requests.caption', { count: requests.data.requests.length })}
          testId="requests"
          rows={requests.data.requests}
          rowKey={(r) => r.id}
          empty={t('stock.requests.none')}
          columns={[
            {
              key: 'request',
              header: t('stock.requests.request'),
              cell: (r) => (
                <Link href={`/stock/requests/${r.id}`}>
                  {t('stock.requests.summary', { quantity: formatNumber(r.quantity, i18n.language), product: products.name(r.product) })}
                </Link>
              ),
              sortValue: (r) => products.name(r.product),
            },
            {
              key: 'route',
              header: t('stock.requests.route'),
              cell: (r) => t('stock.requests.fromTo', { lender: jurisdictions.name(r.lender), borrower: jurisdictions.name(r.borrower) }),
              sortValue: (r) => `${r.lender}${r.borrower}`,
            },
            { key: 'requested', header: t('stock.requests.requestedAt'), cell: (r) => formatDateTime(r.requestedAt, i18n.language), sortValue: (r) => r.requestedAt },
            { key: 'status', header: t('stock.requests.status'), cell: (r) => <RequestStatusBadge status={r.status} />, sortValue: (r) => r.status },
            { key: 'clock', header: t('stock.requests.clock'), cell: (r) => <RequestClockBadge request={r} />, sortValue: (r) => r.decisionClock.deadline },
            {
              key: 'repayment',
              header: t('stock.requests.repayment'),
              cell: (r) =>
                r.repayment ? (
                  <span className={r.repayment.overdue ? 'clock clock-late' : undefined}>
                    {r.repayment.overdue ? <span aria-hidden="true">⚠ </span> : null}
                    {t(r.repayment.overdue ? 'stock.requests.repayOverdue' : 'stock.requests.repayDue', {
                      outstanding: formatNumber(r.repayment.outstanding, i18n.language),
                      due: formatCalendarDate(r.repayment.due, i18n.language),
                    })}
                  </span>
                ) : (
                  '—'
                ),
              sortValue: (r) => r.repayment?.due ?? null,
            },
          ]}
        />
      ) : null}
    </>
  );
};
