import type { QuarantineDecisionInput } from './stock.types.ts';

/**
 * The quarantine decision form as the node's body: for a vaccine with a
 * vial monitor, what the VVM shows (a stage 1–4, or the square against the
 * circle); for other products, use or discard with a reason; after a freeze,
 * the shake test. The form sends what was filled in and leaves the rules
 * (stage 2 use first, a failed shake test discards) to the node.
 */
export const VVM_READINGS = ['stage-1', 'stage-2', 'stage-3', 'stage-4', 'square-lighter', 'square-matches', 'square-darker'] as const;
export type VvmChoice = (typeof VVM_READINGS)[number] | '';

export interface QuarantineForm {
  vvm: VvmChoice;
  shakeTest: '' | 'pass' | 'fail';
  action: '' | 'use' | 'discard';
  reason: string;
}

export const EMPTY_QUARANTINE_FORM: QuarantineForm = { vvm: '', shakeTest: '', action: '', reason: '' };

export const quarantineDecision = (form: QuarantineForm, hasVvm: boolean): QuarantineDecisionInput => {
  const body: QuarantineDecisionInput = {};
  if (hasVvm && form.vvm) {
    const [kind, value] = form.vvm.split('-') as ['stage' | 'square', string];
    body.vvm = kind === 'stage' ? { stage: Number(value) as 1 | 2 | 3 | 4 } : { square: value as 'lighter' | 'matches' | 'darker' };
  }
  if (form.shakeTest) body.shakeTest = form.shakeTest;
  if (!hasVvm && form.action) body.action = form.action;
  if (!hasVvm && form.reason.trim()) body.reason = form.reason.trim();
  return body;
};
