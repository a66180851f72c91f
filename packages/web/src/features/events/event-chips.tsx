import { useTranslation } from 'react-i18next';
import type { EventStatus, TargetStatus } from './events.types.ts';

/**
 * The chips of an event: its status, alert level, risk, IHR outcome and
 * 7-1-7 targets. Each is a word (with a sign where it judges), coloured as
 * well, never by colour alone (WCAG 1.4.1).
 */
export const EventStatusChip = ({ status }: { status: EventStatus }) => {
  const { t } = useTranslation();
  return (
    <span className={`badge event-${status}`} data-event-status={status}>
      {t(`events.status.${status}`)}
    </span>
  );
};

export const AlertChip = ({ level }: { level: number | null }) => {
  const { t } = useTranslation();
  if (level === null) return <span className="badge">{t('events.noAlertLevel')}</span>;
  return (
    <span className={`badge alert-${level}`} data-alert-level={level}>
      {t('events.alertLevel', { level })}
    </span>
  );
};

export const RiskChip = ({ risk }: { risk: string | null }) => {
  const { t } = useTranslation();
  return (
    <span className={`badge risk-${risk ?? 'none'}`} data-risk={risk ?? undefined}>
      {risk ? t('events.riskIs', { risk: t(`events.risk.${risk}`, { defaultValue: risk }) }) : t('events.riskNotAssessed')}
    </span>
  );
};

export const IhrChip = ({ outcome }: { outcome: string | null }) => {
  const { t } = useTranslation();
  return (
    <span className={`badge ihr-${outcome ?? 'none'}`} data-ihr={outcome ?? undefined}>
      {outcome === 'notify' ? <span aria-hidden="true">! </span> : null}
      {t(`events.ihrOutcome.${outcome ?? 'none'}`, { defaultValue: outcome ?? '' })}
    </span>
  );
};

const TARGET_SIGNS: Record<TargetStatus, string> = { met: '✓ ', 'not-met': '✕ ', pending: '… ' };

/** One 7-1-7 target: "✓ Detect: met", "✕ Notify: not met", "… Respond: pending". */
export const TargetChip = ({ target, status }: { target: 'detect' | 'notify' | 'respond' | 'overall'; status: TargetStatus }) => {
  const { t } = useTranslation();
  return (
    <span className={`badge target-${status}`} data-target={target} data-target-status={status}>
      <span aria-hidden="true">{TARGET_SIGNS[status]}</span>
      {t('events.targetChip', { target: t(`events.target.${target}`), status: t(`events.targetStatus.${status}`) })}
    </span>
  );
};

export const TargetChips = ({ sevenOneSeven }: { sevenOneSeven: { detect: TargetStatus; notify: TargetStatus; respond: TargetStatus } }) => (
  <span className="chip-row">
    <TargetChip target="detect" status={sevenOneSeven.detect} />
    <TargetChip target="notify" status={sevenOneSeven.notify} />
    <TargetChip target="respond" status={sevenOneSeven.respond} />
  </span>
);
