import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/i18n/format.ts';

/**
 * A count as the reader may see it: the number, or "*" for a count the pact
 * withholds from them (a small number, never shown as zero), or a dash for
 * nothing known.
 */
export const CountCell = ({ count, suppressed }: { count: number | null; suppressed: boolean }) => {
  const { t, i18n } = useTranslation();
  if (suppressed) {
    return (
      <span className="withheld" data-withheld="true">
        {t('surveillance.withheldCell')}
      </span>
    );
  }
  return <>{count === null ? '—' : formatNumber(count, i18n.language)}</>;
};

/** A computed figure (threshold, expected count) with one decimal, or a dash. */
export const Figure = ({ value }: { value: number | null }) => {
  const { i18n } = useTranslation();
  return <>{value === null ? '—' : formatNumber(value, i18n.language, { maximumFractionDigits: 1 })}</>;
};
