import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readClock, type BreachClock } from './breach-clock.ts';

/** The current time, refreshed every `everyMs` while the component is shown. */
export const useNow = (everyMs = 30_000): Date => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};

/**
 * The 72-hour clock in words, with a sign and a colour that say the same
 * ("71 h 12 min left", "⚠ overdue by 3 h 10 min"): colour is never the
 * only signal (WCAG 1.4.1).
 */
export const BreachClockBadge = ({ clock }: { clock: BreachClock }) => {
  const { t } = useTranslation();
  const reading = readClock(clock, useNow());
  const sign = reading.tone === 'late' ? '⚠ ' : reading.tone === 'done' ? '✓ ' : '';
  return (
    <span className={`clock clock-${reading.tone}`} data-clock-status={reading.status}>
      {sign ? <span aria-hidden="true">{sign}</span> : null}
      {t(`breaches.clock.${reading.status}`, { hours: reading.hours, minutes: reading.minutes })}
    </span>
  );
};
