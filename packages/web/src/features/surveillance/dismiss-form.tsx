import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { ErrorNotice } from '../../shared/components/notice.tsx';
import { surveillanceApi } from './surveillance.api.ts';
import type { Signal } from './surveillance.types.ts';

/**
 * Triage by a national focal point: dismiss a signal with a note saying
 * why (a reporting backlog, a known campaign, a data error). The node
 * checks the role and the party again and refuses a signal already triaged
 * (SURV_SIGNAL_ALREADY_TRIAGED), which is shown in words under the form.
 */
export const DismissForm = ({ signal, label, onDismissed }: { signal: Signal; label: string; onDismissed(signal: Signal): void }) => {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'sending' } | { status: 'failed'; error: unknown }>({ status: 'idle' });
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setState({ status: 'sending' });
    try {
      onDismissed(await surveillanceApi(api).dismiss(signal.id, note.trim()));
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return (
    <details className="action action-compact" data-action="dismiss">
      <summary aria-label={t('surveillance.dismissFor', { what: label })}>{t('surveillance.dismiss')}</summary>
      <form className="form" onSubmit={send} aria-label={t('surveillance.dismissFor', { what: label })}>
        <label className="field">
          <span>{t('surveillance.dismissNote')}</span>
          <textarea rows={2} required maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
          <span className="hint">{t('surveillance.dismissHint')}</span>
        </label>
        <div className="button-row">
          <button type="submit" className="button button-small" disabled={state.status === 'sending' || note.trim() === ''}>
            {state.status === 'sending' ? t('common.saving') : t('surveillance.dismissSubmit')}
          </button>
        </div>
        {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      </form>
    </details>
  );
};
