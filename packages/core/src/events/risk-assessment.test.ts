import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertLevelForRisk, assessRisk, CONSEQUENCES, LIKELIHOODS, RISK_LEVELS, RISK_MATRIX } from './risk-assessment.ts';

describe('assessRisk', () => {
  it.each([
    ['almost-certain', 'severe', 'very-high', 4],
    ['almost-certain', 'minimal', 'moderate', 2],
    ['likely', 'moderate', 'high', 3],
    ['unlikely', 'moderate', 'moderate', 2],
    ['very-unlikely', 'minimal', 'low', 1],
    ['very-unlikely', 'severe', 'high', 3],
    ['highly-likely', 'major', 'very-high', 4],
  ] as const)('%s × %s → %s (alert level %i)', (likelihood, consequences, risk, alertLevel) => {
    expect(assessRisk({ likelihood, consequences })).toEqual({ likelihood, consequences, risk, alertLevel });
  });

  it('refuses values off the scales', () => {
    expect(() => assessRisk({ likelihood: 'possible', consequences: 'minor' })).toThrow(expect.objectContaining({ code: 'EVENT_RISK_LIKELIHOOD_INVALID' }));
    expect(() => assessRisk({ likelihood: 'likely', consequences: 'catastrophic' })).toThrow(expect.objectContaining({ code: 'EVENT_RISK_CONSEQUENCES_INVALID' }));
  });

  it('never lowers the risk when likelihood or consequences rise', () => {
    const rank = (l: number, c: number) => RISK_LEVELS.indexOf(RISK_MATRIX[LIKELIHOODS[l]!][CONSEQUENCES[c]!]);
    fc.assert(
      fc.property(fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.nat({ max: 4 }), (l1, c1, l2, c2) => {
        if (l1 <= l2 && c1 <= c2) expect(rank(l1, c1)).toBeLessThanOrEqual(rank(l2, c2));
      }),
    );
  });

  it('uses every risk level, low in one corner and very high in the other', () => {
    const cells = LIKELIHOODS.flatMap((l) => CONSEQUENCES.map((c) => RISK_MATRIX[l][c]));
    expect(new Set(cells)).toEqual(new Set(RISK_LEVELS));
    expect(RISK_MATRIX['very-unlikely'].minimal).toBe('low');
    expect(RISK_MATRIX['almost-certain'].severe).toBe('very-high');
  });

  it('maps risk to alert levels 1..4 in order', () => {
    expect(RISK_LEVELS.map(alertLevelForRisk)).toEqual([1, 2, 3, 4]);
  });
});
