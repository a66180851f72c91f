import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatCalendarDate } from '../../shared/i18n/format.ts';
import { ClauseList } from './clause-list.tsx';
import { addDays } from './deadline.ts';
import { LifecycleControls } from './lifecycle-controls.tsx';
import { pactApi } from './pact.api.ts';
import { mayDraft } from './pact-access.ts';
import { loadPactBasics } from './pact-data.ts';
import { PactSections } from './pact-sections.tsx';
import { StateBadge } from './plain-text.tsx';
import { VersionsTable } from './versions-table.tsx';

/**
 * The pact in force: its state and term, the renewal notice date, every
 * version with its signatures, and the clauses of the version in force in
 * plain words. Negotiators and hub coordinators also see the lifecycle
 * controls.
 */
export const PactPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const data = useApi(
    async (signal) => {
      const basics = await loadPactBasics(id, signal);
      const clauses = await pactApi(api).clauses(id, basics.version, i18n.language, signal);
      return { ...basics, clauses };
    },
    [id, i18n.language],
  );
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'failed') {
    return (
      <>
        <PageHeading title={t('pact.title')} />
        <ErrorNotice error={data.error} />
      </>
    );
  }
  const { detail, document, clauses, version } = data.data;
  const language = i18n.language;
  const { status } = detail;
  const sunset = status.sunset ?? document.sunset;
  return (
    <>
      <PageHeading title={detail.title}>
        <p className="lede">{t('pact.lede')}</p>
      </PageHeading>
      <PactSections id={id} />
      <StatCards label={t('pact.keyFacts')}>
        <StatCard label={t('pact.state')} value={<StateBadge state={status.state} />} note={status.pending.length > 0 ? t('pact.pending', { versions: status.pending.join(', ') }) : undefined} />
        <StatCard label={t('pact.versionInForce')} value={<Link href={`/pacts/${id}/versions/${version}`}>{t('pact.versionN', { version })}</Link>} />
        <StatCard label={t('pact.term')} value={`${formatCalendarDate(status.effective ?? document.effective, language)} – ${formatCalendarDate(sunset, language)}`} note={t('pact.termNote')} />
        <StatCard
          label={t('pact.renewalNotice')}
          value={formatCalendarDate(addDays(sunset, -document.renewalNoticeDays), language)}
          note={t('pact.renewalNoticeNote', { days: document.renewalNoticeDays })}
        />
      </StatCards>
      {mayDraft(me) ? <LifecycleControls pact={detail} onChanged={data.reload} /> : null}
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('pact.versionsHeading')}</h2>
        <VersionsTable pact={detail} />
      </section>
      <section aria-labelledby="clauses-heading">
        <h2 id="clauses-heading">{t('pact.clausesHeading', { version })}</h2>
        <ClauseList clauses={clauses} headingId="clauses-heading" />
      </section>
    </>
  );
};
