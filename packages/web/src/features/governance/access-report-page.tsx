import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { governanceApi } from './governance.api.ts';
import type { AccessRow } from './governance.types.ts';
import { PartyPicker } from './party-picker.tsx';

/**
 * A party's access report: who read or received what about its people,
 * when, in which role, for which purpose, under which clause (or, for its
 * own staff, national law), how many records and which fields. The party
 * is in the URL (?party=KE); a focal point starts on their own.
 */
export const AccessReportPage = () => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [search, setSearch] = useSearchParams();
  const party = search.get('party') ?? (me && !me.regionWide ? me.jurisdiction : '');
  return (
    <>
      <PageHeading title={t('accessReport.title')}>
        <p className="lede">{t('accessReport.lede')}</p>
      </PageHeading>
      <PartyPicker
        value={party}
        allLabel={party === '' ? t('accessReport.choose') : undefined}
        onChange={(value) =>
          setSearch((params) => {
            params.set('party', value);
            return params;
          })
        }
      />
      {party ? <Report party={party} /> : null}
    </>
  );
};

const Report = ({ party }: { party: string }) => {
  const { t, i18n } = useTranslation();
  const report = useApi((signal) => governanceApi(api).accessReport(party, signal), [party]);
  if (report.status === 'loading') return <Loading />;
  if (report.status === 'failed') return <ErrorNotice error={report.error} />;
  const rows = report.data.rows;
  const basis = (row: AccessRow) =>
    row.basis === 'pact' && row.clauseId && row.pactId ? (
      <Link href={`/pacts/${row.pactId}/versions/${row.pactVersion}#clause-${row.clauseId}`}>
        <code>{row.clauseId}</code>
      </Link>
    ) : (
      t(`accessReport.basis.${row.basis}`)
    );
  return (
    <DataTable
      caption={t('accessReport.caption', { count: rows.length, party })}
      testId="access-report-table"
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { key: 'at', header: t('audit.at'), cell: (row) => <time dateTime={row.at}>{formatDateTime(row.at, i18n.language)}</time>, sortValue: (row) => row.at },
        {
          key: 'who',
          header: t('accessReport.who'),
          cell: (row) => (
            <>
              {row.actor}
              {row.role ? <span className="hint"> · {t(`roles.${row.role}`, { defaultValue: row.role })}</span> : null}
              {row.actorJurisdiction ? <span className="hint"> · {row.actorJurisdiction}</span> : null}
            </>
          ),
          sortValue: (row) => row.actor,
        },
        {
          key: 'what',
          header: t('accessReport.what'),
          cell: (row) => (
            <>
              {t(`accessReport.action.${row.action}`)} <code>{row.dataset}</code>
              {row.recipient ? ` → ${row.recipient}` : ''}
            </>
          ),
          sortValue: (row) => row.dataset,
        },
        { key: 'purpose', header: t('accessReport.purpose'), cell: (row) => t(`purposes.${row.purpose}`, { defaultValue: row.purpose }), sortValue: (row) => row.purpose },
        { key: 'basis', header: t('accessReport.under'), cell: basis },
        { key: 'records', header: t('accessReport.records'), numeric: true, cell: (row) => formatNumber(row.records, i18n.language), sortValue: (row) => row.records },
        { key: 'fields', header: t('accessReport.fields'), cell: (row) => (row.fields.length > 0 ? <code className="details">{row.fields.join(', ')}</code> : '—') },
      ]}
    />
  );
};
