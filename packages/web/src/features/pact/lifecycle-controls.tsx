import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { ErrorNotice } from '../../shared/components/notice.tsx';
import { pactApi } from './pact.api.ts';
import type { PactDetail } from './pact.types.ts';

type Action = 'suspend' | 'resume' | 'renew';

/**
 * Suspend, resume and renew, for negotiators and hub coordinators. Each
 * asks for confirmation first (a suspension stops every clause at once);
 * the node checks the state again and a refusal is shown in words.
 */
export const LifecycleControls = ({ pact, onChanged }: { pact: PactDetail; onChanged(): void }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const [done, setDone] = useState<Action | null>(null);
  return (
    <section className="lifecycle" aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">{t('lifecycle.heading')}</h2>
      <p className="hint">{t('lifecycle.hint')}</p>
      <div className="button-row">
        {(['suspend', 'resume', 'renew'] as const).map((action) => (
          <button
            key={action}
            type="button"
            className="button button-secondary"
            aria-expanded={open === action}
            onClick={() => {
              setDone(null);
              setOpen(open === action ? null : action);
            }}
          >
            {t(`lifecycle.${action}`)}
          </button>
        ))}
      </div>
      {open ? (
        <Confirm
          key={open}
          action={open}
          pact={pact}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setDone(open);
            setOpen(null);
            onChanged();
          }}
        />
      ) : null}
      <div role="status">{done ? <p className="notice notice-ok">{t(`lifecycle.done.${done}`)}</p> : null}</div>
    </section>
  );
};

const Confirm = ({ action, pact, onCancel, onDone }: { action: Action; pact: PactDetail; onCancel(): void; onDone(): void }) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [sunset, setSunset] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'sending' } | { status: 'failed'; error: unknown }>({ status: 'idle' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ status: 'sending' });
    try {
      const pacts = pactApi(api);
      if (action === 'suspend') await pacts.suspend(pact.id, reason);
      else if (action === 'resume') await pacts.resume(pact.id);
      else await pacts.renew(pact.id, sunset);
      onDone();
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return (
    <form className="form confirm" onSubmit={submit} aria-labelledby={`confirm-${action}`}>
      <h3 id={`confirm-${action}`}>{t(`lifecycle.confirmTitle.${action}`)}</h3>
      <p>{t(`lifecycle.confirmText.${action}`, { title: pact.title })}</p>
      {action === 'suspend' ? (
        <label className="field">
          <span>{t('lifecycle.reason')}</span>
          <textarea required value={reason} onChange={(event) => setReason(event.target.value)} rows={3} />
        </label>
      ) : null}
      {action === 'renew' ? (
        <label className="field">
          <span>{t('lifecycle.newSunset')}</span>
          <input type="date" required value={sunset} onChange={(event) => setSunset(event.target.value)} />
        </label>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={state.status === 'sending'}>
          {t(`lifecycle.confirm.${action}`)}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
    </form>
  );
};
