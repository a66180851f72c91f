import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { errorMessage } from '../i18n/error-message.ts';

/** A refused or failed request, in words, announced to screen readers. */
export const ErrorNotice = ({ error, action }: { error: unknown; action?: ReactNode }) => {
  const { t, i18n } = useTranslation();
  const code = (error as { code?: unknown })?.code;
  return (
    <div className="notice notice-error" role="alert" data-error-code={typeof code === 'string' ? code : undefined}>
      <p>{errorMessage(error, { language: i18n.language, exists: (key) => i18n.exists(key), t: (key, params) => t(key, params) })}</p>
      {action}
    </div>
  );
};

export const Loading = ({ label }: { label?: string }) => {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
};

/** A note about what the reader sees (sources, synthetic data), not an error. */
export const InfoNote = ({ children }: { children: ReactNode }) => <p className="notice notice-info">{children}</p>;
