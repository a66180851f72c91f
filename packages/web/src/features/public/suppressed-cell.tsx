import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/i18n/format.ts';

/**
 * A published count, or a hidden one: a dash, as the note on suppression
 * says, with the reason in words for screen readers and on hover.
 */
export const CountCell = ({ count, suppressed, k }: { count: number | null; suppressed: boolean; k?: number | null }) => {
  const { t, i18n } = useTranslation();
  if (suppressed || count === null) {
    const why = k ? t('public.hiddenBelow', { k }) : t('public.hidden');
    return (
      <span className="suppressed" data-suppressed="true" title={why}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{why}</span>
      </span>
    );
  }
  return <span data-suppressed="false">{formatNumber(count, i18n.language)}</span>;
};
