import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { api } from '../../shared/api/client.ts';
import { ActionForm, numberOrUndefined, TextField } from '../governance/action-form.tsx';
import { useJurisdictions } from './parties.ts';
import { holdsAny, REQUESTERS, STOCK_WRITERS } from './stock-access.ts';
import { stockApi } from './stock.api.ts';
import type { SharingRequest } from './stock.types.ts';

/**
 * The next steps of a sharing request, each a form shown to the roles the
 * node's route admits: decide (approve, approve in part, refuse, with the
 * reason) for focal points and the hub coordinator, who must also be the
 * decider the clause names; ship, receive and repay for those who record
 * stock, at their own country's store. Whatever the node refuses is shown
 * as its sentence (STOCK_NOT_THE_DECIDER, ACCESS_OUT_OF_SCOPE, …).
 */
export const RequestActions = ({ request, onDone }: { request: SharingRequest; onDone(): void }) => {
  const { t } = useTranslation();
  const { me } = useAuth();
  const jurisdictions = useJurisdictions();
  const roles = me?.roles;
  const forms = [
    request.status === 'pending' && holdsAny(roles, REQUESTERS) ? <DecideForm key="decide" request={request} onDone={onDone} /> : null,
    ['approved', 'partially-approved'].includes(request.status) && holdsAny(roles, STOCK_WRITERS) ? (
      <ActionForm
        key="ship"
        id="ship"
        title={t('stock.request.ship')}
        doneText={t('stock.request.shipped')}
        submit={() => stockApi(api).ship(request.id, {})}
        onDone={onDone}
      >
        <p className="hint">{t('stock.request.shipHint', { lender: jurisdictions.name(request.lender) })}</p>
      </ActionForm>
    ) : null,
    request.status === 'shipped' && holdsAny(roles, STOCK_WRITERS) ? (
      <ActionForm
        key="receive"
        id="receive"
        title={t('stock.request.receive')}
        doneText={t('stock.request.received')}
        submit={() => stockApi(api).receive(request.id, {})}
        onDone={onDone}
      >
        <p className="hint">{t('stock.request.receiveHint', { borrower: jurisdictions.name(request.borrower) })}</p>
      </ActionForm>
    ) : null,
    request.status === 'received' && holdsAny(roles, STOCK_WRITERS) ? <RepayForm key="repay" request={request} onDone={onDone} /> : null,
  ].filter(Boolean);
  if (forms.length === 0) return null;
  return (
    <section aria-labelledby="request-actions-heading" data-testid="request-actions">
      <h2 id="request-actions-heading">{t('stock.request.actions')}</h2>
      {forms}
    </section>
  );
};

const DecideForm = ({ request, onDone }: { request: SharingRequest; onDone(): void }) => {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'approve' | 'part' | 'refuse'>('approve');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      id="decide"
      title={t('stock.request.decide')}
      doneText={t('stock.request.decided')}
      open
      submit={() => stockApi(api).decide(request.id, { outcome, reason, ...(outcome === 'part' ? { quantity: numberOrUndefined(quantity) } : {}) })}
      onDone={onDone}
    >
      <p className="hint">{t('stock.request.decideHint', { deciders: request.deciders.join(', ') })}</p>
      <fieldset className="field">
        <legend>{t('stock.request.outcome')}</legend>
        {(['approve', 'part', 'refuse'] as const).map((value) => (
          <label key={value} className="field-check">
            <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
            {t(`stock.request.outcomes.${value}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'part' ? (
        <TextField label={t('stock.request.approvedQuantity')} type="number" value={quantity} onChange={setQuantity} hint={t('stock.request.partHint', { quantity: request.quantity })} />
      ) : null}
      <TextField label={t('stock.request.reason')} value={reason} onChange={setReason} multiline />
    </ActionForm>
  );
};

const RepayForm = ({ request, onDone }: { request: SharingRequest; onDone(): void }) => {
  const { t } = useTranslation();
  const jurisdictions = useJurisdictions();
  const [quantity, setQuantity] = useState(String(request.repayment?.outstanding ?? ''));
  return (
    <ActionForm id="repay" title={t('stock.request.repay')} doneText={t('stock.request.repaid')} submit={() => stockApi(api).repay(request.id, { quantity: Number(quantity) })} onDone={onDone}>
      <p className="hint">{t('stock.request.repayHint', { borrower: jurisdictions.name(request.borrower), lender: jurisdictions.name(request.lender) })}</p>
      <TextField label={t('stock.request.repayQuantity')} type="number" value={quantity} onChange={setQuantity} />
    </ActionForm>
  );
};
