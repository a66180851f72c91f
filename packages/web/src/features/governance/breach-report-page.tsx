import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { mayOpen } from '../../app/page.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorNotice } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { governanceApi } from './governance.api.ts';
import { STEWARDS } from './governance-access.ts';
import { PartyPicker } from './party-picker.tsx';

/** "YYYY-MM-DDTHH:mm" in the browser's time, as a datetime-local input shows it. */
const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * Anyone signed in reports a breach of their own jurisdiction; the
 * 72-hour clock runs from when it became known, not from this report.
 */
export const BreachReportPage = () => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [, navigate] = useLocation();
  const [party, setParty] = useState(me?.regionWide ? '' : (me?.jurisdiction ?? ''));
  const [title, setTitle] = useState('');
  const [nature, setNature] = useState('');
  const [awareAt, setAwareAt] = useState(() => localInput(new Date(Date.now() - 60_000)));
  const [state, setState] = useState<{ status: 'idle' | 'sending' } | { status: 'failed'; error: unknown } | { status: 'done'; id: string }>({ status: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ status: 'sending' });
    try {
      const breach = await governanceApi(api).report({ party, title, nature, awareAt: new Date(awareAt).toISOString() });
      if (mayOpen(STEWARDS, me)) navigate(`/breaches/${breach.id}`);
      else setState({ status: 'done', id: breach.id });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };

  return (
    <>
      <PageHeading title={t('breaches.reportTitle')}>
        <p className="lede">{t('breaches.reportLede')}</p>
      </PageHeading>
      <form className="form narrow-form" onSubmit={submit}>
        {me?.regionWide ? <PartyPicker value={party} onChange={setParty} allLabel={party === '' ? t('accessReport.choose') : undefined} /> : null}
        <label className="field">
          <span>{t('breaches.titleField')}</span>
          <input required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('breaches.nature')}</span>
          <textarea required rows={4} value={nature} onChange={(event) => setNature(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('breaches.awareAt')}</span>
          <input type="datetime-local" required value={awareAt} onChange={(event) => setAwareAt(event.target.value)} />
          <span className="hint">{t('breaches.awareAtHint')}</span>
        </label>
        <div className="button-row">
          <button type="submit" className="button" disabled={state.status === 'sending' || party === ''}>
            {t('breaches.reportSubmit')}
          </button>
        </div>
        {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
        <div role="status">
          {state.status === 'done' ? <p className="notice notice-ok">{t('breaches.reported')}</p> : null}
        </div>
      </form>
      <p>
        <Link href="/">{t('breaches.backHome')}</Link>
      </p>
    </>
  );
};
