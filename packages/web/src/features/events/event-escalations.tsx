import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataTable } from '../../shared/components/data-table.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { useNow } from '../governance/breach-clock-badge.tsx';
import { EffectBadge } from '../pact/index.ts';
import { durationKey } from './duration.ts';
import { AlertChip } from './event-chips.tsx';
import type { EventDetail, EventNotification } from './events.types.ts';
import { readNotice } from './notification-state.ts';

/** "KE/national-focal-point" as "KE · national focal point"; a bare jurisdiction or WHO as it is. */
const useRecipientName = () => {
  const { t, i18n } = useTranslation();
  return (recipient: string) => {
    const [jurisdiction, role] = recipient.split('/');
    return role && i18n.exists(`roles.${role}`) ? `${jurisdiction} · ${t(`roles.${role}`)}` : recipient;
  };
};

/**
 * Who the pact's escalation clause put in charge at each alert level (who
 * leads, who decides and by when), and every notification sent: to the
 * parties and roles the clause names, and to WHO under IHR, each with its
 * due time and whether it was acknowledged in time.
 */
export const Escalations = ({ event }: { event: EventDetail }) => {
  const { t, i18n } = useTranslation();
  const recipient = useRecipientName();
  return (
    <section aria-labelledby="escalations-heading">
      <h2 id="escalations-heading">{t('events.escalationsHeading')}</h2>
      <DataTable
        caption={t('events.escalationsCaption', { count: event.escalations.length })}
        testId="escalations"
        rows={event.escalations}
        rowKey={(e) => e.id}
        empty={t('events.noEscalations')}
        columns={[
          { key: 'at', header: t('events.at'), cell: (e) => formatDateTime(e.at, i18n.language) },
          { key: 'level', header: t('events.alertHeader'), cell: (e) => <AlertChip level={e.alertLevel} /> },
          { key: 'effect', header: t('events.pactSays'), cell: (e) => <EffectBadge effect={e.effect} /> },
          {
            key: 'clause',
            header: t('events.clause'),
            cell: (e) =>
              e.clauseId && e.pactId ? (
                <Link href={`/pacts/${e.pactId}/versions/${e.pactVersion}#clause-${e.clauseId}`} data-clause-link={e.clauseId}>
                  {e.clauseId}
                </Link>
              ) : (
                '—'
              ),
          },
          { key: 'lead', header: t('events.leads'), cell: (e) => e.lead.map(recipient).join(', ') || '—' },
          { key: 'decides', header: t('events.decides'), cell: (e) => e.decides.map(recipient).join(', ') || '—' },
          { key: 'decideBy', header: t('events.decideBy'), cell: (e) => (e.decideBy ? formatDateTime(e.decideBy, i18n.language) : '—') },
        ]}
      />
    </section>
  );
};

export const Notifications = ({ event }: { event: EventDetail }) => {
  const { t, i18n } = useTranslation();
  const recipient = useRecipientName();
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('events.notificationsHeading')}</h2>
      <DataTable
        caption={t('events.notificationsCaption', { count: event.notifications.length })}
        testId="notifications"
        rows={event.notifications}
        rowKey={(n) => n.id}
        empty={t('events.noNotifications')}
        columns={[
          { key: 'recipient', header: t('events.recipient'), cell: (n) => (n.channel === 'ihr' ? t('events.who') : recipient(n.recipient)) },
          { key: 'channel', header: t('events.channel'), cell: (n) => t(`events.channels.${n.channel}`) },
          { key: 'sent', header: t('events.sent'), cell: (n) => formatDateTime(n.sentAt, i18n.language), sortValue: (n) => n.sentAt },
          { key: 'due', header: t('events.due'), cell: (n) => formatDateTime(n.dueAt, i18n.language), sortValue: (n) => n.dueAt },
          { key: 'state', header: t('events.noticeState'), cell: (n) => <NoticeBadge notice={n} /> },
        ]}
      />
    </section>
  );
};

const TONE = { acknowledged: 'done', 'acknowledged-late': 'late', open: 'urgent', overdue: 'late' } as const;

/** Acknowledged on time or late, or still open and counting down, in words with colour. */
const NoticeBadge = ({ notice }: { notice: EventNotification }) => {
  const { t } = useTranslation();
  const reading = readNotice(notice, useNow());
  return (
    <span className={`clock clock-${TONE[reading.state]}`} data-notice-state={reading.state}>
      {reading.state === 'overdue' || reading.state === 'acknowledged-late' ? <span aria-hidden="true">⚠ </span> : reading.state === 'acknowledged' ? <span aria-hidden="true">✓ </span> : null}
      {t(`events.notice.${reading.state}`, { duration: t(durationKey(reading), { days: reading.days, hours: reading.hours, minutes: reading.minutes }) })}
    </span>
  );
};
