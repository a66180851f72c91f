import { describe, expect, it } from 'vitest';
import { requestSummary } from './decision-summary.ts';

describe('requestSummary', () => {
  it('says what a data request asked, with its route and purpose', () => {
    expect(requestSummary('data', { kind: 'data', action: 'send', dataset: 'aggregate-counts', from: 'KE', to: 'EAC', purpose: 'surveillance' })).toBe(
      'send aggregate-counts KE → EAC (surveillance)',
    );
  });

  it('names the subject of the other kinds, or the party alone', () => {
    expect(requestSummary('stock-release', { product: 'ors', from: 'KE', to: 'UG', quantity: 5 })).toBe('ors KE → UG');
    expect(requestSummary('escalation', { party: 'UG', disease: 'mpox' })).toBe('mpox UG');
    expect(requestSummary('funding', { party: 'TZ' })).toBe('TZ');
    expect(requestSummary('milestone', {})).toBe('');
  });
});
