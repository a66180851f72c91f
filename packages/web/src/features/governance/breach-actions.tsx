import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { ErrorNotice } from '../../shared/components/notice.tsx';
import { ActionForm, instantOrUndefined, numberOrUndefined, TextField } from './action-form.tsx';
import { governanceApi } from './governance.api.ts';
import type { BreachDetail, Risk } from './governance.types.ts';
import { nextStep } from './breach-steps.ts';

/** Every workflow step as a form (docs/governance.md, "Breaches"); the node says when a step does not follow. */
export const BreachActions = ({ breach, onChanged }: { breach: BreachDetail; onChanged(): void }) => {
  const { t } = useTranslation();
  const next = nextStep(breach);
  const common = { onDone: onChanged, doneText: t('breaches.saved') };
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('breaches.actionsHeading')}</h2>
      <Assess id={breach.id} open={next === 'assess'} {...common} />
      <Contain id={breach.id} open={next === 'contain'} {...common} />
      <Notify id={breach.id} open={next === 'notify'} late={breach.clock.reasonsForDelayRequired} {...common} />
      <ActionForm
        id="notify-subjects"
        title={t('breaches.action.notify-subjects')}
        open={next === 'notify-subjects'}
        submit={() => governanceApi(api).notifySubjects(breach.id, {})}
        {...common}
      >
        <p className="hint">{t('breaches.notifySubjectsHint')}</p>
      </ActionForm>
      <Remedies breach={breach} {...common} />
      <ActionForm id="close" title={t('breaches.action.close')} open={next === 'close'} submit={() => governanceApi(api).close(breach.id)} {...common}>
        <p className="hint">{t('breaches.closeHint')}</p>
      </ActionForm>
    </section>
  );
};

interface StepProps {
  id: string;
  open: boolean;
  onDone(): void;
  doneText: string;
}

const Assess = ({ id, ...props }: StepProps) => {
  const { t } = useTranslation();
  const [risk, setRisk] = useState<Risk>('risk');
  const [dataSubjects, setDataSubjects] = useState('');
  const [subjectsApprox, setSubjectsApprox] = useState('');
  const [records, setRecords] = useState('');
  const [recordsApprox, setRecordsApprox] = useState('');
  const [likelyConsequences, setConsequences] = useState('');
  return (
    <ActionForm
      id="assess"
      title={t('breaches.action.assess')}
      submit={() =>
        governanceApi(api).assess(id, {
          risk,
          dataSubjects,
          records,
          likelyConsequences,
          ...(numberOrUndefined(subjectsApprox) === undefined ? {} : { subjectsApprox: numberOrUndefined(subjectsApprox) }),
          ...(numberOrUndefined(recordsApprox) === undefined ? {} : { recordsApprox: numberOrUndefined(recordsApprox) }),
        })
      }
      {...props}
    >
      <label className="field">
        <span>{t('breaches.risk')}</span>
        <select value={risk} onChange={(event) => setRisk(event.target.value as Risk)}>
          {(['unlikely', 'risk', 'high'] as const).map((r) => (
            <option key={r} value={r}>
              {t(`breaches.riskLevel.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <TextField label={t('breaches.dataSubjects')} value={dataSubjects} onChange={setDataSubjects} multiline />
      <TextField label={t('breaches.subjectsApprox')} value={subjectsApprox} onChange={setSubjectsApprox} type="number" required={false} />
      <TextField label={t('breaches.records')} value={records} onChange={setRecords} multiline />
      <TextField label={t('breaches.recordsApprox')} value={recordsApprox} onChange={setRecordsApprox} type="number" required={false} />
      <TextField label={t('breaches.likelyConsequences')} value={likelyConsequences} onChange={setConsequences} multiline />
    </ActionForm>
  );
};

const Contain = ({ id, ...props }: StepProps) => {
  const { t } = useTranslation();
  const [measures, setMeasures] = useState('');
  const [containedAt, setContainedAt] = useState('');
  return (
    <ActionForm id="contain" title={t('breaches.action.contain')} submit={() => governanceApi(api).contain(id, { measures, containedAt: instantOrUndefined(containedAt) })} {...props}>
      <TextField label={t('breaches.measures')} value={measures} onChange={setMeasures} multiline />
      <TextField label={t('breaches.containedAt')} value={containedAt} onChange={setContainedAt} type="datetime-local" required={false} hint={t('breaches.nowIfEmpty')} />
    </ActionForm>
  );
};

const Notify = ({ id, late, ...props }: StepProps & { late: boolean }) => {
  const { t } = useTranslation();
  const [authority, setAuthority] = useState('');
  const [contactPoint, setContactPoint] = useState('');
  const [notifiedAt, setNotifiedAt] = useState('');
  const [reasonsForDelay, setReasons] = useState('');
  return (
    <ActionForm
      id="notify"
      title={t('breaches.action.notify')}
      submit={() =>
        governanceApi(api).notify(id, {
          authority,
          contactPoint,
          notifiedAt: instantOrUndefined(notifiedAt),
          ...(reasonsForDelay.trim() ? { reasonsForDelay } : {}),
        })
      }
      {...props}
    >
      <TextField label={t('breaches.authority')} value={authority} onChange={setAuthority} />
      <TextField label={t('breaches.contactPoint')} value={contactPoint} onChange={setContactPoint} />
      <TextField label={t('breaches.notifiedAt')} value={notifiedAt} onChange={setNotifiedAt} type="datetime-local" required={false} hint={t('breaches.nowIfEmpty')} />
      <TextField
        label={t('breaches.reasonsForDelay')}
        value={reasonsForDelay}
        onChange={setReasons}
        multiline
        required={false}
        hint={late ? t('breaches.reasonsRequired') : t('breaches.reasonsWhenLate')}
      />
    </ActionForm>
  );
};

const Remedies = ({ breach, onDone, doneText }: { breach: BreachDetail; onDone(): void; doneText: string }) => {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  return (
    <ActionForm id="remedies" title={t('breaches.action.remedies')} submit={() => governanceApi(api).addRemedy(breach.id, { action, owner, due })} onDone={onDone} doneText={doneText}>
      {breach.remedies.length > 0 ? (
        <ul className="remedies">
          {breach.remedies.map((remedy, index) => (
            <li key={index}>
              {remedy.action} — {remedy.owner}, {t('breaches.dueOn', { date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${remedy.due}T00:00:00Z`)) })}{' '}
              {remedy.doneAt ? <span className="badge effect-permit">✓ {t('breaches.remedyDone')}</span> : <MarkDone id={breach.id} index={index} onDone={onDone} />}
            </li>
          ))}
        </ul>
      ) : null}
      <TextField label={t('breaches.remedyAction')} value={action} onChange={setAction} />
      <TextField label={t('breaches.remedyOwner')} value={owner} onChange={setOwner} />
      <TextField label={t('breaches.remedyDue')} value={due} onChange={setDue} type="date" />
    </ActionForm>
  );
};

const MarkDone = ({ id, index, onDone }: { id: string; index: number; onDone(): void }) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
    <button
      type="button"
      className="button button-secondary button-small"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        governanceApi(api)
          .completeRemedy(id, index)
          .then(onDone, (failure: unknown) => {
            setBusy(false);
            setError(failure);
          });
      }}
    >
      {t('breaches.markDone')}
    </button>
    {error ? <ErrorNotice error={error} /> : null}
    </>
  );
};
