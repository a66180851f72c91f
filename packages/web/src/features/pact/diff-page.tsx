import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { ErrorNotice, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { pactApi } from './pact.api.ts';
import { PactSections } from './pact-sections.tsx';
import { PlainText } from './plain-text.tsx';

/**
 * What changed between two versions, one sentence per change, from the
 * node's diff (clauses matched by id, so a moved clause is a move, not a
 * removal and an addition). The versions are kept in the URL.
 */
export const DiffPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const pact = useApi((signal) => pactApi(api).pact(id, signal), [id]);
  const numbers = pact.status === 'ready' ? pact.data.versions.map((v) => v.version) : [];
  const latest = numbers.at(-1) ?? 1;
  const from = Number(search.get('from') ?? Math.max(1, latest - 1));
  const to = Number(search.get('to') ?? latest);

  const choose = (key: 'from' | 'to', value: string) =>
    setSearch((params) => {
      params.set('from', String(from));
      params.set('to', String(to));
      params.set(key, value);
      return params;
    });

  return (
    <>
      <PageHeading title={t('diff.title')}>
        <p className="lede">{t('diff.lede')}</p>
      </PageHeading>
      <PactSections id={id} />
      {pact.status === 'loading' ? <Loading /> : null}
      {pact.status === 'failed' ? <ErrorNotice error={pact.error} /> : null}
      {pact.status === 'ready' ? (
        <>
          <div className="filters">
            {(['from', 'to'] as const).map((key) => (
              <label key={key} className="field field-inline">
                <span>{t(`diff.${key}`)}</span>
                <select value={key === 'from' ? from : to} onChange={(event) => choose(key, event.target.value)}>
                  {numbers.map((n) => (
                    <option key={n} value={n}>
                      {t('pact.versionN', { version: n })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <Changes id={id} from={from} to={to} />
        </>
      ) : null}
    </>
  );
};

const Changes = ({ id, from, to }: { id: string; from: number; to: number }) => {
  const { t, i18n } = useTranslation();
  const diff = useApi((signal) => pactApi(api).diff(id, from, to, signal), [id, from, to]);
  if (diff.status === 'loading') return <Loading />;
  if (diff.status === 'failed') return <ErrorNotice error={diff.error} />;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('diff.changes', { count: diff.data.sentences.length, from, to })}</h2>
      {diff.data.sentences.length === 0 ? <p>{t('diff.none')}</p> : null}
      {/* The node words changes in English, the language of the pact's text. */}
      {i18n.language !== 'en' ? <p className="hint">{t('diff.englishNote')}</p> : null}
      <ul className="change-list" data-testid="diff-list" lang="en">
        {diff.data.sentences.map((sentence, index) => (
          <li key={index}>
            <PlainText text={sentence} />
          </li>
        ))}
      </ul>
      <p>
        <Link href={`/pacts/${id}/versions/${to}`}>{t('diff.readVersion', { version: to })}</Link>
      </p>
    </section>
  );
};
