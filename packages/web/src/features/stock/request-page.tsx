import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { DeadlineClock } from '../pact/deadline-clock.tsx';
import { useJurisdictions } from './parties.ts';
import { useProducts } from './products.ts';
import { RequestActions } from './request-actions.tsx';
import { RequestClockBadge } from './request-clock-badge.tsx';
import { StockSections } from './stock-sections.tsx';
import { RequestStatusBadge } from './stock-words.tsx';
import { stockApi } from './stock.api.ts';
import type { SharingRequest } from './stock.types.ts';

/** One sharing request: its decision clock, the decision, the lots shipped, the receipt and the repayment schedule. */
export const RequestPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const request = useApi((signal) => stockApi(api).request(id, signal), [id]);
  return (
    <>
      {request.status === 'ready' ? <RequestView request={request.data} reload={request.reload} /> : <PageHeading title={t('stock.request.heading')} />}
      {request.status === 'loading' ? <Loading /> : null}
      {request.status === 'failed' ? <ErrorNotice error={request.error} /> : null}
    </>
  );
};

const RequestView = ({ request, reload }: { request: SharingRequest; reload(): void }) => {
  const { t, i18n } = useTranslation();
  const products = useProducts();
  const jurisdictions = useJurisdictions();
  const number = (value: number) => formatNumber(value, i18n.language);
  const when = (value: string | null) => (value ? formatDateTime(value, i18n.language) : '—');
  const repayment = request.repayment;
  return (
    <>
      <PageHeading
        title={t('stock.request.title', {
          quantity: number(request.quantity),
          product: products.name(request.product),
          lender: jurisdictions.name(request.lender),
          borrower: jurisdictions.name(request.borrower),
        })}
      >
        <p className="lede">{request.reason}</p>
      </PageHeading>
      <StockSections />
      <p className="clock-panel" data-testid="decision-clock">
        <span className="clock-label">{t('stock.request.clockLabel')}</span> <RequestClockBadge request={request} />
        <span className="hint">
          {' '}
          {t('stock.request.deadline', { deadline: formatDateTime(request.decisionClock.deadline, i18n.language), deciders: request.deciders.join(', ') })}
        </span>
      </p>
      <dl className="facts" data-testid="request-facts">
        <dt>{t('stock.requests.status')}</dt>
        <dd>
          <RequestStatusBadge status={request.status} />
        </dd>
        <dt>{t('stock.request.requested')}</dt>
        <dd>{t('stock.request.byAt', { by: request.requestedBy, at: when(request.requestedAt) })}</dd>
        <dt>{t('stock.clause')}</dt>
        <dd>
          <Link href={`/pacts/${request.pactId}/versions/${request.pactVersion}#clause-${request.clauseId}`}>
            <code>{request.clauseId}</code>
          </Link>{' '}
          {t('stock.request.underVersion', { version: request.pactVersion })}
        </dd>
        <dt>{t('stock.request.decision')}</dt>
        <dd>
          {request.decidedAt
            ? t('stock.request.decisionText', {
                approved: number(request.approvedQuantity ?? 0),
                by: request.decidedBy ?? '—',
                at: when(request.decidedAt),
                reason: request.decisionReason ?? '',
              })
            : t('stock.request.notDecided')}
        </dd>
        <dt>{t('stock.request.shipment')}</dt>
        <dd>{request.shippedAt ? t('stock.request.shippedText', { store: request.shippedFrom ?? '—', at: when(request.shippedAt) }) : t('stock.request.notYet')}</dd>
        <dt>{t('stock.request.receipt')}</dt>
        <dd>{request.receivedAt ? t('stock.request.receivedText', { store: request.receivedInto ?? '—', at: when(request.receivedAt) }) : t('stock.request.notYet')}</dd>
      </dl>

      {request.shipment.length > 0 ? (
        <DataTable
          caption={t('stock.request.lotsCaption')}
          testId="shipment-lots"
          rows={request.shipment}
          rowKey={(lot) => `${lot.store}|${lot.lot}`}
          columns={[
            { key: 'lot', header: t('stock.lot'), cell: (lot) => <code>{lot.lot}</code> },
            { key: 'store', header: t('stock.store'), cell: (lot) => lot.store },
            { key: 'quantity', header: t('stock.quantity'), numeric: true, cell: (lot) => number(lot.quantity) },
            { key: 'at', header: t('stock.request.at'), cell: (lot) => when(lot.at) },
          ]}
        />
      ) : null}

      {repayment ? (
        <section aria-labelledby="repayment-heading" data-testid="repayment">
          <h2 id="repayment-heading">{t('stock.request.repaymentHeading')}</h2>
          <p>
            {t('stock.request.repaymentText', { owed: number(repayment.owed), repaid: number(repayment.repaid), outstanding: number(repayment.outstanding) })}{' '}
            {repayment.outstanding > 0 ? <DeadlineClock date={repayment.due} now={new Date()} /> : <span className="clock clock-done">✓ {t('stock.status.repaid')}</span>}
          </p>
          <DataTable
            caption={t('stock.request.scheduleCaption', { inKind: repayment.inKind ? t('stock.request.inKind') : t('stock.request.inMoney') })}
            testId="repayment-schedule"
            rows={repayment.schedule}
            rowKey={(line) => line.due}
            columns={[
              { key: 'due', header: t('stock.request.due'), cell: (line) => formatCalendarDate(line.due, i18n.language) },
              { key: 'quantity', header: t('stock.quantity'), numeric: true, cell: (line) => number(line.quantity) },
            ]}
          />
          <DataTable
            caption={t('stock.request.repaymentsCaption', { count: repayment.repayments.length })}
            testId="repayments"
            rows={repayment.repayments}
            rowKey={(r) => r.id}
            empty={t('stock.request.noRepayments')}
            columns={[
              { key: 'at', header: t('stock.request.at'), cell: (r) => when(r.at) },
              { key: 'quantity', header: t('stock.quantity'), numeric: true, cell: (r) => number(r.quantity) },
              { key: 'from', header: t('stock.request.fromStore'), cell: (r) => r.fromStore },
              { key: 'to', header: t('stock.request.toStore'), cell: (r) => r.toStore },
              { key: 'by', header: t('stock.request.recordedBy'), cell: (r) => r.recordedBy },
            ]}
          />
        </section>
      ) : null}
      <RequestActions request={request} onDone={reload} />
    </>
  );
};
