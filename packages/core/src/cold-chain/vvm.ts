import { badRequest } from '../errors.ts';

/**
 * What a health worker sees on a vaccine vial monitor (WHO PQS E006/IN05):
 * the inner square is heat-sensitive and darkens with cumulative heat; the
 * outer circle is the fixed reference.
 */
export type VvmSquare = 'lighter' | 'matches' | 'darker';

/**
 * The four field stages taught in immunisation training: 1 and 2 have the
 * square lighter than the circle (2 visibly darkening), 3 is the discard
 * point (square matches circle), 4 is beyond it (square darker).
 */
export type VvmStage = 1 | 2 | 3 | 4;

export type VvmAction = 'use' | 'use-first' | 'discard';

export interface VvmDecision {
  stage: VvmStage;
  action: VvmAction;
  reason: string;
}

const squareStage: Record<VvmSquare, VvmStage> = { lighter: 1, matches: 3, darker: 4 };

/**
 * Decides whether a vial may be used from its VVM. The VVM only measures
 * cumulative heat: an expired vial is discarded whatever its VVM says, and
 * a VVM says nothing about freezing (use the shake test after a freeze
 * alarm). Stage 2 vials are usable but go first, so that heat-exposed stock
 * is used before it reaches the discard point.
 */
export const vvmDecision = (observation: { stage: VvmStage } | { square: VvmSquare }, options: { expired: boolean }): VvmDecision => {
  const stage = 'stage' in observation ? observation.stage : squareStage[observation.square];
  if (![1, 2, 3, 4].includes(stage)) {
    throw badRequest('COLDCHAIN_VVM_INVALID', 'a VVM reading is a stage 1–4 or a square lighter, matching or darker than the circle', {
      observation,
    });
  }
  if (options.expired) return { stage, action: 'discard', reason: 'past its expiry date' };
  if (stage === 3) return { stage, action: 'discard', reason: 'VVM end point: the square matches the circle' };
  if (stage === 4) return { stage, action: 'discard', reason: 'VVM beyond end point: the square is darker than the circle' };
  if (stage === 2) return { stage, action: 'use-first', reason: 'square lighter than the circle but darkening: use before stage 1 vials' };
  return { stage, action: 'use', reason: 'square lighter than the circle' };
};
