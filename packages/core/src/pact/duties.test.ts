import { describe, expect, it } from 'vitest';
import { nextReport, obligationsOf } from './duties.ts';
import { evaluateTriggers } from './triggers.ts';
import { examplePact } from './test-pacts.ts';

const pact = examplePact();
// Wednesday 2026-03-04.
const now = new Date('2026-03-04T09:00:00Z');

describe('nextReport', () => {
  it('gives last week while its deadline has not passed, else this week', () => {
    // Week of Mon 2026-02-23 to Sun 2026-03-01; two days later is Tue 2026-03-03.
    expect(nextReport('2026-03-03', 'weekly', 2)).toEqual({ period: { start: '2026-02-23', end: '2026-03-01' }, deadline: '2026-03-03' });
    expect(nextReport('2026-03-04', 'weekly', 2)).toEqual({ period: { start: '2026-03-02', end: '2026-03-08' }, deadline: '2026-03-10' });
  });

  it('handles months, including February of a leap year and a year boundary', () => {
    expect(nextReport('2028-03-05', 'monthly', 10)).toEqual({ period: { start: '2028-02-01', end: '2028-02-29' }, deadline: '2028-03-10' });
    expect(nextReport('2027-01-08', 'monthly', 10)).toEqual({ period: { start: '2026-12-01', end: '2026-12-31' }, deadline: '2027-01-10' });
  });

  it('gives the oldest period still due when deadlines are longer than a period', () => {
    expect(nextReport('2026-03-04', 'weekly', 10).period.start).toBe('2026-02-16');
  });
});

describe('obligationsOf', () => {
  it('lists what Kenya owes: reserves, reports, milestones, renewal notice', () => {
    const duties = obligationsOf(pact, 'KE', { now, indicators: { 'events-meeting-7-1-7-share.KE': 0.9 } });
    const types = duties.map((d) => d.type);
    expect(types).toContain('hold-reserve');
    expect(duties.find((d) => d.type === 'hold-reserve')).toMatchObject({ clauseId: 'cholera-stockpile', share: 0.1 });
    const reports = duties.filter((d) => d.type === 'report');
    expect(reports.map((r) => r.clauseId)).toEqual(['weekly-aggregates-to-hub', 'stock-levels-public']);
    expect(reports[0]).toMatchObject({ deadline: '2026-03-10', to: ['EAC'] });
    expect(reports[1]).toMatchObject({ period: { start: '2026-02-01', end: '2026-02-28' }, deadline: '2026-03-10' });
    // 7-1-7 is met; the SPAR milestone is open; the regional one is not Kenya's.
    const milestones = duties.filter((d) => d.type === 'meet-milestone').map((d) => d.clauseId);
    expect(milestones).toEqual(['spar-capacity-level']);
    // 180 days before 2032-12-31.
    expect(duties.find((d) => d.type === 'renewal-notice')).toMatchObject({ by: '2032-07-04' });
    expect(types).not.toContain('escalation');
  });

  it('adds escalation duties at the current alert levels', () => {
    const alert = { SO: { cholera: 3 } };
    const somalia = obligationsOf(pact, 'SO', { now, alert }).filter((d) => d.type === 'escalation');
    expect(somalia).toHaveLength(1);
    expect(somalia[0]).toMatchObject({ affectedParty: 'SO', level: 3, roles: ['decide', 'notify'], deadlineHours: 12 });
    const hub = obligationsOf(pact, 'EAC', { now, alert }).filter((d) => d.type === 'escalation');
    expect(hub[0]).toMatchObject({ roles: ['lead', 'notify'] });
    expect(obligationsOf(pact, 'RW', { now, alert }).find((d) => d.type === 'escalation')).toMatchObject({ roles: ['notify'] });
  });

  it('gives the hub no renewal notice and owes nothing outside the term', () => {
    expect(obligationsOf(pact, 'EAC', { now }).some((d) => d.type === 'renewal-notice')).toBe(false);
    expect(obligationsOf(pact, 'KE', { now: new Date('2033-01-01T00:00:00Z') })).toEqual([]);
  });
});

describe('evaluateTriggers', () => {
  it('fires for each recipient over the threshold, with amount and deadline', () => {
    const results = evaluateTriggers(pact, {
      now,
      indicators: { 'cholera-weekly-incidence-per-100k.SO': 12.5, 'cholera-weekly-incidence-per-100k.KE': 1.1 },
    });
    expect(results).toHaveLength(8);
    const fired = results.filter((r) => r.fired);
    expect(fired.map((r) => r.recipient)).toEqual(['SO']);
    expect(fired[0]).toMatchObject({ amount: 250000, currency: 'USD', value: 12.5, disburseBy: '2026-03-18' });
    expect(results.find((r) => r.recipient === 'KE')).toMatchObject({ fired: false, value: 1.1 });
    expect(results.find((r) => r.recipient === 'UG')?.reason).toMatch(/^PACT_CONDITION_ERROR/);
  });

  it('fires nothing outside the term', () => {
    const results = evaluateTriggers(pact, { now: new Date('2022-06-01T00:00:00Z'), indicators: { 'cholera-weekly-incidence-per-100k.SO': 99 } });
    expect(results.every((r) => !r.fired && r.reason.startsWith('PACT_NOT_IN_FORCE'))).toBe(true);
  });
});
