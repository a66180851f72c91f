import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, useLocation, useSearchParams } from 'wouter';
import { useAuth } from '../../app/auth.tsx';
import { safeNext, startPageFor } from '../../app/start-page.ts';
import { ErrorNotice } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';

/** Email and password against the node's accounts; then your start page (or where you were going). */
export const SignInPage = () => {
  const { t } = useTranslation();
  const { status, me, signIn } = useAuth();
  const [, navigate] = useLocation();
  const [search] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(search.get('next'));

  if (status === 'signed-in' && me && !busy) return <Redirect to={next ?? startPageFor(me)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(email.trim(), password);
      navigate(next ?? startPageFor(signedIn), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeading title={t('accounts.signInTitle')} />
      <form className="form" onSubmit={submit} noValidate={false}>
        <label className="field">
          <span>{t('accounts.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('accounts.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('accounts.signingIn') : t('accounts.signIn')}
        </button>
      </form>
      <p className="hint">{t('accounts.publicHint')}</p>
    </div>
  );
};
