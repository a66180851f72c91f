import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, LANGUAGES } from './language.ts';

describe('chooseLanguage', () => {
  it('prefers the choice made in this browser, then the account, then the browser, then English', () => {
    expect(chooseLanguage({ chosen: 'fr', account: 'en', browser: ['en-GB'] })).toBe('fr');
    expect(chooseLanguage({ chosen: null, account: 'fr', browser: ['en-GB'] })).toBe('fr');
    expect(chooseLanguage({ browser: ['de-DE', 'fr-CA', 'en'] })).toBe('fr');
    expect(chooseLanguage({ browser: ['sw-KE'] })).toBe('en');
    expect(chooseLanguage({})).toBe('en');
  });

  it('ignores a stored value that is not a language the dashboard speaks', () => {
    expect(chooseLanguage({ chosen: 'xx', account: 'fr' })).toBe('fr');
  });

  it('always answers a language it has a dictionary for', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.array(fc.string()), (chosen, account, browser) => {
        expect(LANGUAGES).toContain(chooseLanguage({ chosen, account, browser }));
      }),
    );
  });
});
