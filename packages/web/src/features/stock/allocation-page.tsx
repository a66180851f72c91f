import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../shared/api/client.ts';
import { DataTable } from '../../shared/components/data-table.tsx';
import { ErrorNotice } from '../../shared/components/notice.tsx';
import { PageHeading } from '../../shared/components/page-heading.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';
import { TextField } from '../governance/action-form.tsx';
import { ReasonText } from '../pact/plain-text.tsx';
import { allocationBody, type AllocationFormState } from './allocation-form.ts';
import { useJurisdictions } from './parties.ts';
import { useProducts } from './products.ts';
import { StockSections } from './stock-sections.tsx';
import { stockApi } from './stock.api.ts';
import type { AllocationPlan } from './stock.types.ts';

/**
 * Divides scarce stock among the parties in need with the node's LP
 * (POST /stock/allocations, HiGHS): the hub's and national stores' usable
 * stock against needs typed here or taken from pending requests, weighted
 * by population, with a fair proportional floor. The plan can be turned
 * into sharing requests, each still decided by the pact.
 */
export const AllocationPage = () => {
  const { t } = useTranslation();
  const products = useProducts();
  const [form, setForm] = useState<AllocationFormState>({ products: ['oral-cholera-vaccine'], needs: '', floor: '0.5', createRequests: false, reason: '' });
  const [state, setState] = useState<{ status: 'idle' | 'sending' } | { status: 'done'; plan: AllocationPlan } | { status: 'failed'; error: unknown } | { status: 'bad'; lines: number[] }>({ status: 'idle' });
  const set = <K extends keyof AllocationFormState>(key: K, value: AllocationFormState[K]) => setForm((current) => ({ ...current, [key]: value }));
  const toggle = (id: string) => set('products', form.products.includes(id) ? form.products.filter((p) => p !== id) : [...form.products, id]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const built = allocationBody(form);
    if (!built.ok) return setState({ status: 'bad', lines: built.badLines });
    setState({ status: 'sending' });
    try {
      setState({ status: 'done', plan: await stockApi(api).allocate(built.body) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };

  return (
    <>
      <PageHeading title={t('stock.allocation.title')}>
        <p className="lede">{t('stock.allocation.lede')}</p>
      </PageHeading>
      <StockSections />
      <form className="form narrow-form" onSubmit={send} aria-label={t('stock.allocation.form')}>
        <fieldset className="field">
          <legend>{t('stock.allocation.products')}</legend>
          <div className="field-grid">
            {products.products.map((p) => (
              <label key={p.id} className="field-check">
                <input type="checkbox" checked={form.products.includes(p.id)} onChange={() => toggle(p.id)} />
                {products.name(p.id)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField label={t('stock.allocation.needs')} value={form.needs} onChange={(value) => set('needs', value)} multiline required={false} hint={t('stock.allocation.needsHint')} />
        <TextField label={t('stock.allocation.floor')} type="number" value={form.floor} onChange={(value) => set('floor', value)} required={false} hint={t('stock.allocation.floorHint')} />
        <label className="field-check">
          <input type="checkbox" checked={form.createRequests} onChange={(event) => set('createRequests', event.target.checked)} />
          {t('stock.allocation.createRequests')}
        </label>
        <TextField label={t('stock.allocation.reason')} value={form.reason} onChange={(value) => set('reason', value)} required={false} />
        <div className="button-row">
          <button type="submit" className="button" disabled={state.status === 'sending'}>
            {state.status === 'sending' ? t('stock.allocation.solving') : t('stock.allocation.run')}
          </button>
        </div>
        {state.status === 'bad' ? (
          <div className="notice notice-error" role="alert">
            <p>{t('stock.allocation.badLines', { lines: state.lines.join(', ') })}</p>
          </div>
        ) : null}
        {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      </form>
      {state.status === 'done' ? <PlanView plan={state.plan} /> : null}
    </>
  );
};

const PlanView = ({ plan }: { plan: AllocationPlan }) => {
  const { t, i18n } = useTranslation();
  const products = useProducts();
  const jurisdictions = useJurisdictions();
  const number = (value: number) => formatNumber(value, i18n.language, { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="plan-heading" data-testid="allocation-plan" data-status={plan.result.status}>
      <h2 id="plan-heading">{t('stock.allocation.plan')}</h2>
      <p role="status">{t('stock.allocation.planStatus', { status: plan.result.status, objective: number(plan.result.objective), shipments: plan.result.shipments.length })}</p>
      <DataTable
        caption={t('stock.allocation.shipments')}
        testId="allocation-shipments"
        rows={plan.result.shipments}
        rowKey={(s) => `${s.from}|${s.to}|${s.product}`}
        columns={[
          { key: 'from', header: t('stock.allocation.from'), cell: (s) => s.from, sortValue: (s) => s.from },
          { key: 'to', header: t('stock.allocation.to'), cell: (s) => jurisdictions.name(s.to), sortValue: (s) => s.to },
          { key: 'product', header: t('stock.product'), cell: (s) => products.name(s.product) },
          { key: 'quantity', header: t('stock.quantity'), numeric: true, cell: (s) => number(s.quantity), sortValue: (s) => s.quantity },
        ]}
      />
      <DataTable
        caption={t('stock.allocation.byParty')}
        testId="allocation-by-party"
        rows={plan.byParty}
        rowKey={(row) => `${row.party}|${row.product}`}
        columns={[
          { key: 'party', header: t('governance.party'), cell: (row) => jurisdictions.name(row.party), sortValue: (row) => row.party },
          { key: 'product', header: t('stock.product'), cell: (row) => products.name(row.product) },
          { key: 'need', header: t('stock.allocation.need'), numeric: true, cell: (row) => number(row.need) },
          { key: 'allocated', header: t('stock.allocation.allocated'), numeric: true, cell: (row) => number(row.allocated) },
          {
            key: 'share',
            header: t('stock.allocation.share'),
            numeric: true,
            cell: (row) => (row.share === null ? '—' : formatNumber(row.share, i18n.language, { style: 'percent', maximumFractionDigits: 0 })),
            sortValue: (row) => row.share,
          },
        ]}
      />
      {plan.opened.length > 0 ? (
        <>
          <h3>{t('stock.allocation.opened')}</h3>
          <ul>
            {plan.opened.map((r) => (
              <li key={r.id}>
                <Link href={`/stock/requests/${r.id}`}>
                  {t('stock.requests.summary', { quantity: number(r.quantity), product: products.name(r.product) })} — {t('stock.requests.fromTo', { lender: jurisdictions.name(r.lender), borrower: jurisdictions.name(r.borrower) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.refused.length > 0 ? (
        <>
          <h3>{t('stock.allocation.refused')}</h3>
          <ul data-testid="allocation-refused">
            {plan.refused.map((r) => (
              <li key={`${r.from}|${r.to}|${r.product}`}>
                {t('stock.allocation.refusedLine', { route: t('stock.requests.fromTo', { lender: jurisdictions.name(r.from), borrower: jurisdictions.name(r.to) }), product: products.name(r.product) })}{' '}
                {(r.reasons ?? []).map((reason, index) => (
                  <ReasonText key={index} reason={reason} />
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};
