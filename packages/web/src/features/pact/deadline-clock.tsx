import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../shared/i18n/format.ts';
import { daysUntil, deadlineState } from './deadline.ts';

/** A due date with how far away it is, in words and colour: "due in 6 days", "due today", "overdue by 2 days". */
export const DeadlineClock = ({ date, now }: { date: string; now: Date }) => {
  const { t, i18n } = useTranslation();
  const days = daysUntil(date, now);
  const state = deadlineState(days);
  const words =
    state === 'overdue' ? t('duties.overdue', { count: -days }) : state === 'today' ? t('duties.dueToday') : t('duties.dueIn', { count: days });
  return (
    <span className={`clock clock-${state}`} data-days={days}>
      <time dateTime={date}>{formatCalendarDate(date, i18n.language)}</time>{' '}
      <span className="clock-words">
        {state === 'overdue' ? <span aria-hidden="true">⚠ </span> : null}
        {words}
      </span>
    </span>
  );
};
