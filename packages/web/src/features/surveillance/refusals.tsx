import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import type { Jurisdiction } from '../../shared/api/types.ts';
import { ErrorNotice } from '../../shared/components/notice.tsx';
import { jurisdictionName } from '../region/region-data.ts';
import { groupRefusals } from './refusal-groups.ts';
import type { Refusal } from './surveillance.types.ts';

/**
 * The parties a region-wide read left out, in words: one sentence per reason
 * naming every party it left out. The node lists them with their code and an
 * English message but not the request's own words (dataset, purpose), which
 * the page knows and fills in, so the sentence reads as any other refusal of
 * the same code.
 */
export const Refusals = ({ refused, dataset, parties }: { refused: readonly Refusal[]; dataset: string; parties: readonly Jurisdiction[] }) => {
  const { t, i18n } = useTranslation();
  if (refused.length === 0) return null;
  const nameOf = (code: string) => {
    const party = parties.find((p) => p.code === code);
    return party ? jurisdictionName(party, i18n.language) : code;
  };
  return (
    <section aria-labelledby="refused-heading" data-testid="refusals">
      <h2 id="refused-heading">{t('surveillance.refusedHeading', { count: refused.length })}</h2>
      {groupRefusals(refused).map((group) => {
        const names = group.parties.map(nameOf).join(', ');
        return (
          <ErrorNotice
            key={group.code}
            error={new ApiError(group.code, group.message, 403, { dataset, owner: names, purpose: t('purposes.surveillance'), jurisdiction: names })}
          />
        );
      })}
    </section>
  );
};
