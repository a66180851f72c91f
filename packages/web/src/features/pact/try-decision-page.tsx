import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { ROLES } from '../../shared/api/types.ts';
import { useApi } from '../../shared/api/use-api.ts';
import { ErrorNotice, InfoNote, Loading } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { DecisionResult } from './decision-result.tsx';
import { buildContext, buildRequest, REQUEST_FIELDS, REQUEST_KINDS, type FieldSpec } from './decision-form.ts';
import { pactApi } from './pact.api.ts';
import { loadPactBasics } from './pact-data.ts';
import { PactSections } from './pact-sections.tsx';
import type { Decision, PactDocument } from './pact.types.ts';

/** Which clause kind answers which request kind (CLAUSE_KIND_FOR in packages/core/src/pact/decide.ts). */
const CLAUSE_KIND_FOR: Readonly<Record<string, string>> = {
  data: 'data-sharing',
  'stock-release': 'stockpile-sharing',
  funding: 'funding-trigger',
  referral: 'referral-corridor',
  licence: 'licensure-recognition',
  waiver: 'emergency-waiver',
  escalation: 'escalation',
  milestone: 'milestone',
};

type Values = Record<string, string | boolean>;

/**
 * "Try a decision": ask the decision point what it would answer, without
 * acting and without recording anything (POST /decisions/dry-run). A
 * negotiator can test a draft clause's effect, with alert levels and
 * indicators of their choosing, and read the clause, obligations and reasons.
 */
export const TryDecisionPage = () => {
  const { t } = useTranslation();
  const pact = useApi(
    async (signal) => {
      const { pacts } = await pactApi(api).list(signal);
      return pacts[0] ? loadPactBasics(pacts[0].id, signal) : null;
    },
    [],
  );
  if (pact.status === 'loading') return <Loading />;
  if (pact.status === 'failed') return <ErrorNotice error={pact.error} />;
  return (
    <>
      <PageHeading title={t('try.title')}>
        <p className="lede">{t('try.lede')}</p>
      </PageHeading>
      {pact.data ? <PactSections id={pact.data.detail.id} /> : <InfoNote>{t('pact.none')}</InfoNote>}
      {pact.data ? <TryForm document={pact.data.document} /> : null}
    </>
  );
};

const example = (document: PactDocument): Values => ({
  action: 'send',
  dataset: 'aggregate-counts',
  from: document.parties[0]?.code ?? '',
  to: document.hub.code,
  purpose: 'surveillance',
});

