import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { useNow } from '../governance/breach-clock-badge.tsx';
import { durationKey } from './duration.ts';
import type { RunningClock } from './events.types.ts';
import { readIntervalClock } from './seven-one-seven-clock.ts';

/**
 * The running 7-1-7 interval as a live countdown: "1 d 4 h left (day 6
 * of 7)", amber within the last day ("14 h 0 min left"), "⚠ target missed
 * 2 d 3 h ago" in red once past. Recomputed every 30 seconds while shown.
 */
export const IntervalClock = ({ clock, withDeadline }: { clock: RunningClock; withDeadline?: boolean }) => {
  const { t, i18n } = useTranslation();
  const reading = readIntervalClock(clock, useNow());
  const words = t(`events.clock.${reading.state}`, { duration: t(durationKey(reading), { days: reading.days, hours: reading.hours, minutes: reading.minutes }) });
  return (
    <span className={`clock clock-${reading.tone}`} data-clock-state={reading.state} data-testid={`clock-${clock.interval}`}>
      {reading.state === 'overdue' ? <span aria-hidden="true">⚠ </span> : null}
      {words}{' '}
      <span className="clock-day">{t('events.clock.day', { day: reading.elapsedDays, target: clock.target })}</span>
      {withDeadline ? <span className="hint"> · {t('events.clock.deadline', { at: formatDateTime(reading.deadline, i18n.language) })}</span> : null}
    </span>
  );
};
