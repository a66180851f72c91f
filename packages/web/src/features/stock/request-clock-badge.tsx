import { useTranslation } from 'react-i18next';
import { useNow } from '../governance/breach-clock-badge.tsx';
import { readRequestClock } from './request-clock.ts';
import type { SharingRequest } from './stock.types.ts';

/**
 * The decision clock in words, with a sign and a colour that say the same
 * ("36 h 12 min left to decide", "⚠ overdue by 3 h 10 min"), recomputed
 * every 30 seconds while the page is open.
 */
export const RequestClockBadge = ({ request }: { request: Pick<SharingRequest, 'decisionClock' | 'status'> }) => {
  const { t } = useTranslation();
  const reading = readRequestClock(request.decisionClock, request.status, useNow());
  const sign = reading.tone === 'late' ? '⚠ ' : reading.tone === 'done' ? '✓ ' : '';
  return (
    <span className={`clock clock-${reading.tone}`} data-clock-state={reading.state} data-deadline={request.decisionClock.deadline}>
      {sign ? <span aria-hidden="true">{sign}</span> : null}
      {t(`stock.clock.${reading.state}`, { hours: reading.hours, minutes: reading.minutes })}
    </span>
  );
};
