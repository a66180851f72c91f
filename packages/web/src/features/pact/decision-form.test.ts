import { describe, expect, it } from 'vitest';
import { buildContext, buildRequest, REQUEST_FIELDS, REQUEST_KINDS } from './decision-form.ts';

describe('buildRequest', () => {
  it('builds a data request with nested granularity and a field list, leaving empty fields out', () => {
    const built = buildRequest('data', {
      action: 'send',
      dataset: 'case-reports',
      from: ' KE ',
      to: 'UG',
      purpose: 'outbreak-response',
      disease: '',
      fields: 'age, sex,',
      'granularity.place': 'person',
    });
    expect(built).toEqual({
      ok: true,
      value: { kind: 'data', action: 'send', dataset: 'case-reports', from: 'KE', to: 'UG', purpose: 'outbreak-response', fields: ['age', 'sex'], granularity: { place: 'person' } },
    });
  });

  it('names every missing required field and every number that is not one', () => {
    expect(buildRequest('stock-release', { product: '', from: 'KE', quantity: 'lots' })).toEqual({ ok: false, problems: ['product', 'to', 'quantity'] });
    expect(buildRequest('nonsense', {})).toEqual({ ok: false, problems: ['kind'] });
  });

  it('sends a box only when it is ticked', () => {
    expect(buildRequest('referral', { from: 'KE', to: 'UG', service: 'icu', emergency: true, authorised: false })).toEqual({
      ok: true,
      value: { kind: 'referral', from: 'KE', to: 'UG', service: 'icu', emergency: true },
    });
  });

  it('covers the eight request kinds of the pact', () => {
    expect(REQUEST_KINDS).toEqual(['data', 'stock-release', 'funding', 'referral', 'licence', 'waiver', 'escalation', 'milestone']);
    // A kind whose fields are all optional builds from nothing.
    expect(buildRequest('milestone', {})).toEqual({ ok: true, value: { kind: 'milestone' } });
    expect(buildRequest('milestone', { clauseId: ' spar-capacity-level ' })).toEqual({ ok: true, value: { kind: 'milestone', clauseId: 'spar-capacity-level' } });
    for (const kind of REQUEST_KINDS) expect(REQUEST_FIELDS[kind]!.length).toBeGreaterThan(0);
  });
});

describe('buildContext', () => {
  it('reads alert levels and indicators one per line', () => {
    expect(buildContext({ alerts: 'KE cholera 3\n\nKE mpox 1\nUG cholera 0', indicators: 'cholera-weekly-incidence-per-100k.KE 6.5', at: '2026-03-01T00:00:00Z' })).toEqual({
      ok: true,
      value: {
        now: '2026-03-01T00:00:00Z',
        alert: { KE: { cholera: 3, mpox: 1 }, UG: { cholera: 0 } },
        indicators: { 'cholera-weekly-incidence-per-100k.KE': 6.5 },
      },
    });
    expect(buildContext({ alerts: '', indicators: '' })).toEqual({ ok: true, value: {} });
  });

  it('gives back the lines it cannot read', () => {
    expect(buildContext({ alerts: 'KE cholera 7\nKE 3', indicators: 'x y\nz 1 2' })).toEqual({ ok: false, problems: ['KE cholera 7', 'KE 3', 'x y', 'z 1 2'] });
  });
});
