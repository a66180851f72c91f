import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import type { DecisionContext, PactRequest } from './decision.ts';
import { examplePact, smallPact } from './test-pacts.ts';

const pact = examplePact();
const now = new Date('2026-03-01T10:00:00Z');
const ctx = (extra: Omit<DecisionContext, 'now'> = {}): DecisionContext => ({ now, ...extra });
const codes = (reasons: string[]) => reasons.map((reason) => reason.split(':')[0]);
const PARTIES = ['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG'];

describe('stockpile-sharing', () => {
  const ask: PactRequest = { kind: 'stock-release', product: 'ors', from: 'KE', to: 'UG', quantity: 20000 };

  it('admits a release request at cholera alert 2, to be decided by the hub within 48 hours', () => {
    const decision = decide(pact, ask, ctx({ alert: { UG: { cholera: 2 } } }));
    expect(decision.effect).toBe('permit');
    expect(decision.clauseId).toBe('cholera-stockpile');
    expect(decision.obligations).toEqual([
      { type: 'decide-within', hours: 48, by: ['EAC/hub-coordinator'], deadline: '2026-03-03T10:00:00.000Z' },
      { type: 'repay', to: 'KE', withinDays: 180, inKind: true },
    ]);
  });

  it('refuses it below the release condition, or when the alert is in the holder', () => {
    expect(codes(decide(pact, ask, ctx({ alert: { UG: { cholera: 1 } } })).reasons)).toContain('PACT_CONDITION_FALSE');
    expect(decide(pact, ask, ctx({ alert: { KE: { cholera: 4 } } })).effect).toBe('deny');
  });

  it('refuses a product outside the stockpile and a request to oneself', () => {
    expect(codes(decide(pact, { ...ask, product: 'ffp2-respirator' }, ctx()).reasons)[0]).toBe('PACT_NO_CLAUSE');
    expect(codes(decide(pact, { ...ask, from: 'UG' }, ctx({ alert: { UG: { cholera: 3 } } })).reasons)).toContain('PACT_PARTY_NOT_COVERED');
  });

  it('lets the hub hold stock that parties may ask for', () => {
    expect(decide(pact, { ...ask, from: 'EAC' }, ctx({ alert: { UG: { cholera: 3 } } })).effect).toBe('permit');
  });
});

describe('funding-trigger', () => {
  const ask: PactRequest = { kind: 'funding', party: 'KE' };

  it('permits a disbursement when incidence reaches the threshold', () => {
    const decision = decide(pact, ask, ctx({ indicators: { 'cholera-weekly-incidence-per-100k.KE': 6.2 } }));
    expect(decision.effect).toBe('permit');
    expect(decision.obligations).toEqual([
      { type: 'disburse', envelope: 'eac-contingency-fund', amount: 250000, currency: 'USD', to: 'KE', by: '2026-03-15' },
    ]);
    expect(codes(decision.reasons)).toContain('PACT_TRIGGER_FIRED');
  });

  it('refuses below the threshold and when the indicator is missing', () => {
    const below = decide(pact, ask, ctx({ indicators: { 'cholera-weekly-incidence-per-100k.KE': 4.9 } }));
    expect(codes(below.reasons)).toContain('PACT_THRESHOLD_NOT_MET');
    const missing = decide(pact, ask, ctx({ indicators: { 'cholera-weekly-incidence-per-100k.UG': 50 } }));
    expect(missing.effect).toBe('deny');
    expect(codes(missing.reasons)).toContain('PACT_CONDITION_ERROR');
  });

  it('does not pay the hub, which is not a recipient', () => {
    expect(codes(decide(pact, { kind: 'funding', party: 'EAC' }, ctx()).reasons)[0]).toBe('PACT_NO_CLAUSE');
  });
});

