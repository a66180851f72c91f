import { describe, expect, it } from 'vitest';
import { decide } from '../pact/decide.ts';
import { examplePact } from '../pact/test-pacts.ts';
import { parsePayload, type MessageBody, type MessageType } from './message-types.ts';
import { escalationAudience, planMessage } from './plan.ts';

const pact = examplePact();
const now = new Date('2026-03-02T10:00:00Z');

const body = (type: MessageType, payload: unknown): MessageBody => {
  const parsed = parsePayload(type, payload);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.body;
};

const alertPayload = (level: number, extra: Record<string, unknown> = {}) => ({
  alertId: 'ke-cholera-1',
  party: 'KE',
  disease: 'cholera',
  level,
  title: 'Cholera cluster in Kisumu',
  detectedAt: '2026-03-01T08:00:00Z',
  ...extra,
});

const decidePlan = (type: MessageType, payload: unknown, from: string, to: string, side: 'send' | 'receive' = 'send') => {
  const plan = planMessage({ body: body(type, payload), from, to, hub: 'EAC', role: 'national-focal-point', side });
  const context = { now, ...plan.context };
  return {
    plan,
    primary: decide(pact, plan.primary.request, context),
    attachment: plan.attachment ? decide(pact, plan.attachment.request, context) : undefined,
  };
};

describe('an alert', () => {
  it('is an escalation at its level, with the sender stating its own alert level', () => {
    const { plan, primary } = decidePlan('alert', alertPayload(2), 'KE', 'UG');
    expect(plan.primary.request).toEqual({ kind: 'escalation', party: 'KE', disease: 'cholera', level: 2 });
    expect(plan.context.alert).toEqual({ KE: { cholera: 2 } });
    expect(plan.audience).toBe(true);
    expect(primary).toMatchObject({ effect: 'permit', clauseId: 'regional-escalation' });
  });

  it('reaches at level 1 only the hub, and at level 2 every partner state', () => {
    const level1 = decidePlan('alert', alertPayload(1), 'KE', 'UG').primary;
    expect(escalationAudience(level1.obligations)).toEqual(expect.arrayContaining(['KE', 'EAC']));
    expect(escalationAudience(level1.obligations)).not.toContain('UG');
    const level2 = decidePlan('alert', alertPayload(2), 'KE', 'UG').primary;
    expect(escalationAudience(level2.obligations)).toEqual(expect.arrayContaining(['EAC', 'UG', 'TZ', 'SO']));
  });

  it('asks for its line list under the case-report clause, which permits it only at level 3 and to neighbours', () => {
    const reports = [{ clientId: 'c1', age: 34, sex: 'female', patientName: 'A. Person', village: 'Dunga' }];
    const outbreak = decidePlan('alert', alertPayload(3, { caseReports: reports }), 'KE', 'UG');
    expect(outbreak.plan.attachment?.request).toMatchObject({ kind: 'data', dataset: 'case-reports', from: 'KE', to: 'UG', purpose: 'outbreak-response' });
    expect(outbreak.attachment).toMatchObject({ effect: 'permit', clauseId: 'case-reports-lake-victoria-outbreak' });
    expect(decidePlan('alert', alertPayload(2, { caseReports: reports }), 'KE', 'UG').attachment?.effect).toBe('deny');
    expect(decidePlan('alert', alertPayload(3, { caseReports: reports }), 'KE', 'EAC').attachment?.effect).toBe('deny');
  });

  it('on the receiving side names the fields that arrived, so identifiers are refused', () => {
    const received = decidePlan('alert', alertPayload(3, { caseReports: [{ clientId: 'c1', patientName: 'A. Person' }] }), 'KE', 'UG', 'receive');
    expect(received.plan.attachment?.request).toMatchObject({ fields: ['clientId', 'patientName'] });
    expect(received.attachment?.effect).toBe('deny');
    expect(received.attachment?.reasons.join(' ')).toMatch(/PACT_FIELD_NOT_ALLOWED/);
    const clean = decidePlan('alert', alertPayload(3, { caseReports: [{ clientId: 'c1', age: 30 }] }), 'KE', 'UG', 'receive');
    expect(clean.attachment?.effect).toBe('permit');
  });

  it('may be spoken by the affected party or relayed by the hub, by no one else', () => {
    expect(decidePlan('alert', alertPayload(2), 'KE', 'UG').plan.speakers.sort()).toEqual(['EAC', 'KE']);
  });
});

