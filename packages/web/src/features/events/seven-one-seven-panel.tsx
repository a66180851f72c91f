import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/components/data-table.tsx';
import { formatCalendarDate, formatNumber } from '../../shared/i18n/format.ts';
import { TargetChip } from './event-chips.tsx';
import { EARLY_RESPONSE_ACTIONS, INTERVALS, type EventDetail, type Interval, type TimelinessFactor } from './events.types.ts';
import { IntervalClock } from './interval-clock.tsx';
import { intervalsOf, type IntervalView } from './seven-one-seven-clock.ts';

const TARGET_OF: Record<Interval, 'detect' | 'notify' | 'respond'> = { detection: 'detect', notification: 'notify', response: 'respond' };
const MILESTONES: Record<Interval, [string, string]> = {
  detection: ['emergence', 'detection'],
  notification: ['detection', 'notification'],
  response: ['notification', 'responseCompleted'],
};

/**
 * The event's 7-1-7 record (7-1-7 Alliance toolkit): detect within 7 days
 * of emergence, notify within 1 day of detection, complete the early
 * response within 7 days of notification. Each interval shows the days it
 * took against its target, met or not met, or, while pending, the live
 * countdown of the one running now; then the seven early response actions,
 * and the bottlenecks and enablers recorded with their root causes.
 */
export const SevenOneSevenPanel = ({ event }: { event: EventDetail }) => {
  const { t } = useTranslation();
  const views = intervalsOf(event, event.sevenOneSeven, event.clock);
  return (
    <section aria-labelledby="clocks-heading" data-testid="seven-one-seven">
      <h2 id="clocks-heading">
        {t('events.sevenOneSevenHeading')} <TargetChip target="overall" status={event.sevenOneSeven.overall} />
      </h2>
      <ol className="interval-cards">
        {views.map((view) => (
          <IntervalCard key={view.interval} view={view} />
        ))}
      </ol>
      <ResponseActions event={event} />
      <Factors title={t('events.bottlenecks')} factors={INTERVALS.flatMap((i) => event.sevenOneSeven.bottlenecks[i])} testId="bottlenecks" empty={t('events.noBottlenecks')} />
      <Factors title={t('events.enablers')} factors={INTERVALS.flatMap((i) => event.sevenOneSeven.enablers[i])} testId="enablers" empty={t('events.noEnablers')} />
    </section>
  );
};

const IntervalCard = ({ view }: { view: IntervalView }) => {
  const { t, i18n } = useTranslation();
  const { interval, result, from, to, running } = view;
  const [start, end] = MILESTONES[interval];
  const date = (value: string | null) => (value ? formatCalendarDate(value, i18n.language) : t('events.notYet'));
  return (
    <li className={`interval-card interval-${result.status}`} data-testid={`interval-${interval}`} data-status={result.status}>
      <h3>{t(`events.intervalTarget.${interval}`, { target: result.target })}</h3>
      <p className="interval-dates">
        {t(`events.milestone.${start}`)}: {date(from)} → {t(`events.milestone.${end}`)}: {date(to)}
      </p>
      <p className="interval-days">
        {result.days === null
          ? t('events.daysPending')
          : t('events.daysTaken', { count: result.days, days: formatNumber(result.days, i18n.language), target: result.target })}
      </p>
      <TargetChip target={TARGET_OF[interval]} status={result.status} />
      {running ? (
        <p className="interval-clock">
          <IntervalClock clock={running} withDeadline />
        </p>
      ) : result.status === 'pending' ? (
        <p className="hint">{t(`events.waitingFor.${from ? end : start}`)}</p>
      ) : null}
    </li>
  );
};

const ResponseActions = ({ event }: { event: EventDetail }) => {
  const { t, i18n } = useTranslation();
  const rows = EARLY_RESPONSE_ACTIONS.map((action) => ({ action, record: event.responseActions.find((r) => r.action === action) }));
  const state = (record: (typeof rows)[number]['record']) =>
    !record ? t('events.action.unjudged') : !record.applicable ? t('events.action.notApplicable') : record.completedOn ? t('events.action.done', { date: formatCalendarDate(record.completedOn, i18n.language) }) : t('events.action.open');
  return (
    <DataTable
      caption={t('events.actionsCaption')}
      testId="response-actions"
      rows={rows}
      rowKey={(r) => r.action}
      columns={[
        { key: 'action', header: t('events.actionHeader'), cell: (r) => t(`events.actions.${r.action}`) },
        { key: 'state', header: t('events.actionState'), cell: (r) => <span className={r.record?.applicable && !r.record.completedOn ? 'action-open' : undefined}>{state(r.record)}</span> },
      ]}
    />
  );
};

const Factors = ({ title, factors, testId, empty }: { title: string; factors: readonly TimelinessFactor[]; testId: string; empty: string }) => {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={title}
      testId={testId}
      rows={factors}
      rowKey={(f) => `${f.interval}/${f.description}`}
      empty={empty}
      columns={[
        { key: 'interval', header: t('events.intervalHeader'), cell: (f) => t(`events.interval.${f.interval}`) },
        { key: 'category', header: t('events.category'), cell: (f) => t(`events.categories.${f.category}`) },
        { key: 'description', header: t('events.description'), cell: (f) => f.description },
        { key: 'rootCause', header: t('events.rootCause'), cell: (f) => f.rootCause },
      ]}
    />
  );
};
