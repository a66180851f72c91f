import { useTranslation } from 'react-i18next';
import { Link, Redirect, useSearch } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { pactApi } from './pact.api.ts';
import { StateBadge } from './plain-text.tsx';

/**
 * /pact and /pact/duties: a node usually holds one pact, so these go
 * straight to it; with several, the reader picks one.
 */
const PactChoice = ({ section }: { section: '' | '/duties' }) => {
  const { t } = useTranslation();
  // The query (?party=KE) goes along to the pact's own page.
  const search = useSearch();
  const query = search ? `?${search}` : '';
  const pacts = useApi((signal) => pactApi(api).list(signal), []);
  if (pacts.status === 'loading') return <Loading />;
  if (pacts.status === 'failed') return <ErrorNotice error={pacts.error} />;
  const list = pacts.data.pacts;
  if (list.length === 1) return <Redirect to={`/pacts/${list[0]!.id}${section}${query}`} replace />;
  return (
    <>
      <PageHeading title={t('pact.chooseTitle')} />
      {list.length === 0 ? <p>{t('pact.none')}</p> : null}
      <ul className="plain-list">
        {list.map((pact) => (
          <li key={pact.id}>
            <Link href={`/pacts/${pact.id}${section}${query}`}>{pact.title}</Link> <StateBadge state={pact.status.state} />
          </li>
        ))}
      </ul>
    </>
  );
};

export const PactChoicePage = () => <PactChoice section="" />;
export const DutiesChoicePage = () => <PactChoice section="/duties" />;
