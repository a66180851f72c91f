import { describe, expect, it } from 'vitest';
import { EMPTY_QUARANTINE_FORM, quarantineDecision } from './quarantine-decision.ts';

describe('the quarantine decision form', () => {
  it('sends a VVM stage or square for a vaccine with a vial monitor', () => {
    expect(quarantineDecision({ ...EMPTY_QUARANTINE_FORM, vvm: 'stage-2' }, true)).toEqual({ vvm: { stage: 2 } });
    expect(quarantineDecision({ ...EMPTY_QUARANTINE_FORM, vvm: 'square-matches', shakeTest: 'fail' }, true)).toEqual({ vvm: { square: 'matches' }, shakeTest: 'fail' });
  });

  it('sends use or discard with the reason for a product without one, and never a VVM', () => {
    expect(quarantineDecision({ vvm: 'stage-1', shakeTest: '', action: 'discard', reason: '  seal broken ' }, false)).toEqual({ action: 'discard', reason: 'seal broken' });
  });

  it('leaves out what was not filled in, so the node says what is missing', () => {
    expect(quarantineDecision(EMPTY_QUARANTINE_FORM, true)).toEqual({});
    expect(quarantineDecision({ ...EMPTY_QUARANTINE_FORM, action: 'use', reason: '   ' }, false)).toEqual({ action: 'use' });
  });
});
