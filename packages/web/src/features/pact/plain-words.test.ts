import { describe, expect, it } from 'vitest';
import { codeSegments, splitReason } from './plain-words.ts';

describe('codeSegments', () => {
  it('marks backticked parts as code', () => {
    expect(codeSegments('Clause `cholera-stockpile`: reserve share changed')).toEqual([
      { code: false, text: 'Clause ' },
      { code: true, text: 'cholera-stockpile' },
      { code: false, text: ': reserve share changed' },
    ]);
  });

  it('keeps text with an unpaired backtick as it is', () => {
    expect(codeSegments('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
    expect(codeSegments('no code')).toEqual([{ code: false, text: 'no code' }]);
  });
});

describe('splitReason', () => {
  it('separates the code from the detail', () => {
    expect(splitReason('PACT_CONDITION_FALSE: condition `x` is false')).toEqual({ code: 'PACT_CONDITION_FALSE', detail: 'condition `x` is false' });
    expect(splitReason('the pact said no')).toEqual({ code: null, detail: 'the pact said no' });
  });
});
