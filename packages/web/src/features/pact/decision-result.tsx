import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { obligationText } from './obligation-words.ts';
import { EffectBadge, ReasonText } from './plain-text.tsx';
import type { Decision } from './pact.types.ts';

/** Permit or deny, under which clause and version, what must be done with a permit, and why. */
export const DecisionResult = ({ decision }: { decision: Decision }) => {
  const { t, i18n } = useTranslation();
  const words = { language: i18n.language, t: (key: string, params?: Record<string, unknown>) => t(key, params) };
  return (
    <section className="decision-result" aria-labelledby="decision-heading" data-testid="decision-result" data-effect={decision.effect}>
      <h2 id="decision-heading">
        {t('decision.heading')} <EffectBadge effect={decision.effect} />
      </h2>
      <dl className="facts">
        <dt>{t('decision.clause')}</dt>
        <dd>
          {decision.clauseId ? (
            <Link href={`/pacts/${decision.pactId}/versions/${decision.pactVersion}#clause-${decision.clauseId}`}>
              <code>{decision.clauseId}</code>
            </Link>
          ) : (
            t('decision.noClause')
          )}
        </dd>
        <dt>{t('decision.version')}</dt>
        <dd>{decision.pactVersion ? t('pact.versionN', { version: decision.pactVersion }) : '—'}</dd>
        <dt>{t('decision.stored')}</dt>
        <dd>{decision.id === null ? t('decision.notStored') : <code>{decision.id}</code>}</dd>
      </dl>
      {decision.obligations.length > 0 ? (
        <>
          <h3>{t('decision.obligations')}</h3>
          <ul data-testid="decision-obligations">
            {decision.obligations.map((obligation, index) => (
              <li key={index} data-obligation={obligation.type}>
                {obligationText(obligation, words)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('decision.reasons')}</h3>
      <ul data-testid="decision-reasons">
        {decision.reasons.map((reason, index) => (
          <li key={index}>
            <ReasonText reason={reason} />
          </li>
        ))}
      </ul>
    </section>
  );
};
