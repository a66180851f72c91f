import type { BreachDetail } from './governance.types.ts';

export type Step = 'assess' | 'contain' | 'notify' | 'notify-subjects' | 'close';

/**
 * The step a breach in this state usually needs next (docs/governance.md,
 * "Breaches"), whose form the page opens first: assess, contain, notify the
 * authority when required, tell the people when the risk is high, close.
 * Null once closed. The node is the judge; this only orders the page.
 */
export const nextStep = (breach: Pick<BreachDetail, 'status' | 'notificationRequired' | 'risk' | 'subjectsNotifiedAt' | 'containedAt'>): Step | null => {
  if (breach.status === 'closed') return null;
  if (breach.status === 'reported') return 'assess';
  if (!breach.containedAt) return 'contain';
  if (breach.notificationRequired && breach.status !== 'notified') return 'notify';
  if (breach.risk === 'high' && !breach.subjectsNotifiedAt) return 'notify-subjects';
  return 'close';
};