const TryForm = ({ document }: { document: PactDocument }) => {
  const { t } = useTranslation();
  const [kind, setKind] = useState('data');
  const [values, setValues] = useState<Values>(() => example(document));
  const [facts, setFacts] = useState({ alerts: '', indicators: '', at: '' });
  const [state, setState] = useState<
    { status: 'idle' | 'asking' } | { status: 'invalid'; problems: string[] } | { status: 'failed'; error: unknown } | { status: 'done'; decision: Decision }
  >({ status: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = buildRequest(kind, values);
    const context = buildContext({ ...facts, at: facts.at ? new Date(facts.at).toISOString() : undefined });
    const problems = [...(request.ok ? [] : request.problems.map((p) => t(`try.field.${p.replace('.', '-')}`))), ...(context.ok ? [] : context.problems)];
    if (!request.ok || !context.ok) return setState({ status: 'invalid', problems });
    setState({ status: 'asking' });
    try {
      setState({ status: 'done', decision: await pactApi(api).dryRun(request.value, context.value) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };

  const clauses = document.clauses.filter((clause) => clause.kind === CLAUSE_KIND_FOR[kind]);
  return (
    <>
      <form className="form try-form" onSubmit={submit} aria-labelledby="try-request-heading">
        <h2 id="try-request-heading">{t('try.requestHeading')}</h2>
        <label className="field">
          <span>{t('try.kind')}</span>
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.target.value);
              setValues(event.target.value === 'data' ? example(document) : {});
              setState({ status: 'idle' });
            }}
          >
            {REQUEST_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`try.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="field-grid">
          {REQUEST_FIELDS[kind]!.map((field) => (
            <RequestField key={`${kind}/${field.name}`} field={field} document={document} value={values[field.name]} onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))} />
          ))}
          <label className="field">
            <span>{t('try.field.clauseId')}</span>
            <select value={String(values.clauseId ?? '')} onChange={(event) => setValues((v) => ({ ...v, clauseId: event.target.value }))}>
              <option value="">{t('try.anyClause')}</option>
              {clauses.map((clause) => (
                <option key={clause.id} value={clause.id}>
                  {clause.id}
                </option>
              ))}
            </select>
          </label>
        </div>
        <h2>{t('try.factsHeading')}</h2>
        <p className="hint">{t('try.factsHint')}</p>
        <div className="field-grid">
          <label className="field">
            <span>{t('try.alerts')}</span>
            <textarea rows={3} value={facts.alerts} placeholder="KE cholera 3" onChange={(event) => setFacts((f) => ({ ...f, alerts: event.target.value }))} />
          </label>
          <label className="field">
            <span>{t('try.indicators')}</span>
            <textarea rows={3} value={facts.indicators} placeholder="cholera-weekly-incidence-per-100k.KE 6.2" onChange={(event) => setFacts((f) => ({ ...f, indicators: event.target.value }))} />
          </label>
          <label className="field">
            <span>{t('try.at')}</span>
            <input type="datetime-local" value={facts.at} onChange={(event) => setFacts((f) => ({ ...f, at: event.target.value }))} />
          </label>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={state.status === 'asking'}>
            {state.status === 'asking' ? t('try.asking') : t('try.ask')}
          </button>
        </div>
        {state.status === 'invalid' ? (
          <div className="notice notice-error" role="alert">
            <p>{t('try.problems', { problems: state.problems.join(', ') })}</p>
          </div>
        ) : null}
        {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      </form>
      <div aria-live="polite">{state.status === 'done' ? <DecisionResult decision={state.decision} /> : null}</div>
    </>
  );
};

const suggestionsFor = (field: FieldSpec, document: PactDocument): readonly string[] => {
  const clauses = document.clauses as unknown as Record<string, unknown>[];
  const collect = (key: string) => [...new Set(clauses.flatMap((c) => (Array.isArray(c[key]) ? (c[key] as string[]) : typeof c[key] === 'string' ? [c[key] as string] : [])))];
  const parties = [...document.parties.map((p) => p.code), document.hub.code];
  switch (field.suggestions) {
    case undefined:
      return [];
    case 'parties':
      return parties;
    case 'recipients':
      return [...parties, 'public'];
    case 'datasets':
      return collect('dataset');
    case 'products':
      return collect('products');
    case 'diseases':
      return [...new Set([...collect('diseases'), 'cholera', 'mpox', 'ebola', 'measles', 'marburg', 'yellow-fever'])];
    case 'roles':
      return ROLES;
    default:
      return field.suggestions;
  }
};

const RequestField = ({ field, document, value, onChange }: { field: FieldSpec; document: PactDocument; value: string | boolean | undefined; onChange(value: string | boolean): void }) => {
  const { t } = useTranslation();
  const label = `${t(`try.field.${field.name.replace('.', '-')}`)}${field.required ? '' : ` ${t('try.optional')}`}`;
  if (field.type === 'boolean') {
    return (
      <label className="field field-check">
        <input type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
        <span>{label}</span>
      </label>
    );
  }
  const options = suggestionsFor(field, document);
  const text = typeof value === 'string' ? value : '';
  // Closed lists are selects; lists drawn from the pact only suggest, so a negotiator can try a value the pact does not name.
  if (Array.isArray(field.suggestions)) {
    return (
      <label className="field">
        <span>{label}</span>
        <select value={text} required={field.required} onChange={(event) => onChange(event.target.value)}>
          <option value="">—</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const listId = options.length > 0 ? `suggest-${field.name.replace('.', '-')}` : undefined;
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type={field.type === 'number' ? 'number' : 'text'}
        value={text}
        required={field.required}
        list={listId}
        placeholder={field.type === 'list' ? t('try.listHint') : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {listId ? (
        <datalist id={listId}>
          {options.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      ) : null}
    </label>
  );
};