describe('an aggregate submission', () => {
  const payload = {
    submissionId: 's1',
    party: 'KE',
    disease: 'cholera',
    granularity: { place: 'admin1', time: 'day' },
    periodStart: '2026-02-23',
    periodEnd: '2026-03-01',
    cells: [{ area: 'KE-17', period: '2026-02-23', count: 3 }],
  };

  it('is a data send of aggregate-counts for surveillance that the hub may receive under the weekly clause', () => {
    const { plan, primary } = decidePlan('aggregate-submission', payload, 'KE', 'EAC');
    expect(plan.primary).toMatchObject({ part: 'cells', request: { kind: 'data', dataset: 'aggregate-counts', from: 'KE', to: 'EAC', purpose: 'surveillance' } });
    expect(primary).toMatchObject({ effect: 'permit', clauseId: 'weekly-aggregates-to-hub' });
    expect(primary.obligations).toEqual(expect.arrayContaining([{ type: 'aggregate-to', place: 'admin1', time: 'week' }, { type: 'suppress-below', k: 5 }]));
  });

  it('when received by day, is refused as finer than the clause allows', () => {
    const { primary } = decidePlan('aggregate-submission', payload, 'KE', 'EAC', 'receive');
    expect(primary.effect).toBe('deny');
    expect(primary.reasons.join(' ')).toMatch(/PACT_GRANULARITY_TOO_FINE/);
  });
});

describe('the other message types', () => {
  it('map to the pact request kinds that govern them', () => {
    const stock = decidePlan(
      'stock-request',
      { requestId: 'r1', party: 'UG', holder: 'KE', product: 'oral-cholera-vaccine', quantity: 1000, reason: 'outbreak', alert: { disease: 'cholera', level: 2 } },
      'UG',
      'KE',
    );
    expect(stock.plan.primary.request).toEqual({ kind: 'stock-release', product: 'oral-cholera-vaccine', from: 'KE', to: 'UG', quantity: 1000 });
    expect(stock.primary).toMatchObject({ effect: 'permit', clauseId: 'cholera-stockpile' });

    const referral = decidePlan(
      'referral-request',
      { referralId: 'f1', party: 'KE', fromFacility: 'ke-1', service: 'dialysis', urgency: 'urgent', emergency: false, requestedAt: '2026-03-01T09:00:00Z' },
      'KE',
      'UG',
    );
    expect(referral.primary).toMatchObject({ effect: 'permit', clauseId: 'specialised-care-corridor' });
    const status = decidePlan('referral-status', { referralId: 'f1', party: 'KE', service: 'dialysis', status: 'accepted', at: '2026-03-01T10:00:00Z' }, 'UG', 'KE');
    expect(status.plan.speakers).toEqual(['UG']);
    expect(status.primary.effect).toBe('permit');

    const sanction = decidePlan(
      'sanction-alert',
      { sanctionId: 's1', profession: 'nurse', licenceNumber: 'N-1', issuer: 'UG', sanction: 'revoked', effectiveFrom: '2026-03-01', reason: 'misconduct' },
      'UG',
      'KE',
    );
    expect(sanction.primary).toMatchObject({ effect: 'permit', clauseId: 'nurses-midwives-recognition' });

    const funding = decidePlan(
      'disbursement-notice',
      { disbursementId: 'd1', party: 'KE', envelope: 'eac-contingency-fund', amount: 250000, currency: 'USD', indicators: { 'cholera-weekly-incidence-per-100k.KE': 6.1 } },
      'EAC',
      'KE',
    );
    expect(funding.primary).toMatchObject({ effect: 'permit', clauseId: 'cholera-incidence-funding' });
    const unmet = decidePlan(
      'disbursement-notice',
      { disbursementId: 'd2', party: 'KE', envelope: 'eac-contingency-fund', amount: 250000, currency: 'USD', indicators: { 'cholera-weekly-incidence-per-100k.KE': 1.2 } },
      'EAC',
      'KE',
    );
    expect(unmet.primary.effect).toBe('deny');
  });

  it('name who may speak them: the host asks about a licence, the issuer answers', () => {
    const ask = { requestId: 'v1', kind: 'request', profession: 'doctor', licenceNumber: 'D-9', issuer: 'UG', host: 'KE' };
    expect(decidePlan('licence-verification', ask, 'KE', 'UG').plan.speakers).toEqual(['KE']);
    expect(decidePlan('licence-verification', { ...ask, kind: 'result', status: 'valid' }, 'UG', 'KE').plan.speakers).toEqual(['UG']);
    expect(decidePlan('licence-verification', ask, 'UG', 'KE').plan.speakers).toEqual([]);
  });
});
