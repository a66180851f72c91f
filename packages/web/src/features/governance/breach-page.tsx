import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { BreachActions } from './breach-actions.tsx';
import { BreachClockBadge } from './breach-clock-badge.tsx';
import { governanceApi } from './governance.api.ts';
import type { BreachDetail } from './governance.types.ts';

/**
 * One breach: its live 72-hour clock, where it stands, what the
 * notification still lacks (GDPR Art. 33(3)), the workflow steps as forms
 * and the timeline of every step taken.
 */
export const BreachPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const breach = useApi((signal) => governanceApi(api).breach(id, signal), [id]);
  if (breach.status === 'loading') return <Loading />;
  if (breach.status === 'failed') {
    return (
      <>
        <PageHeading title={t('breaches.unknownTitle')} />
        <ErrorNotice error={breach.error} action={<Link href="/breaches">{t('breaches.backToList')}</Link>} />
      </>
    );
  }
  return <Breach breach={breach.data} onChanged={breach.reload} />;
};

const Breach = ({ breach, onChanged }: { breach: BreachDetail; onChanged(): void }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <>
      <PageHeading title={breach.title}>
        <p className="breadcrumb">
          <Link href="/breaches">{t('breaches.backToList')}</Link>
        </p>
      </PageHeading>
      <div className="clock-panel" data-testid="breach-clock">
        <span className="clock-label">{t('breaches.clockHeader')}</span> <BreachClockBadge clock={breach.clock} />
        <p className="hint">{t('breaches.deadline', { deadline: formatDateTime(breach.clock.deadline, language) })}</p>
      </div>
      <StatCards label={t('breaches.facts')}>
        <StatCard label={t('governance.party')} value={breach.party} />
        <StatCard label={t('breaches.status')} value={<span data-testid="breach-status">{t(`terms.${breach.status}`)}</span>} />
        <StatCard label={t('breaches.risk')} value={breach.risk ? t(`breaches.riskLevel.${breach.risk}`) : t('breaches.notAssessed')} />
        <StatCard label={t('breaches.awareAt')} value={formatDateTime(breach.awareAt, language)} note={t('breaches.reportedBy', { who: breach.reportedBy })} />
      </StatCards>
      <p>{breach.nature}</p>
      {breach.status !== 'closed' && breach.notificationRequired !== false && breach.missingContent.length > 0 ? (
        <section aria-labelledby="missing-heading" className="notice notice-info">
          <h2 id="missing-heading">{t('breaches.missingHeading')}</h2>
          <ul>
            {breach.missingContent.map((item) => (
              <li key={item}>{t(`breaches.content.${item}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {breach.status !== 'closed' ? <BreachActions breach={breach} onChanged={onChanged} /> : null}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('breaches.timelineHeading')}</h2>
        <DataTable
          caption={t('breaches.timelineCaption', { count: breach.timeline.length })}
          testId="breach-timeline"
          rows={breach.timeline}
          rowKey={(event) => `${event.at}/${event.type}/${JSON.stringify(event.details)}`}
          columns={[
            { key: 'at', header: t('audit.at'), cell: (event) => <time dateTime={event.at}>{formatDateTime(event.at, language)}</time> },
            { key: 'type', header: t('breaches.step'), cell: (event) => t(`breaches.event.${event.type}`, { defaultValue: event.type }) },
            { key: 'actor', header: t('audit.actor'), cell: (event) => event.actor },
            { key: 'details', header: t('audit.details'), cell: (event) => <code className="details">{Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : ''}</code> },
          ]}
        />
      </section>
    </>
  );
};
