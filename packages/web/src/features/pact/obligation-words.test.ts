import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../shared/i18n/en.json';
import fr from '../../shared/i18n/fr.json';
import { actorWords, obligationText, type Words } from './obligation-words.ts';
import type { Obligation } from './pact.types.ts';

const instance = i18next.createInstance();
beforeAll(async () => {
  await instance.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
});
const words = (language: 'en' | 'fr'): Words => ({ language, t: (key, params) => instance.getFixedT(language)(key, params) });

// Every obligation type of docs/pact.md, "Obligations".
const ALL: Obligation[] = [
  { type: 'suppress-below', k: 5 },
  { type: 'drop-fields', fields: ['patientName', 'phone'] },
  { type: 'aggregate-to', place: 'admin1', time: 'week' },
  { type: 'retain-until', date: '2026-06-01' },
  { type: 'require-consent' },
  { type: 'notify', parties: ['EAC/hub-coordinator', 'KE'], withinHours: 1 },
  { type: 'lead', by: ['EAC/hub-coordinator'] },
  { type: 'decide-within', hours: 48, by: ['EAC/hub-coordinator'], deadline: '2026-03-03T10:00:00.000Z' },
  { type: 'repay', to: 'KE', withinDays: 180, inKind: true },
  { type: 'disburse', envelope: 'eac-contingency-fund', amount: 250000, currency: 'USD', to: 'KE', by: '2026-03-15' },
  { type: 'settle', via: 'EAC', currency: 'USD', perDay: 350, periodDays: 90 },
  { type: 'authorise-after', by: 'UG' },
  { type: 'meet-conditions', conditions: ['Good standing', 'Registration'] },
  { type: 'expire-at', date: '2026-05-30' },
];

describe('obligationText', () => {
  it('gives every obligation type a whole sentence in both languages, with no placeholder left', () => {
    for (const language of ['en', 'fr'] as const) {
      for (const obligation of ALL) {
        const text = obligationText(obligation, words(language));
        expect({ type: obligation.type, text }).toEqual({ type: obligation.type, text: expect.stringMatching(/^\S.*\.$/) });
        expect(text).not.toMatch(/\{\{|undefined|obligations\./);
      }
    }
  });

  it('fills in the figures and names roles', () => {
    expect(obligationText({ type: 'suppress-below', k: 5 }, words('en'))).toBe('Hide counts below 5.');
    expect(obligationText(ALL[7]!, words('en'))).toContain('EAC hub coordinator decides within 48 hours');
    expect(obligationText(ALL[5]!, words('en'))).toContain('within 1 hour.');
    expect(obligationText(ALL[9]!, words('fr')).replace(/[\u00a0\u202f]/g, ' ')).toContain('250 000 USD');
    expect(obligationText(ALL[8]!, words('fr'))).toBe('Rendre en nature à KE dans un délai de 180 jours.');
  });
});

describe('actorWords', () => {
  it('writes a role at a party by its name, and a bare party as its code', () => {
    expect(actorWords('KE/national-focal-point', words('fr'))).toBe('KE point focal national');
    expect(actorWords('UG', words('en'))).toBe('UG');
  });
});
