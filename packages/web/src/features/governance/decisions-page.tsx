import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { EffectBadge, ReasonText } from '../pact/index.ts';
import { requestSummary } from './decision-summary.ts';
import { governanceApi } from './governance.api.ts';
import type { StoredDecision } from './governance.types.ts';
import { PartyPicker } from './party-picker.tsx';
import { useSearchFilters } from '../../shared/routing/search-filters.ts';

const PAGE_SIZE = 100;
const KINDS = ['data', 'stock-release', 'funding', 'referral', 'licence', 'waiver', 'escalation', 'milestone'];

/**
 * The decision log: every decision the node made under the pact, newest
 * first, each linked to the clause that decided it. Dry runs are never
 * stored, so they never show here. Filters live in the URL.
 */
export const DecisionsPage = () => {
  const { t } = useTranslation();
  const [search, setFilter] = useSearchFilters();
  const filter = {
    party: search.get('party') ?? '',
    effect: search.get('effect') ?? '',
    kind: search.get('kind') ?? '',
    clauseId: search.get('clause') ?? '',
  };
  const [before, setBefore] = useState<string[]>([]);
  const cursor = before.at(-1);
  const key = JSON.stringify(filter);
  const decisions = useApi(
    (signal) =>
      governanceApi(api).decisions(
        {
          party: filter.party || undefined,
          effect: (filter.effect || undefined) as 'permit' | 'deny' | undefined,
          kind: filter.kind || undefined,
          clauseId: filter.clauseId || undefined,
          before: cursor,
          limit: PAGE_SIZE,
        },
        signal,
      ),
    [key, cursor],
  );
  const set = (name: string, value: string) => {
    setBefore([]);
    setFilter(name, value);
  };

  return (
    <>
      <PageHeading title={t('decisions.title')}>
        <p className="lede">{t('decisions.lede')}</p>
      </PageHeading>
      <form className="filters" role="search" aria-label={t('decisions.filters')} onSubmit={(event) => event.preventDefault()}>
        <PartyPicker value={filter.party} onChange={(value) => set('party', value)} allLabel={t('governance.allParties')} />
        <label className="field field-inline">
          <span>{t('decisions.effect')}</span>
          <select value={filter.effect} onChange={(event) => set('effect', event.target.value)}>
            <option value="">{t('decisions.anyEffect')}</option>
            <option value="permit">{t('decision.permit')}</option>
            <option value="deny">{t('decision.deny')}</option>
          </select>
        </label>
        <label className="field field-inline">
          <span>{t('decisions.kind')}</span>
          <select value={filter.kind} onChange={(event) => set('kind', event.target.value)}>
            <option value="">{t('decisions.anyKind')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`try.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <ClauseFilter value={filter.clauseId} onChange={(value) => set('clause', value)} />
      </form>
      {decisions.status === 'loading' ? <Loading /> : null}
      {decisions.status === 'failed' ? <ErrorNotice error={decisions.error} /> : null}
      {decisions.status === 'ready' ? (
        <>
          <DecisionsTable rows={decisions.data.decisions} />
          <div className="pager">
            {before.length > 0 ? (
              <button type="button" className="button button-secondary" onClick={() => setBefore((b) => b.slice(0, -1))}>
                {t('audit.newer')}
              </button>
            ) : null}
            {decisions.data.decisions.length === PAGE_SIZE ? (
              <button type="button" className="button button-secondary" onClick={() => setBefore((b) => [...b, decisions.data.decisions.at(-1)!.at])}>
                {t('audit.older')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
};

/** A clause id typed in full; applied on Enter or when the field is left, not on every key. */
const ClauseFilter = ({ value, onChange }: { value: string; onChange(value: string): void }) => {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  return (
    <label className="field field-inline">
      <span>{t('decisions.clause')}</span>
      <input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => text.trim() !== value && onChange(text.trim())}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange(text.trim());
        }}
      />
    </label>
  );
};

const DecisionsTable = ({ rows }: { rows: StoredDecision[] }) => {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={t('decisions.caption', { count: rows.length })}
      testId="decisions-table"
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { key: 'at', header: t('audit.at'), cell: (row) => <time dateTime={row.at}>{formatDateTime(row.at, i18n.language)}</time> },
        { key: 'effect', header: t('decisions.effect'), cell: (row) => <EffectBadge effect={row.effect} /> },
        { key: 'kind', header: t('decisions.kind'), cell: (row) => t(`try.kinds.${row.kind}`, { defaultValue: row.kind }) },
        { key: 'request', header: t('decisions.request'), cell: (row) => <code className="details">{requestSummary(row.kind, row.request)}</code> },
        {
          key: 'clause',
          header: t('decisions.clause'),
          cell: (row) =>
            row.clauseId && row.pactId ? (
              <Link href={`/pacts/${row.pactId}/versions/${row.pactVersion}#clause-${row.clauseId}`} data-clause-link={row.clauseId}>
                <code>{row.clauseId}</code>
              </Link>
            ) : (
              '—'
            ),
        },
        { key: 'version', header: t('decision.version'), cell: (row) => (row.pactVersion ? t('pact.versionN', { version: row.pactVersion }) : '—') },
        { key: 'actor', header: t('audit.actor'), cell: (row) => row.actor },
        {
          key: 'reasons',
          header: t('decision.reasons'),
          cell: (row) => (
            <ul className="compact-list">
              {row.reasons.map((reason, index) => (
                <li key={index}>
                  <ReasonText reason={reason} />
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
};
