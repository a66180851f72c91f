import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { ErrorNotice } from '../../shared/components/notice.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { governanceApi } from './governance.api.ts';

/**
 * The alerts addressed to the signed-in focal point or hub coordinator
 * when a breach's 72-hour clock ran out unnotified, open ones first; each
 * is acknowledged here. Shown only when there is something to act on.
 */
export const BreachAlerts = () => {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const addressee = me?.roles.some((role) => role === 'national-focal-point' || role === 'hub-coordinator') ?? false;
  const alerts = useApi((signal) => (addressee ? governanceApi(api).breachAlerts(signal) : Promise.resolve({ alerts: [] })), [addressee]);
  const [failure, setFailure] = useState<unknown>(null);
  const acknowledge = async (id: string) => {
    setFailure(null);
    try {
      await governanceApi(api).acknowledgeBreachAlert(id);
      alerts.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  if (alerts.status === 'failed') return <ErrorNotice error={alerts.error} />;
  if (alerts.status !== 'ready' || alerts.data.alerts.length === 0) return null;
  return (
    <section aria-labelledby="breach-alerts-heading" className="notice notice-error" data-testid="breach-alerts">
      <h2 id="breach-alerts-heading">
        <span aria-hidden="true">⚠ </span>
        {t('breaches.alerts.heading', { count: alerts.data.alerts.length })}
      </h2>
      <ul>
        {alerts.data.alerts.map((alert) => (
          <li key={alert.id}>
            <Link href={`/breaches/${alert.breachId}`}>{alert.title}</Link>{' '}
            {t('breaches.alerts.overdue', { party: alert.party, deadline: formatDateTime(alert.deadline, i18n.language) })}{' '}
            <button type="button" className="button button-small" onClick={() => acknowledge(alert.id)}>
              {t('breaches.alerts.acknowledge')}
            </button>
          </li>
        ))}
      </ul>
      {failure ? <ErrorNotice error={failure} /> : null}
    </section>
  );
};
