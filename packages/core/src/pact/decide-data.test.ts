import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import type { DecisionContext, PactRequest } from './decision.ts';
import { examplePact, smallPact } from './test-pacts.ts';

const pact = examplePact();
const now = new Date('2026-03-01T10:00:00Z');
const at = (alert?: DecisionContext['alert']): DecisionContext => (alert ? { now, alert } : { now });

const weeklyCounts: PactRequest = {
  kind: 'data',
  action: 'send',
  dataset: 'aggregate-counts',
  from: 'KE',
  to: 'EAC',
  purpose: 'surveillance',
};

const caseReports: PactRequest = {
  kind: 'data',
  action: 'send',
  dataset: 'case-reports',
  from: 'KE',
  to: 'UG',
  purpose: 'outbreak-response',
  disease: 'cholera',
  role: 'national-focal-point',
};

const codes = (reasons: string[]) => reasons.map((reason) => reason.split(':')[0]);

describe('data-sharing: aggregates to the hub', () => {
  it('permits weekly counts to the hub with aggregation, suppression and retention', () => {
    const decision = decide(pact, weeklyCounts, at());
    expect(decision.effect).toBe('permit');
    expect(decision.clauseId).toBe('weekly-aggregates-to-hub');
    expect(decision.pactVersion).toBe(1);
    expect(decision.obligations).toContainEqual({ type: 'aggregate-to', place: 'admin1', time: 'week' });
    expect(decision.obligations).toContainEqual({ type: 'suppress-below', k: 5 });
    // 1825 days after 2026-03-01: five years less the leap day of 2028.
    expect(decision.obligations).toContainEqual({ type: 'retain-until', date: '2031-02-28' });
  });

  it('refuses a purpose the clause does not name', () => {
    const decision = decide(pact, { ...weeklyCounts, purpose: 'research' }, at());
    expect(decision.effect).toBe('deny');
    expect(decision.clauseId).toBeNull();
    expect(decision.obligations).toEqual([]);
    expect(codes(decision.reasons)).toContain('PACT_PURPOSE_NOT_ALLOWED');
    expect(codes(decision.reasons).at(-1)).toBe('PACT_DENY_BY_DEFAULT');
  });

  it('refuses detail finer than the clause allows', () => {
    const decision = decide(pact, { ...weeklyCounts, granularity: { place: 'admin2' } }, at());
    expect(decision.effect).toBe('deny');
    expect(codes(decision.reasons)).toContain('PACT_GRANULARITY_TOO_FINE');
  });

  it('keeps a coarser granularity that was asked for', () => {
    const decision = decide(pact, { ...weeklyCounts, granularity: { place: 'country', time: 'month' } }, at());
    expect(decision.effect).toBe('permit');
    expect(decision.obligations).toContainEqual({ type: 'aggregate-to', place: 'country', time: 'month' });
  });

  it('refuses a dataset no clause covers', () => {
    const decision = decide(pact, { ...weeklyCounts, dataset: 'referrals' }, at());
    expect(decision.effect).toBe('deny');
    expect(codes(decision.reasons)).toEqual(['PACT_NO_CLAUSE', 'PACT_DENY_BY_DEFAULT']);
  });
});

describe('data-sharing: person-level case reports across a border', () => {
  it('permits them to a Lake Victoria neighbour at alert level 3, without direct identifiers', () => {
    const decision = decide(pact, caseReports, at({ KE: { cholera: 3 } }));
    expect(decision.effect).toBe('permit');
    expect(decision.clauseId).toBe('case-reports-lake-victoria-outbreak');
    expect(decision.obligations).toContainEqual({ type: 'drop-fields', fields: ['patientName', 'phone', 'nationalId', 'village'] });
    expect(decision.obligations.map((o) => o.type)).not.toContain('aggregate-to');
    expect(decision.obligations).toContainEqual({ type: 'retain-until', date: '2026-05-30' });
  });

  it('refuses them at alert level 2', () => {
    const decision = decide(pact, caseReports, at({ KE: { cholera: 2 } }));
    expect(decision.effect).toBe('deny');
    expect(codes(decision.reasons)).toContain('PACT_CONDITION_FALSE');
  });

  it('refuses them when the alert is in the receiving country only', () => {
    const decision = decide(pact, caseReports, at({ UG: { cholera: 4 } }));
    expect(decision.effect).toBe('deny');
  });

  it('refuses them when the request names no disease', () => {
    const { disease: _omitted, ...withoutDisease } = caseReports as Extract<PactRequest, { kind: 'data' }>;
    const decision = decide(pact, withoutDisease, at({ KE: { cholera: 4 } }));
    expect(decision.effect).toBe('deny');
  });

  it('refuses them to a country outside the corridor', () => {
    const decision = decide(pact, { ...caseReports, to: 'RW' }, at({ KE: { cholera: 4 } }));
    expect(decision.effect).toBe('deny');
    expect(codes(decision.reasons)).toContain('PACT_PARTY_NOT_COVERED');
  });

  it('refuses them for surveillance', () => {
    const decision = decide(pact, { ...caseReports, purpose: 'surveillance' }, at({ KE: { cholera: 4 } }));
    expect(decision.effect).toBe('deny');
    expect(codes(decision.reasons)).toContain('PACT_PURPOSE_NOT_ALLOWED');
  });

  it('refuses them when the request asks for a dropped field', () => {
    const decision = decide(pact, { ...caseReports, fields: ['disease', 'onsetDate', 'patientName'] }, at({ KE: { cholera: 4 } }));
    expect(decision.effect).toBe('deny');
    expect(decision.reasons[0]).toMatch(/^PACT_FIELD_NOT_ALLOWED: .*patientName/);
  });

  it('refuses them to a role the clause does not name', () => {
    const decision = decide(pact, { ...caseReports, role: 'facility-staff' }, at({ KE: { cholera: 4 } }));
    expect(decision.effect).toBe('deny');
    expect(codes(decision.reasons)).toContain('PACT_ROLE_NOT_ALLOWED');
  });

  it('drops every field that was not asked for', () => {
    const decision = decide(pact, { ...caseReports, fields: ['disease', 'onsetDate'] }, at({ KE: { cholera: 4 } }));
    expect(decision.effect).toBe('permit');
    const drop = decision.obligations.find((o) => o.type === 'drop-fields');
    expect(drop?.type === 'drop-fields' && drop.fields).toContain('age');
    expect(drop?.type === 'drop-fields' && drop.fields).not.toContain('disease');
  });
});

