import { useTranslation } from 'react-i18next';
import type { Excursion, RequestStatus } from './stock.types.ts';

/** Heat or freeze, with a sign as well as the word. */
export const ExcursionType = ({ type }: { type: Excursion['type'] }) => {
  const { t } = useTranslation();
  return (
    <span className={`excursion excursion-${type}`} data-excursion={type}>
      <span aria-hidden="true">{type === 'heat' ? '▲ ' : '▼ '}</span>
      {t(`stock.coldChain.${type}`)}
    </span>
  );
};

/** Minutes as hours and minutes ("11 h 0 min"): recorder alarms are counted in hours. */
export const Duration = ({ minutes }: { minutes: number }) => {
  const { t } = useTranslation();
  return <>{t('stock.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })}</>;
};

export const RequestStatusBadge = ({ status }: { status: RequestStatus }) => {
  const { t } = useTranslation();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {t(`stock.status.${status}`)}
    </span>
  );
};