describe('referral-corridor', () => {
  const ask: PactRequest = { kind: 'referral', from: 'KE', to: 'UG', service: 'icu', authorised: true };

  it('admits an authorised referral and settles through the hub', () => {
    const decision = decide(pact, ask, ctx());
    expect(decision.effect).toBe('permit');
    expect(decision.obligations).toEqual([{ type: 'settle', via: 'EAC', currency: 'USD', perDay: 350, periodDays: 90 }]);
  });

  it('requires prior authorisation unless it is an emergency', () => {
    const unauthorised = decide(pact, { ...ask, authorised: false }, ctx());
    expect(codes(unauthorised.reasons)).toContain('PACT_PRIOR_AUTHORISATION_REQUIRED');
    const emergency = decide(pact, { ...ask, authorised: false, emergency: true }, ctx());
    expect(emergency.effect).toBe('permit');
    expect(emergency.obligations[0]).toEqual({ type: 'authorise-after', by: 'UG' });
  });

  it('refuses an emergency without authorisation when the corridor has no override', () => {
    const strict = smallPact([
      {
        id: 'dialysis',
        kind: 'referral-corridor',
        title: 'Dialysis',
        parties: ['KE', 'UG'],
        services: ['dialysis'],
        priorAuthorisation: true,
        emergencyOverride: false,
        tariff: { currency: 'USD', perCase: 900 },
        settlement: { periodDays: 30, via: 'HUB' },
      },
    ]);
    const decision = decide(strict, { kind: 'referral', from: 'UG', to: 'KE', service: 'dialysis', emergency: true }, { now: new Date('2025-01-01T00:00:00Z') });
    expect(codes(decision.reasons)).toContain('PACT_PRIOR_AUTHORISATION_REQUIRED');
  });

  it('refuses a service outside the corridor and parties outside it', () => {
    expect(codes(decide(pact, { ...ask, service: 'mental-health' }, ctx()).reasons)).toContain('PACT_SERVICE_NOT_COVERED');
    expect(codes(decide(pact, { ...ask, to: 'SO' }, ctx()).reasons)[0]).toBe('PACT_NO_CLAUSE');
  });
});

describe('licensure-recognition', () => {
  it('recognises nurses automatically and doctors with conditions', () => {
    const nurse = decide(pact, { kind: 'licence', profession: 'nurse', from: 'RW', to: 'BI' }, ctx());
    expect(nurse.effect).toBe('permit');
    expect(nurse.clauseId).toBe('nurses-midwives-recognition');
    expect(nurse.obligations).toEqual([]);
    const doctor = decide(pact, { kind: 'licence', profession: 'doctor', from: 'RW', to: 'BI' }, ctx());
    expect(doctor.effect).toBe('permit');
    expect(doctor.obligations[0]?.type).toBe('meet-conditions');
  });

  it('grants a temporary licence in an emergency in the host country, for at most 90 days', () => {
    const ask: PactRequest = { kind: 'licence', profession: 'doctor', from: 'KE', to: 'UG', temporary: true };
    const granted = decide(pact, ask, ctx({ alert: { UG: { ebola: 3 } } }));
    expect(granted.effect).toBe('permit');
    expect(granted.obligations).toEqual([{ type: 'expire-at', date: '2026-05-30' }]);
    expect(codes(decide(pact, ask, ctx({ alert: { KE: { ebola: 3 } } })).reasons)).toContain('PACT_CONDITION_FALSE');
    expect(codes(decide(pact, { ...ask, days: 120 }, ctx({ alert: { UG: { ebola: 3 } } })).reasons)).toContain('PACT_DURATION_TOO_LONG');
  });

  it('has no temporary licence for nurses and no recognition for pharmacists', () => {
    const nurse = decide(pact, { kind: 'licence', profession: 'nurse', from: 'KE', to: 'UG', temporary: true }, ctx({ alert: { UG: { ebola: 3 } } }));
    expect(codes(nurse.reasons)).toContain('PACT_NO_TEMPORARY_LICENCE');
    expect(codes(decide(pact, { kind: 'licence', profession: 'pharmacist', from: 'KE', to: 'UG' }, ctx()).reasons)[0]).toBe('PACT_NO_CLAUSE');
  });
});

