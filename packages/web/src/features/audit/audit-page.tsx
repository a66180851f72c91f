import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import type { AuditRow, AuditVerification } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { auditApi } from './audit.api.ts';

const PAGE_SIZE = 100;
const VERIFIERS = ['auditor', 'hub-coordinator'] as const;

/**
 * The hash-chained audit log, newest first, a page at a time. The auditor
 * and the hub coordinator can recompute the chain: the node answers whether
 * every row still links to the one before, or names the first broken link.
 */
export const AuditPage = () => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before.at(-1);
  const rows = useApi((signal) => auditApi(api).rows({ before: cursor, limit: PAGE_SIZE }, signal), [cursor]);
  const mayVerify = me?.roles.some((role) => (VERIFIERS as readonly string[]).includes(role)) ?? false;

  return (
    <>
      <PageHeading title={t('audit.title')}>
        <p className="lede">{me?.regionWide ? t('audit.ledeRegion') : t('audit.ledeParty', { jurisdiction: me?.jurisdiction })}</p>
      </PageHeading>
      {mayVerify ? <VerifyChain /> : null}
      {rows.status === 'loading' ? <Loading /> : null}
      {rows.status === 'failed' ? <ErrorNotice error={rows.error} /> : null}
      {rows.status === 'ready' ? (
        <>
          <AuditTable rows={rows.data.rows} />
          <div className="pager">
            {before.length > 0 ? (
              <button type="button" className="button button-secondary" onClick={() => setBefore((b) => b.slice(0, -1))}>
                {t('audit.newer')}
              </button>
            ) : null}
            {rows.data.rows.length === PAGE_SIZE ? (
              <button type="button" className="button button-secondary" onClick={() => setBefore((b) => [...b, rows.data.rows.at(-1)!.seq])}>
                {t('audit.older')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
};

const VerifyChain = () => {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<{ status: 'idle' | 'running' } | { status: 'done'; result: AuditVerification } | { status: 'failed'; error: unknown }>({
    status: 'idle',
  });
  const verify = async () => {
    setState({ status: 'running' });
    try {
      setState({ status: 'done', result: await auditApi(api).verify() });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return (
    <section className="verify" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('audit.verifyHeading')}</h2>
      <button type="button" className="button" onClick={verify} disabled={state.status === 'running'}>
        {state.status === 'running' ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div role="status" aria-live="polite">
        {state.status === 'done' && state.result.ok ? (
          <p className="notice notice-ok">{t('audit.chainIntact', { checked: formatNumber(state.result.checked, i18n.language) })}</p>
        ) : null}
        {state.status === 'done' && !state.result.ok ? (
          <p className="notice notice-error">
            {t('audit.chainBroken', {
              checked: formatNumber(state.result.checked, i18n.language),
              seq: state.result.firstBroken?.seq ?? '?',
              reason: state.result.firstBroken?.reason ?? '',
            })}
          </p>
        ) : null}
      </div>
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
    </section>
  );
};

const AuditTable = ({ rows }: { rows: AuditRow[] }) => {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={t('audit.caption', { count: rows.length })}
      testId="audit-table"
      rows={rows}
      rowKey={(row) => String(row.seq)}
      columns={[
        { key: 'seq', header: '#', numeric: true, cell: (row) => row.seq },
        { key: 'at', header: t('audit.at'), cell: (row) => <time dateTime={row.at}>{formatDateTime(row.at, i18n.language)}</time> },
        { key: 'actor', header: t('audit.actor'), cell: (row) => row.actor },
        { key: 'action', header: t('audit.action'), cell: (row) => <code>{row.action}</code> },
        { key: 'entity', header: t('audit.entity'), cell: (row) => (row.entityId ? `${row.entityType} ${row.entityId}` : row.entityType) },
        { key: 'jurisdiction', header: t('users.jurisdiction'), cell: (row) => row.jurisdiction ?? '—' },
        { key: 'details', header: t('audit.details'), cell: (row) => <code className="details">{summarise(row.details)}</code> },
      ]}
    />
  );
};

/** Details are free-form JSON; a table cell shows the start of it. */
const summarise = (details: unknown): string => {
  const text = details === null || details === undefined ? '' : JSON.stringify(details);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};
