import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import en from './en.json';
import fr from './fr.json';
import { errorMessage, type Translator } from './error-message.ts';

const instance = i18next.createInstance();
beforeAll(async () => {
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
});

const translator = (language: 'en' | 'fr'): Translator => {
  const t = instance.getFixedT(language);
  return { language, exists: (key) => instance.exists(key, { lng: language }), t: (key, params) => t(key, params) };
};

describe('error messages', () => {
  it('puts a known code into the reader’s language instead of the server’s sentence', () => {
    const error = new ApiError('AUTH_INVALID_CREDENTIALS', 'The email or password is not right.', 401);
    expect(errorMessage(error, translator('en'))).toBe(en.errors.AUTH_INVALID_CREDENTIALS);
    expect(errorMessage(error, translator('fr'))).toBe(fr.errors.AUTH_INVALID_CREDENTIALS);
    expect(en.errors.AUTH_INVALID_CREDENTIALS).not.toBe(fr.errors.AUTH_INVALID_CREDENTIALS);
  });

  it('fills the params into the sentence', () => {
    const error = new ApiError('ACCESS_OUT_OF_SCOPE', 'You cannot act on records of UG.', 403, { jurisdiction: 'UG' });
    const text = errorMessage(error, translator('en'));
    expect(text).toContain('UG');
    expect(text).not.toContain('{{');
  });

  it('writes role names as their labels and lists them', () => {
    const error = new ApiError('ACCESS_ROLE_DENIED', '…', 403, { needed: ['auditor', 'hub-coordinator'] });
    expect(errorMessage(error, translator('en'))).toContain('auditor, hub coordinator');
    expect(errorMessage(error, translator('fr'))).toContain('auditeur, coordinateur du centre régional');
  });

  it('writes an instant as a date in the reader’s language', () => {
    const error = new ApiError('AUTH_ACCOUNT_LOCKED', '…', 423, { until: '2026-03-05T14:30:00.000Z' });
    const text = errorMessage(error, translator('en'));
    expect(text).not.toContain('2026-03-05T');
    expect(text).toMatch(/2026/);
  });

  it('writes the API’s stable words (states, steps) in the reader’s language', () => {
    const refused = new ApiError('PACT_WRONG_STATE', 'Cannot resume a pact that is in-force.', 409, { action: 'resume', state: 'in-force' });
    expect(errorMessage(refused, translator('en'))).toBe('You cannot resume a pact that is in force.');
    expect(errorMessage(refused, translator('fr'))).toBe('Impossible de reprendre un pacte en vigueur.');
    const step = new ApiError('GOVERNANCE_BREACH_WRONG_STEP', '…', 409, { step: 'assessed', status: 'closed' });
    expect(errorMessage(step, translator('fr'))).toBe('Une violation close ne peut pas être évaluée maintenant.');
  });

  it('lists validation issues by field', () => {
    const error = new ApiError('VALIDATION_FAILED', '…', 400, { issues: [{ path: 'body.email', message: 'is required' }] });
    expect(errorMessage(error, translator('en'))).toContain('body.email: is required');
  });

  it('falls back to the server’s message for a code the dictionary does not know', () => {
    // A code from a node newer than this dashboard (none of the dictionary's).
    const error = new ApiError('LATER_CAPABILITY_REFUSED', 'Lot L-42 expired on 2026-01-31.', 409);
    expect(errorMessage(error, translator('fr'))).toBe('Lot L-42 expired on 2026-01-31.');
  });

  it('says something went wrong in the dashboard for anything that is not an API error', () => {
    expect(errorMessage(new TypeError('x is undefined'), translator('en'))).toBe(en.errors.UNEXPECTED);
  });
});
