import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../shared/components/data-table.tsx';
import { formatCalendarDate, formatNumber } from '../../shared/i18n/format.ts';
import { DeadlineClock } from './deadline-clock.tsx';
import type { PartyDuty } from './pact.types.ts';

type DutyOf<T extends PartyDuty['type']> = Extract<PartyDuty, { type: T }>;

const ClauseLink = ({ pactId, version, clauseId }: { pactId: string; version: number; clauseId: string }) => (
  <Link href={`/pacts/${pactId}/versions/${version}#clause-${clauseId}`}>
    <code>{clauseId}</code>
  </Link>
);

interface Props<T extends PartyDuty['type']> {
  duties: DutyOf<T>[];
  pactId: string;
  version: number;
  now: Date;
}

export const Reserves = ({ duties, pactId, version }: Props<'hold-reserve'>) => {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={t('duties.reservesCaption', { count: duties.length })}
      testId="duties-reserves"
      rows={duties}
      rowKey={(d) => d.clauseId}
      empty={t('duties.noneOfKind')}
      columns={[
        { key: 'share', header: t('duties.share'), numeric: true, cell: (d) => formatNumber(d.share, i18n.language, { style: 'percent', maximumFractionDigits: 1 }) },
        { key: 'products', header: t('duties.products'), cell: (d) => d.products.map((p) => <code key={p}>{p} </code>) },
        { key: 'clause', header: t('duties.clause'), cell: (d) => <ClauseLink pactId={pactId} version={version} clauseId={d.clauseId} /> },
      ]}
    />
  );
};

export const Reports = ({ duties, pactId, version, now }: Props<'report'>) => {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={t('duties.reportsCaption', { count: duties.length })}
      testId="duties-reports"
      rows={duties}
      rowKey={(d) => d.clauseId}
      empty={t('duties.noneOfKind')}
      initialSort={{ key: 'deadline', direction: 'ascending' }}
      columns={[
        { key: 'dataset', header: t('duties.dataset'), cell: (d) => <code>{d.dataset}</code> },
        { key: 'to', header: t('duties.to'), cell: (d) => d.to.join(', ') },
        {
          key: 'period',
          header: t('duties.period'),
          cell: (d) =>
            t(`duties.${d.frequency}Period`, { start: formatCalendarDate(d.period.start, i18n.language), end: formatCalendarDate(d.period.end, i18n.language) }),
        },
        { key: 'deadline', header: t('duties.deadline'), cell: (d) => <DeadlineClock date={d.deadline} now={now} />, sortValue: (d) => d.deadline },
        { key: 'clause', header: t('duties.clause'), cell: (d) => <ClauseLink pactId={pactId} version={version} clauseId={d.clauseId} /> },
      ]}
    />
  );
};

export const Milestones = ({ duties, pactId, version, now }: Props<'meet-milestone'>) => {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={t('duties.milestonesCaption', { count: duties.length })}
      testId="duties-milestones"
      rows={duties}
      rowKey={(d) => d.clauseId}
      empty={t('duties.noneOfKind')}
      columns={[
        { key: 'clause', header: t('duties.clause'), cell: (d) => <ClauseLink pactId={pactId} version={version} clauseId={d.clauseId} /> },
        {
          key: 'value',
          header: t('duties.valueAndTarget'),
          cell: (d) =>
            t('duties.valueAgainstTarget', {
              value: d.milestone.value === undefined ? t('duties.noValue') : formatNumber(d.milestone.value, i18n.language),
              comparison: d.milestone.comparison,
              target: formatNumber(d.milestone.target, i18n.language),
            }),
        },
        { key: 'state', header: t('duties.milestoneState'), cell: (d) => t(`duties.milestone.${d.milestone.state}`) },
        { key: 'due', header: t('duties.due'), cell: (d) => <DeadlineClock date={d.milestone.due} now={now} />, sortValue: (d) => d.milestone.due },
      ]}
    />
  );
};

export const Escalations = ({ duties, pactId, version }: Props<'escalation'>) => {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('duties.escalationsCaption', { count: duties.length })}
      testId="duties-escalations"
      rows={duties}
      rowKey={(d) => `${d.clauseId}/${d.affectedParty}/${d.disease}`}
      empty={t('duties.noEscalation')}
      columns={[
        { key: 'affected', header: t('duties.affected'), cell: (d) => d.affectedParty },
        { key: 'disease', header: t('duties.disease'), cell: (d) => <code>{d.disease}</code> },
        { key: 'level', header: t('duties.level'), cell: (d) => `${d.level} (${d.levelName})` },
        { key: 'roles', header: t('duties.roles'), cell: (d) => d.roles.map((role) => t(`duties.role.${role}`)).join(', ') },
        { key: 'within', header: t('duties.within'), cell: (d) => t('duties.hours', { count: d.deadlineHours }) },
        { key: 'clause', header: t('duties.clause'), cell: (d) => <ClauseLink pactId={pactId} version={version} clauseId={d.clauseId} /> },
      ]}
    />
  );
};
