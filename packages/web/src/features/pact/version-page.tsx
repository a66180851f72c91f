import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { StatCard, StatCards } from '../../shared/components/stat-card.tsx';
import { formatCalendarDate, formatDateTime } from '../../shared/i18n/format.ts';
import { ClauseList } from './clause-list.tsx';
import { pactApi } from './pact.api.ts';
import { PactSections } from './pact-sections.tsx';
import { SignaturesTable } from './signatures-table.tsx';

/** One version: its dates, its canonical hash, who signed it with which key, and its clauses in plain words. */
export const VersionPage = () => {
  const { id = '', version: raw = '' } = useParams<{ id: string; version: string }>();
  const version = Number(raw);
  const { t, i18n } = useTranslation();
  const data = useApi(
    async (signal) => {
      const pacts = pactApi(api);
      const [detail, doc, clauses] = await Promise.all([pacts.pact(id, signal), pacts.version(id, version, signal), pacts.clauses(id, version, i18n.language, signal)]);
      return { detail, document: doc.document, hash: doc.canonicalSha256, clauses };
    },
    [id, version, i18n.language],
  );
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'failed') {
    return (
      <>
        <PageHeading title={t('pact.versionN', { version: raw })} />
        <ErrorNotice error={data.error} action={<Link href={`/pacts/${id}`}>{t('pact.backToPact')}</Link>} />
      </>
    );
  }
  const { detail, document, hash, clauses } = data.data;
  const summary = detail.versions.find((v) => v.version === version)!;
  const language = i18n.language;
  return (
    <>
      <PageHeading title={t('pact.versionTitle', { version, title: document.title })}>
        <p className="breadcrumb">
          <Link href={`/pacts/${id}`}>{t('pact.backToPact')}</Link>
        </p>
      </PageHeading>
      <PactSections id={id} />
      <StatCards label={t('pact.keyFacts')}>
        <StatCard label={t('pact.effective')} value={formatCalendarDate(summary.effective, language)} />
        <StatCard label={t('pact.sunset')} value={formatCalendarDate(summary.sunset, language)} note={t('pact.termNote')} />
        <StatCard
          label={t('pact.amends')}
          value={summary.amends === null ? t('pact.original') : <Link href={`/pacts/${id}/diff?from=${summary.amends}&to=${version}`}>{t('pact.versionN', { version: summary.amends })}</Link>}
        />
        <StatCard label={t('pact.recorded')} value={formatDateTime(summary.createdAt, language)} note={summary.createdBy} />
      </StatCards>
      <p className="hint">
        {t('pact.canonicalHash')} <code className="details">{hash}</code>
      </p>
      <section aria-labelledby="signatures-heading">
        <h2 id="signatures-heading">{t('pact.signaturesHeading')}</h2>
        <p className="hint">{t('pact.signaturesHint')}</p>
        <SignaturesTable document={document} summary={summary} />
      </section>
      <section aria-labelledby="version-clauses-heading">
        <h2 id="version-clauses-heading">{t('pact.clausesHeading', { version })}</h2>
        <ClauseList clauses={clauses} headingId="version-clauses-heading" />
      </section>
    </>
  );
};
