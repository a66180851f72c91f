import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { BreachAlerts } from './breach-alerts.tsx';
import { BreachClockBadge } from './breach-clock-badge.tsx';
import { governanceApi } from './governance.api.ts';
import { PartyPicker } from './party-picker.tsx';
import { useSearchFilters } from '../../shared/routing/search-filters.ts';

/** Personal-data breaches with their live 72-hour clocks; open ones first by default. */
export const BreachesPage = () => {
  const { t, i18n } = useTranslation();
  const [search, set] = useSearchFilters();
  const party = search.get('party') ?? '';
  const which = search.get('show') ?? 'open';
  const breaches = useApi((signal) => governanceApi(api).breaches({ party: party || undefined, open: which === 'open' ? true : undefined }, signal), [party, which]);
  return (
    <>
      <PageHeading title={t('breaches.title')}>
        <p className="lede">{t('breaches.lede')}</p>
      </PageHeading>
      <BreachAlerts />
      <p>
        <Link href="/breaches/report" className="button">
          {t('breaches.reportLink')}
        </Link>
      </p>
      <div className="filters">
        <PartyPicker value={party} onChange={(value) => set('party', value)} allLabel={t('governance.allParties')} />
        <label className="field field-inline">
          <span>{t('breaches.show')}</span>
          <select value={which} onChange={(event) => set('show', event.target.value)}>
            <option value="open">{t('breaches.showOpen')}</option>
            <option value="all">{t('breaches.showAll')}</option>
          </select>
        </label>
      </div>
      {breaches.status === 'loading' ? <Loading /> : null}
      {breaches.status === 'failed' ? <ErrorNotice error={breaches.error} /> : null}
      {breaches.status === 'ready' ? (
        <DataTable
          caption={t('breaches.caption', { count: breaches.data.breaches.length })}
          testId="breaches-table"
          rows={breaches.data.breaches}
          rowKey={(b) => b.id}
          columns={[
            { key: 'title', header: t('breaches.breach'), cell: (b) => <Link href={`/breaches/${b.id}`}>{b.title}</Link>, sortValue: (b) => b.title },
            { key: 'party', header: t('governance.party'), cell: (b) => b.party, sortValue: (b) => b.party },
            { key: 'aware', header: t('breaches.awareAt'), cell: (b) => formatDateTime(b.awareAt, i18n.language), sortValue: (b) => b.awareAt },
            { key: 'status', header: t('breaches.status'), cell: (b) => t(`terms.${b.status}`), sortValue: (b) => b.status },
            { key: 'clock', header: t('breaches.clockHeader'), cell: (b) => <BreachClockBadge clock={b.clock} />, sortValue: (b) => b.clock.deadline },
          ]}
        />
      ) : null}
    </>
  );
};
