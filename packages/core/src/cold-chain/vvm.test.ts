import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { vvmDecision, type VvmStage } from './vvm.ts';

describe('vvmDecision', () => {
  it('uses stage 1, uses stage 2 first, discards stages 3 and 4', () => {
    const actions = ([1, 2, 3, 4] as VvmStage[]).map((stage) => vvmDecision({ stage }, { expired: false }).action);
    expect(actions).toEqual(['use', 'use-first', 'discard', 'discard']);
  });

  it('reads the square against the circle', () => {
    expect(vvmDecision({ square: 'lighter' }, { expired: false }).action).toBe('use');
    expect(vvmDecision({ square: 'matches' }, { expired: false })).toMatchObject({ stage: 3, action: 'discard' });
    expect(vvmDecision({ square: 'darker' }, { expired: false })).toMatchObject({ stage: 4, action: 'discard' });
  });

  it('discards an expired vial whatever the VVM says', () => {
    expect(vvmDecision({ stage: 1 }, { expired: true })).toMatchObject({ action: 'discard', reason: 'past its expiry date' });
  });

  it('refuses a stage outside 1–4', () => {
    const error = (() => {
      try {
        vvmDecision({ stage: 5 as VvmStage }, { expired: false });
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(error) && error.code).toBe('COLDCHAIN_VVM_INVALID');
  });
});
