import { useTranslation } from 'react-i18next';
import { ReasonText } from '../pact/plain-text.tsx';
import type { Withheld } from './public.types.ts';

/** The jurisdictions the pact does not let this table show, each with the pact's reasons in words. */
export const WithheldList = ({ withheld, name, testId }: { withheld: Withheld[]; name(code: string): string; testId: string }) => {
  const { t } = useTranslation();
  if (withheld.length === 0) return <p className="hint">{t('public.noneWithheld')}</p>;
  return (
    <div className="withheld-parties" data-testid={testId}>
      <p>{t('public.withheldIntro')}</p>
      <ul className="plain-list">
        {withheld.map((w) => (
          <li key={w.party} data-party={w.party}>
            {/* The colon is the dictionary's: French puts a space before it. */}
            <strong>{name(w.party)}</strong>
            {t('public.withheldBecause')}{' '}
            {w.reasons.length === 0 ? (
              t(`errors.${w.code}`, { defaultValue: w.code })
            ) : (
              <ul className="compact-list">
                {w.reasons.map((reason, index) => (
                  <li key={index}>
                    <ReasonText reason={reason} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
};