describe('data-sharing: public reporting and consent', () => {
  it('publishes stock levels by country and month, keeping only the allowed fields', () => {
    const decision = decide(pact, { kind: 'data', action: 'send', dataset: 'stock-levels', from: 'TZ', to: 'public', purpose: 'public-reporting' }, at());
    expect(decision.effect).toBe('permit');
    expect(decision.obligations).toContainEqual({ type: 'aggregate-to', place: 'country', time: 'month' });
    expect(decision.obligations).toContainEqual({ type: 'drop-fields', fields: ['store', 'lot'] });
  });

  it('adds a consent obligation when the clause requires consent', () => {
    const consenting = smallPact([
      {
        id: 'referral-records',
        kind: 'data-sharing',
        title: 'Referral records',
        dataset: 'referrals',
        from: ['KE'],
        to: ['UG'],
        purposes: ['treatment'],
        granularity: { place: 'person', time: 'day' },
        retentionDays: 30,
        consentRequired: true,
      },
    ]);
    const decision = decide(
      consenting,
      { kind: 'data', action: 'send', dataset: 'referrals', from: 'KE', to: 'UG', purpose: 'treatment' },
      { now: new Date('2025-06-01T00:00:00Z') },
    );
    expect(decision.effect).toBe('permit');
    expect(decision.obligations).toContainEqual({ type: 'require-consent' });
  });

  it('denies with the reason when a condition cannot be evaluated', () => {
    const failing = smallPact([
      {
        id: 'counts',
        kind: 'data-sharing',
        title: 'Counts',
        dataset: 'aggregate-counts',
        from: ['KE'],
        to: ['HUB'],
        purposes: ['surveillance'],
        granularity: { place: 'admin1', time: 'week' },
        retentionDays: 30,
        condition: 'indicators["completeness"] > 0.5',
      },
    ]);
    const decision = decide(
      failing,
      { kind: 'data', action: 'send', dataset: 'aggregate-counts', from: 'KE', to: 'HUB', purpose: 'surveillance' },
      { now: new Date('2025-06-01T00:00:00Z') },
    );
    expect(decision.effect).toBe('deny');
    expect(decision.reasons[0]).toMatch(/^PACT_CONDITION_ERROR: clause `counts`: .*completeness/);
  });
});

describe('decide: the term, named clauses and bad input', () => {
  it('denies before the effective date and from the sunset on', () => {
    for (const instant of ['2022-12-31T23:59:59Z', '2032-12-31T00:00:00Z', '2040-01-01T00:00:00Z']) {
      const decision = decide(pact, weeklyCounts, { now: new Date(instant) });
      expect(decision.effect).toBe('deny');
      expect(codes(decision.reasons)).toEqual(['PACT_NOT_IN_FORCE']);
    }
    expect(decide(pact, weeklyCounts, { now: new Date('2032-12-30T23:59:59Z') }).effect).toBe('permit');
    expect(decide(pact, weeklyCounts, { now: new Date('2023-01-01T00:00:00Z') }).effect).toBe('permit');
  });

  it('uses a renewed sunset from the context', () => {
    const later = { now: new Date('2033-06-01T00:00:00Z') };
    expect(decide(pact, weeklyCounts, later).effect).toBe('deny');
    expect(decide(pact, weeklyCounts, { ...later, sunset: '2037-12-31' }).effect).toBe('permit');
  });

  it('decides under a named clause only', () => {
    const decision = decide(pact, { ...weeklyCounts, clauseId: 'weekly-aggregates-to-partners' }, at());
    expect(decision.effect).toBe('deny');
    expect(codes(decision.reasons)).toContain('PACT_PARTY_NOT_COVERED');
    expect(codes(decide(pact, { ...weeklyCounts, clauseId: 'no-such-clause' }, at()).reasons)).toEqual(['PACT_UNKNOWN_CLAUSE']);
    expect(codes(decide(pact, { ...weeklyCounts, clauseId: 'cholera-stockpile' }, at()).reasons)).toEqual(['PACT_CLAUSE_KIND_MISMATCH']);
  });

  it('never throws: a bad clock or a malformed request is a deny', () => {
    expect(codes(decide(pact, weeklyCounts, { now: new Date('not a date') }).reasons)).toEqual(['PACT_CONTEXT_INVALID']);
    const malformed = { kind: 'teleport' } as unknown as PactRequest;
    expect(decide(pact, malformed, at()).effect).toBe('deny');
    const missingFields = { kind: 'data' } as unknown as PactRequest;
    expect(decide(pact, missingFields, at()).effect).toBe('deny');
  });
});
