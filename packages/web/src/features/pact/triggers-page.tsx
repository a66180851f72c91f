import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, InfoNote, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatCalendarDate, formatNumber } from '../../shared/i18n/format.ts';
import { pactApi } from './pact.api.ts';
import { PactSections } from './pact-sections.tsx';
import { ReasonText } from './plain-text.tsx';
import type { TriggerEvaluation } from './pact.types.ts';

/**
 * The funding triggers as they stand on the live indicators: for each
 * clause and recipient, the indicator's value against the threshold,
 * whether it fired, how much it pays and by when. Money never moves from
 * this page; it shows what the pact would release now.
 */
export const TriggersPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const triggers = useApi((signal) => pactApi(api).triggers(id, signal), [id]);
  const language = i18n.language;
  const money = (row: TriggerEvaluation) => formatNumber(row.amount, language, { style: 'currency', currency: row.currency, currencyDisplay: 'code', maximumFractionDigits: 0 });
  return (
    <>
      <PageHeading title={t('triggers.title')}>
        <p className="lede">{t('triggers.lede')}</p>
      </PageHeading>
      <PactSections id={id} />
      {triggers.status === 'loading' ? <Loading /> : null}
      {triggers.status === 'failed' ? <ErrorNotice error={triggers.error} /> : null}
      {triggers.status === 'ready' && triggers.data.pactVersion === null ? <InfoNote>{t('duties.notInForce')}</InfoNote> : null}
      {triggers.status === 'ready' && triggers.data.pactVersion !== null ? (
        <DataTable
          caption={t('triggers.caption', { count: triggers.data.triggers.filter((r) => r.fired).length, total: triggers.data.triggers.length })}
          testId="triggers-table"
          rows={triggers.data.triggers}
          rowKey={(row) => `${row.clauseId}/${row.recipient}`}
          initialSort={{ key: 'state', direction: 'ascending' }}
          columns={[
            {
              key: 'clause',
              header: t('duties.clause'),
              cell: (row) => (
                <Link href={`/pacts/${id}/versions/${triggers.data.pactVersion}#clause-${row.clauseId}`}>
                  <code>{row.clauseId}</code>
                </Link>
              ),
            },
            { key: 'recipient', header: t('triggers.recipient'), cell: (row) => row.recipient, sortValue: (row) => row.recipient },
            {
              key: 'value',
              header: t('triggers.valueAndThreshold'),
              cell: (row) =>
                row.threshold === undefined
                  ? '—'
                  : t('duties.valueAgainstTarget', {
                      value: row.value === undefined ? t('duties.noValue') : formatNumber(row.value, language),
                      comparison: row.comparison ?? '>=',
                      target: formatNumber(row.threshold, language),
                    }),
            },
            {
              key: 'state',
              header: t('triggers.state'),
              cell: (row) => <span className={row.fired ? 'badge effect-permit' : 'badge'}>{row.fired ? `⚑ ${t('triggers.fired')}` : t('triggers.notFired')}</span>,
              sortValue: (row) => (row.fired ? 0 : 1),
            },
            { key: 'amount', header: t('triggers.amount'), numeric: true, cell: money, sortValue: (row) => row.amount },
            { key: 'by', header: t('triggers.disburseBy'), cell: (row) => (row.disburseBy ? formatCalendarDate(row.disburseBy, language) : '—') },
            { key: 'reason', header: t('triggers.reason'), cell: (row) => <ReasonText reason={row.reason} /> },
          ]}
        />
      ) : null}
    </>
  );
};
