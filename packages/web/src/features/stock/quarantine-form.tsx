import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { ActionForm, TextField } from '../governance/action-form.tsx';
import { EMPTY_QUARANTINE_FORM, quarantineDecision, VVM_READINGS, type QuarantineForm as Form } from './quarantine-decision.ts';
import { stockApi } from './stock.api.ts';
import type { Product, Quarantine } from './stock.types.ts';

/**
 * The decision on one quarantined lot: what the vial monitor shows (or,
 * without one, use or discard and why), and the shake test after a freeze.
 * The node applies the rules and a refusal (STOCK_VVM_REQUIRED, another
 * country's store) is shown in words.
 */
export const QuarantineDecisionForm = ({ quarantine, product, onDone }: { quarantine: Quarantine; product: Product | undefined; onDone(): void }) => {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(EMPTY_QUARANTINE_FORM);
  const hasVvm = product?.vvm != null;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));
  return (
    <ActionForm
      id={`decide-${quarantine.id}`}
      title={t('stock.quarantine.decide')}
      doneText={t('stock.quarantine.decided')}
      submit={() => stockApi(api).decideQuarantine(quarantine.id, quarantineDecision(form, hasVvm))}
      onDone={onDone}
    >
      {hasVvm ? (
        <label className="field">
          <span>{t('stock.quarantine.vvm')}</span>
          <select value={form.vvm} onChange={(event) => set('vvm', event.target.value as Form['vvm'])}>
            <option value="">{t('stock.quarantine.choose')}</option>
            {VVM_READINGS.map((reading) => (
              <option key={reading} value={reading}>
                {t(`stock.quarantine.reading.${reading}`)}
              </option>
            ))}
          </select>
          <span className="hint">{t('stock.quarantine.vvmHint')}</span>
        </label>
      ) : (
        <>
          <label className="field">
            <span>{t('stock.quarantine.action')}</span>
            <select value={form.action} onChange={(event) => set('action', event.target.value as Form['action'])}>
              <option value="">{t('stock.quarantine.choose')}</option>
              <option value="use">{t('stock.quarantine.use')}</option>
              <option value="discard">{t('stock.quarantine.discard')}</option>
            </select>
          </label>
          <TextField label={t('stock.quarantine.reason')} value={form.reason} onChange={(value) => set('reason', value)} required={false} />
        </>
      )}
      <label className="field">
        <span>{t('stock.quarantine.shakeTest')}</span>
        <select value={form.shakeTest} onChange={(event) => set('shakeTest', event.target.value as Form['shakeTest'])}>
          <option value="">{t('stock.quarantine.shakeNotDone')}</option>
          <option value="pass">{t('stock.quarantine.shakePass')}</option>
          <option value="fail">{t('stock.quarantine.shakeFail')}</option>
        </select>
        <span className="hint">{t('stock.quarantine.shakeHint')}</span>
      </label>
    </ActionForm>
  );
};
