import { describe, expect, it } from 'vitest';
import { celContext, checkExpression, evaluateCondition, evaluateNumber } from './cel.ts';
import { smallPact } from './test-pacts.ts';

const pact = smallPact();
const now = new Date('2026-03-01T10:00:00Z');

describe('checkExpression', () => {
  it('accepts expressions over the documented context', () => {
    expect(checkExpression('alert[party]["cholera"] >= 2 && now > timestamp("2025-01-01T00:00:00Z")', 'bool')).toBeUndefined();
    expect(checkExpression('indicators["x." + party] * 2.0', 'number')).toBeUndefined();
    expect(checkExpression('has(request.disease) && request.purpose == "outbreak-response"', 'bool')).toBeUndefined();
  });

  it('classifies syntax errors, unknown variables and wrong types, with the offset', () => {
    expect(checkExpression('alert[party] >=', 'bool')).toMatchObject({ code: 'PACT_CEL_SYNTAX', offset: 15 });
    expect(checkExpression('alert["KE"]["cholera"] >= 3 || level > 2', 'bool')).toMatchObject({ code: 'PACT_CEL_UNKNOWN_VARIABLE', offset: 31 });
    expect(checkExpression('indicators["x"]', 'bool')).toMatchObject({ code: 'PACT_CEL_TYPE' });
    expect(checkExpression('alert["KE"]["cholera"] >= 3', 'number')).toMatchObject({ code: 'PACT_CEL_TYPE' });
  });
});

describe('evaluation', () => {
  it('reads unknown alert levels as 0 for every party and the hub', () => {
    const context = celContext(pact, { now, alert: { UG: { cholera: 3 } } });
    expect(evaluateCondition('alert["KE"]["ebola"] == 0 && alert["HUB"]["cholera"] == 0', context)).toEqual({ ok: true, value: true });
    expect(evaluateCondition('alert["UG"]["cholera"] >= 3', context)).toEqual({ ok: true, value: true });
  });

  it('returns failures as values instead of throwing', () => {
    const context = celContext(pact, { now });
    const missing = evaluateNumber('indicators["absent"]', context);
    expect(missing.ok).toBe(false);
    expect(evaluateCondition('alert["ZZ"]["cholera"] >= 1', context).ok).toBe(false);
    expect(evaluateCondition('alert[', context)).toMatchObject({ ok: false });
  });

  it('gives numbers as plain numbers, integers included', () => {
    const context = celContext(pact, { now, indicators: { a: 2.5 }, alert: { KE: { cholera: 4 } } });
    expect(evaluateNumber('indicators["a"] * 2.0', context)).toEqual({ ok: true, value: 5 });
    expect(evaluateNumber('alert["KE"]["cholera"] + 1', context)).toEqual({ ok: true, value: 5 });
  });
});
