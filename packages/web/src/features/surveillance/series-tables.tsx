import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../shared/components/data-table.tsx';
import { formatCalendarDate } from '../../shared/i18n/format.ts';
import { CountCell, Figure } from './count-cell.tsx';
import { alarmWeeks } from './series-view.ts';
import { SignalBadge } from './signal-badge.tsx';
import type { Series, SeriesWeek } from './surveillance.types.ts';

const WeekCell = ({ week }: { week: SeriesWeek }) => {
  const { i18n } = useTranslation();
  return (
    <>
      {week.week} <span className="hint">({formatCalendarDate(week.weekStart, i18n.language)})</span>
    </>
  );
};

/** The weeks that raised an alarm, newest first, with the signal each raised and where it stands. */
export const AlarmTable = ({ series }: { series: Series }) => {
  const { t } = useTranslation();
  const rows = alarmWeeks(series);
  const signalsHref = `/surveillance/signals?party=${series.party}&disease=${series.disease}&status=all`;
  return (
    <section aria-labelledby="alarms-heading">
      <h2 id="alarms-heading">{t('surveillance.alarmsHeading')}</h2>
      <DataTable
        caption={t('surveillance.alarmsCaption', { count: rows.length })}
        testId="alarm-table"
        rows={rows}
        rowKey={(w) => w.weekStart}
        empty={t('surveillance.noAlarms')}
        columns={[
          { key: 'week', header: t('surveillance.week'), cell: (w) => <WeekCell week={w} />, sortValue: (w) => w.weekStart },
          { key: 'observed', header: t('surveillance.observed'), numeric: true, cell: (w) => <CountCell count={w.observed} suppressed={w.suppressed} />, sortValue: (w) => w.observed },
          { key: 'threshold', header: t('surveillance.threshold'), numeric: true, cell: (w) => <Figure value={w.threshold} /> },
          { key: 'expected', header: t('surveillance.expected'), numeric: true, cell: (w) => <Figure value={w.expected} /> },
          { key: 'method', header: t('surveillance.method'), cell: (w) => (w.method ? t(`surveillance.methods.${w.method}`, { defaultValue: w.method }) : '—') },
          {
            key: 'signal',
            header: t('surveillance.signal'),
            cell: (w) =>
              w.signal ? (
                <Link href={signalsHref} aria-label={t('surveillance.openSignals', { status: t(`surveillance.signalStatus.${w.signal.status}`) })}>
                  <SignalBadge status={w.signal.status} />
                </Link>
              ) : (
                t('surveillance.noSignal')
              ),
          },
        ]}
      />
    </section>
  );
};

/** Every week of the series, the chart's data as a table (a part of a withheld week is withheld too). */
export const WeeksTable = ({ series }: { series: Series }) => {
  const { t } = useTranslation();
  const rows = [...series.weeks].reverse();
  return (
    <DataTable
      caption={t('surveillance.weeksCaption', { count: rows.length })}
      testId="weeks-table"
      rows={rows}
      rowKey={(w) => w.weekStart}
      columns={[
        { key: 'week', header: t('surveillance.week'), cell: (w) => <WeekCell week={w} />, sortValue: (w) => w.weekStart },
        { key: 'observed', header: t('surveillance.observed'), numeric: true, cell: (w) => <CountCell count={w.observed} suppressed={w.suppressed} />, sortValue: (w) => w.observed },
        { key: 'lineList', header: t('surveillance.lineList'), numeric: true, cell: (w) => <CountCell count={w.lineList} suppressed={w.lineList === null && w.suppressed} /> },
        { key: 'reported', header: t('surveillance.reported'), numeric: true, cell: (w) => <CountCell count={w.reported} suppressed={w.reported === null && w.suppressed} /> },
        { key: 'threshold', header: t('surveillance.threshold'), numeric: true, cell: (w) => <Figure value={w.threshold} /> },
        { key: 'alarm', header: t('surveillance.alarm'), cell: (w) => (w.alarm === null ? '—' : w.alarm ? <strong>{t('surveillance.alarmYes')}</strong> : t('surveillance.alarmNo')) },
      ]}
    />
  );
};
