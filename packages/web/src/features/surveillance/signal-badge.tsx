import { useTranslation } from 'react-i18next';
import type { SignalStatus } from './surveillance.types.ts';

const SIGNS: Record<SignalStatus, string> = { new: '● ', dismissed: '✕ ', promoted: '↑ ', withdrawn: '↺ ' };

/** A signal's triage status as a word with a sign, so colour is never the only cue. */
export const SignalBadge = ({ status }: { status: SignalStatus }) => {
  const { t } = useTranslation();
  return (
    <span className={`badge signal-${status}`} data-signal-status={status}>
      <span aria-hidden="true">{SIGNS[status]}</span>
      {t(`surveillance.signalStatus.${status}`)}
    </span>
  );
};