describe('emergency-waiver', () => {
  const ask: PactRequest = { kind: 'waiver', scope: 'import', party: 'KE', product: 'oral-cholera-vaccine', days: 30 };

  it('activates an import waiver during an emergency, time-boxed', () => {
    const decision = decide(pact, ask, ctx({ alert: { KE: { measles: 3 } } }));
    expect(decision.effect).toBe('permit');
    expect(decision.obligations).toEqual([{ type: 'expire-at', date: '2026-03-31' }]);
  });

  it('refuses without an emergency, beyond the maximum, for other products or scopes', () => {
    expect(codes(decide(pact, ask, ctx()).reasons)).toContain('PACT_CONDITION_FALSE');
    const emergency = ctx({ alert: { KE: { measles: 3 } } });
    expect(codes(decide(pact, { ...ask, days: 91 }, emergency).reasons)).toContain('PACT_DURATION_TOO_LONG');
    expect(codes(decide(pact, { ...ask, product: 'ors' }, emergency).reasons)).toContain('PACT_PRODUCT_NOT_COVERED');
    expect(codes(decide(pact, { ...ask, scope: 'ip' }, emergency).reasons)[0]).toBe('PACT_NO_CLAUSE');
  });
});

describe('escalation', () => {
  it('names who leads, decides and is told at level 3, with the deadline', () => {
    const decision = decide(pact, { kind: 'escalation', party: 'KE', disease: 'cholera' }, ctx({ alert: { KE: { cholera: 3 } } }));
    expect(decision.effect).toBe('permit');
    expect(decision.obligations).toEqual([
      { type: 'lead', by: ['EAC/hub-coordinator'] },
      { type: 'decide-within', hours: 12, by: ['KE/national-focal-point'], deadline: '2026-03-01T22:00:00.000Z' },
      { type: 'notify', parties: [...PARTIES.map((p) => `${p}/national-focal-point`), 'EAC/finance-officer'], withinHours: 12 },
    ]);
  });

  it('uses the level given in the request, and refuses at level 0', () => {
    const watch = decide(pact, { kind: 'escalation', party: 'SS', level: 1 }, ctx());
    expect(watch.obligations[0]).toEqual({ type: 'lead', by: ['SS/national-focal-point'] });
    expect(codes(decide(pact, { kind: 'escalation', party: 'SS', disease: 'ebola' }, ctx()).reasons)).toContain('PACT_NO_ALERT');
  });

  it('refuses a level the playbook does not define', () => {
    const short = smallPact([
      {
        id: 'playbook',
        kind: 'escalation',
        title: 'Two-level playbook',
        diseases: ['ebola'],
        levels: [{ level: 1, name: 'Watch', lead: 'HUB/hub-coordinator', decides: 'HUB/hub-coordinator', notify: ['all-parties'], deadlineHours: 24 }],
      },
    ]);
    const decision = decide(short, { kind: 'escalation', party: 'KE', disease: 'ebola', level: 3 }, { now: new Date('2025-01-01T00:00:00Z') });
    expect(codes(decision.reasons)).toContain('PACT_LEVEL_NOT_DEFINED');
    const other = decide(short, { kind: 'escalation', party: 'KE', disease: 'measles', level: 1 }, { now: new Date('2025-01-01T00:00:00Z') });
    expect(codes(other.reasons)[0]).toBe('PACT_NO_CLAUSE');
  });
});

describe('milestone', () => {
  const ask: PactRequest = { kind: 'milestone', party: 'KE', clauseId: 'seven-one-seven-timeliness' };

  it('permits when the milestone is met, denies while open and once missed', () => {
    expect(decide(pact, ask, ctx({ indicators: { 'events-meeting-7-1-7-share.KE': 0.85 } })).effect).toBe('permit');
    const open = decide(pact, ask, ctx({ indicators: { 'events-meeting-7-1-7-share.KE': 0.5 } }));
    expect(codes(open.reasons)).toContain('PACT_MILESTONE_OPEN');
    const late = decide(pact, ask, { now: new Date('2028-01-02T00:00:00Z'), indicators: { 'events-meeting-7-1-7-share.KE': 0.5 } });
    expect(codes(late.reasons)).toContain('PACT_MILESTONE_MISSED');
  });

  it('checks a region-wide milestone when no party is named', () => {
    const decision = decide(pact, { kind: 'milestone' }, ctx({ indicators: { 'regional-ocv-reserve-doses': 612000 } }));
    expect(decision.effect).toBe('permit');
    expect(decision.clauseId).toBe('regional-ocv-reserve');
  });
});
