import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISEASE_CODES, ROLES } from '@concord/core';
import { ROLES as WEB_ROLES } from '../../packages/web/src/shared/api/types.ts';
import { DISEASE_CODES as WEB_DISEASES } from '../../packages/web/src/features/surveillance/diseases.ts';
import en from '../../packages/web/src/shared/i18n/en.json' with { type: 'json' };
import fr from '../../packages/web/src/shared/i18n/fr.json' with { type: 'json' };

/**
 * The dashboard keeps its own copy of the roles (it does not bundle core)
 * and a dictionary of error codes; these tests keep both in step with the
 * server. A context that adds codes adds their sentences to en.json and
 * fr.json and its error file to the list below.
 */
const SERVER_ERROR_SOURCES = [
  'packages/server/src/http/errors.ts',
  'packages/server/src/http/web.ts',
  'packages/server/src/modules/accounts/accounts.errors.ts',
  'packages/server/src/modules/region/region.routes.ts',
  'packages/server/src/modules/pact/pact.errors.ts',
  'packages/server/src/modules/governance/governance.errors.ts',
  'packages/server/src/keys/key-store.ts',
  'packages/server/src/keys/field-cipher.ts',
  'packages/core/src/pact/signature.ts',
  'packages/core/src/events/breach-clock.ts',
  'packages/server/src/modules/surveillance/surveillance.errors.ts',
  'packages/server/src/modules/events/events.errors.ts',
  'packages/core/src/events/seven-one-seven.ts',
  'packages/core/src/events/ihr-annex2.ts',
  'packages/core/src/events/risk-assessment.ts',
  'packages/server/src/modules/stock/stock.errors.ts',
];

/** The pact's, governance's and stock's codes as the docs list them: validation diagnostics, decision reasons and codes core raises. */
const DOCUMENTED = ['docs/errors.md', 'docs/pact.md', 'docs/governance.md'];
const documentedCodes = (path: string) => {
  const source = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  return [...source.matchAll(/`((?:PACT|GOVERNANCE|KEYS|STOCK|COLDCHAIN)_[A-Z0-9_]+[A-Z0-9]|ACCESS_DENIED_BY_PACT)`/g)].map((m) => m[1]!);
};

const codesIn = (path: string) => {
  const source = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  // `error('CODE', …)` is the stock context's local helper around AppError.
  return [...source.matchAll(/(?:new AppError\(|code: |\berror\()'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]!);
};

describe('the dashboard and the server agree', () => {
  it('on the roles', () => {
    expect([...WEB_ROLES]).toEqual([...ROLES]);
  });

  it('on the diseases of the catalogue, each named in English and French', () => {
    expect([...WEB_DISEASES]).toEqual([...DISEASE_CODES]);
    for (const code of DISEASE_CODES) expect({ code, en: code in en.diseases, fr: code in fr.diseases }).toEqual({ code, en: true, fr: true });
  });

  it('on a sentence in English and French for every error code the server raises', () => {
    const codes = [...new Set(SERVER_ERROR_SOURCES.flatMap(codesIn))];
    expect(codes).toEqual(expect.arrayContaining(['AUTH_INVALID_CREDENTIALS', 'ACCESS_OUT_OF_SCOPE', 'VALIDATION_FAILED', 'WEB_NOT_BUILT', 'SURV_SIGNAL_ALREADY_TRIAGED', 'EVENT_NOT_FOUND', 'EVENT_717_DATES_OUT_OF_ORDER', 'STOCK_NOT_THE_DECIDER']));
    const english = en.errors as Record<string, string>;
    const french = fr.errors as Record<string, string>;
    for (const code of codes) expect({ code, en: code in english, fr: code in french }).toEqual({ code, en: true, fr: true });
  });

  it('on a sentence in English and French for every pact and governance code in the docs', () => {
    const codes = [...new Set(DOCUMENTED.flatMap(documentedCodes))];
    expect(codes).toEqual(
      expect.arrayContaining(['PACT_WRONG_STATE', 'PACT_PURPOSE_NOT_ALLOWED', 'PACT_CEL_SYNTAX', 'GOVERNANCE_BREACH_WRONG_STEP', 'ACCESS_DENIED_BY_PACT', 'STOCK_INSUFFICIENT', 'COLDCHAIN_VVM_INVALID']),
    );
    const english = en.errors as Record<string, string>;
    const french = fr.errors as Record<string, string>;
    for (const code of codes) expect({ code, en: code in english, fr: code in french }).toEqual({ code, en: true, fr: true });
  });
});
