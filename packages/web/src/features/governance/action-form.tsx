import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../shared/components/notice.tsx';

/**
 * One workflow step as a form: it sends, then either tells the page to
 * reload (and says so in a status line) or shows the node's refusal in
 * words (GOVERNANCE_BREACH_WRONG_STEP, _CONTENT_MISSING, …) and keeps what
 * was typed so it can be corrected.
 */
export const ActionForm = ({
  id,
  title,
  submit,
  onDone,
  children,
  open,
  doneText,
}: {
  id: string;
  title: string;
  submit(): Promise<unknown>;
  onDone(): void;
  children?: ReactNode;
  open?: boolean;
  doneText: string;
}) => {
  const { t } = useTranslation();
  const [state, setState] = useState<{ status: 'idle' | 'sending' | 'done' } | { status: 'failed'; error: unknown }>({ status: 'idle' });
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setState({ status: 'sending' });
    try {
      await submit();
      setState({ status: 'done' });
      onDone();
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };
  return (
    <details className="action" open={open} data-action={id}>
      <summary>{title}</summary>
      <form className="form" onSubmit={send} aria-label={title}>
        {children}
        <div className="button-row">
          <button type="submit" className="button" disabled={state.status === 'sending'}>
            {state.status === 'sending' ? t('common.saving') : title}
          </button>
        </div>
        {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
        <div role="status">{state.status === 'done' ? <p className="notice notice-ok">{doneText}</p> : null}</div>
      </form>
    </details>
  );
};

export const TextField = ({ label, value, onChange, multiline, required = true, type = 'text', hint }: {
  label: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  required?: boolean;
  type?: 'text' | 'number' | 'date' | 'datetime-local';
  hint?: string;
}) => (
  <label className="field">
    <span>{label}</span>
    {multiline ? (
      <textarea rows={3} required={required} value={value} onChange={(event) => onChange(event.target.value)} />
    ) : (
      <input type={type} required={required} value={value} onChange={(event) => onChange(event.target.value)} />
    )}
    {hint ? <span className="hint">{hint}</span> : null}
  </label>
);

/** A datetime-local value as an ISO instant, or undefined when empty (the node then uses its own now). */
export const instantOrUndefined = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);
export const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
