import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAUSE_KINDS, type DescribedClause } from './pact.types.ts';
import { KindBadge, PlainText } from './plain-text.tsx';

/**
 * The clauses of a version in plain words, each under its title with its
 * kind and id, filtered by kind or by words. Each clause is an anchor
 * (#clause-<id>) that decisions, duties and triggers link to; arriving by
 * such a link brings the clause into view and focus.
 */
export const ClauseList = ({ clauses, headingId }: { clauses: DescribedClause[]; headingId: string }) => {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [words, setWords] = useState('');
  const shown = useMemo(() => {
    const needle = words.trim().toLowerCase();
    return clauses.filter(
      (c) => (kind === '' || c.kind === kind) && (needle === '' || [c.id, c.title, ...c.sentences].some((text) => text.toLowerCase().includes(needle))),
    );
  }, [clauses, kind, words]);

  useEffect(() => {
    const target = window.location.hash.startsWith('#clause-') ? document.getElementById(window.location.hash.slice(1)) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus();
    }
  }, [clauses]);

  const counts = (k: string) => clauses.filter((c) => c.kind === k).length;
  return (
    <>
      <div className="filters" role="search" aria-labelledby={headingId}>
        <label className="field field-inline">
          <span>{t('pact.filterKind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value)}>
            <option value="">{t('pact.allKinds', { count: clauses.length })}</option>
            {CLAUSE_KINDS.filter((k) => counts(k) > 0).map((k) => (
              <option key={k} value={k}>
                {t(`clauseKinds.${k}`)} ({counts(k)})
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>{t('pact.filterWords')}</span>
          <input type="search" value={words} onChange={(event) => setWords(event.target.value)} />
        </label>
      </div>
      <p role="status" className="hint">
        {t('pact.clausesShown', { count: shown.length, total: clauses.length })}
      </p>
      <ol className="clause-list" data-testid="clause-list">
        {shown.map((clause) => (
          <li key={clause.id} id={`clause-${clause.id}`} className="clause" data-clause-id={clause.id} tabIndex={-1}>
            <h3>
              <KindBadge kind={clause.kind} /> {clause.title}
            </h3>
            <p className="clause-id">
              <code>{clause.id}</code>
            </p>
            <ul>
              {clause.sentences.map((sentence, index) => (
                <li key={index}>
                  <PlainText text={sentence} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
};
