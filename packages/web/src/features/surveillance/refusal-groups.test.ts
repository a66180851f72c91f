import { describe, expect, it } from 'vitest';
import { groupRefusals } from './refusal-groups.ts';

describe('refusals of a region-wide read', () => {
  it('are grouped by code, keeping the parties in the node’s order', () => {
    const refused = [
      { party: 'BI', code: 'ACCESS_DENIED_BY_PACT', message: 'No clause … BI' },
      { party: 'CD', code: 'PACT_NOT_IN_FORCE', message: 'No pact in force' },
      { party: 'KE', code: 'ACCESS_DENIED_BY_PACT', message: 'No clause … KE' },
    ];
    expect(groupRefusals(refused)).toEqual([
      { code: 'ACCESS_DENIED_BY_PACT', message: 'No clause … BI', parties: ['BI', 'KE'] },
      { code: 'PACT_NOT_IN_FORCE', message: 'No pact in force', parties: ['CD'] },
    ]);
  });

  it('are nothing when no party was left out', () => {
    expect(groupRefusals([])).toEqual([]);
  });
});
