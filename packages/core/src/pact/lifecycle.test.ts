import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideInForce, statusAt, sunsetAt, versionInForce, type LifecycleEvent } from './lifecycle.ts';
import type { Pact } from './model.ts';
import { smallPact } from './test-pacts.ts';

const v1 = smallPact([], { effective: '2024-01-01', sunset: '2030-01-01' });
const v2 = smallPact([], { version: 2, amends: 1, effective: '2026-07-01', sunset: '2032-01-01' });
const signAll = (version: Pact, at: string): LifecycleEvent[] =>
  version.parties.map((party) => ({ type: 'signed', version: version.version, party: party.code, at }));
const t = (iso: string) => new Date(iso);

describe('statusAt', () => {
  it('is draft until every party has signed', () => {
    const partly = signAll(v1, '2023-10-01T00:00:00Z').slice(0, 2);
    expect(statusAt([v1], partly, t('2025-01-01T00:00:00Z')).state).toBe('draft');
    expect(statusAt([], [], t('2025-01-01T00:00:00Z'))).toMatchObject({ state: 'draft', version: null });
  });

  it('is signed before the effective date, in force from it, expired from the sunset', () => {
    const events = signAll(v1, '2023-10-01T00:00:00Z');
    expect(statusAt([v1], events, t('2023-09-30T00:00:00Z')).state).toBe('draft');
    expect(statusAt([v1], events, t('2023-12-31T23:59:59Z'))).toMatchObject({ state: 'signed', version: 1, pending: [1] });
    expect(statusAt([v1], events, t('2024-01-01T00:00:00Z'))).toMatchObject({ state: 'in-force', version: 1, pending: [] });
    expect(statusAt([v1], events, t('2030-01-01T00:00:00Z'))).toMatchObject({ state: 'expired', version: 1 });
  });

  it('keeps the old version in force until the amendment takes effect, then the amendment', () => {
    const events = [...signAll(v1, '2023-10-01T00:00:00Z'), ...signAll(v2, '2026-03-01T00:00:00Z')];
    expect(statusAt([v1, v2], events, t('2026-05-01T00:00:00Z'))).toMatchObject({ state: 'in-force', version: 1, pending: [2] });
    expect(statusAt([v1, v2], events, t('2026-07-01T00:00:00Z'))).toMatchObject({ state: 'in-force', version: 2, amended: true });
    // v2's own sunset rules after the amendment, later than v1's.
    expect(statusAt([v1, v2], events, t('2031-01-01T00:00:00Z'))).toMatchObject({ state: 'in-force', version: 2 });
  });

  it('suspends and resumes', () => {
    const events: LifecycleEvent[] = [
      ...signAll(v1, '2023-10-01T00:00:00Z'),
      { type: 'suspended', at: '2025-02-01T00:00:00Z', reason: 'breach under review' },
      { type: 'resumed', at: '2025-03-01T00:00:00Z' },
    ];
    expect(statusAt([v1], events, t('2025-02-15T00:00:00Z')).state).toBe('suspended');
    expect(versionInForce([v1], events, t('2025-02-15T00:00:00Z'))).toBeUndefined();
    expect(versionInForce([v1], events, t('2025-03-01T00:00:00Z'))?.version).toBe(1);
  });

  it('renews: the sunset moves from the renewal on, not before', () => {
    const events: LifecycleEvent[] = [
      ...signAll(v1, '2023-10-01T00:00:00Z'),
      { type: 'renewed', version: 1, at: '2029-06-01T00:00:00Z', sunset: '2035-01-01' },
    ];
    expect(sunsetAt(v1, events, t('2029-05-01T00:00:00Z'))).toBe('2030-01-01');
    expect(statusAt([v1], events, t('2031-01-01T00:00:00Z'))).toMatchObject({ state: 'in-force', sunset: '2035-01-01', renewed: true });
  });
});

describe('decideInForce', () => {
  const clause = {
    id: 'counts',
    kind: 'data-sharing' as const,
    title: 'Counts',
    dataset: 'aggregate-counts',
    from: ['all-parties'],
    to: ['HUB'],
    purposes: ['surveillance' as const],
    granularity: { place: 'admin1' as const, time: 'week' as const },
    retentionDays: 30,
  };
  const a = smallPact([clause], { effective: '2024-01-01', sunset: '2030-01-01' });
  const b = smallPact([{ ...clause, purposes: ['research' as const] }], { version: 2, amends: 1, effective: '2027-01-01', sunset: '2030-01-01' });
  const events = [...signAll(a, '2023-12-01T00:00:00Z'), ...signAll(b, '2026-12-01T00:00:00Z')];
  const request = { kind: 'data' as const, action: 'send' as const, dataset: 'aggregate-counts', from: 'KE', to: 'HUB', purpose: 'surveillance' };

  it('decides under the version in force at the moment of the decision', () => {
    const before = decideInForce([a, b], events, request, { now: t('2026-12-31T12:00:00Z') });
    expect(before).toMatchObject({ effect: 'permit', pactVersion: 1 });
    const after = decideInForce([a, b], events, request, { now: t('2027-01-01T12:00:00Z') });
    expect(after).toMatchObject({ effect: 'deny', pactVersion: 2 });
  });

  it('denies with PACT_NOT_IN_FORCE and the state when nothing is in force', () => {
    const decision = decideInForce([a], events, request, { now: t('2023-06-01T00:00:00Z') });
    expect(decision.effect).toBe('deny');
    expect(decision.reasons[0]).toMatch(/^PACT_NOT_IN_FORCE: the pact is draft/);
  });
});

describe('versionInForce: properties', () => {
  const day = 86_400_000;
  const base = Date.parse('2024-01-01T00:00:00Z');
  const iso = (offsetDays: number) => new Date(base + offsetDays * day).toISOString();
  const date = (offsetDays: number) => iso(offsetDays).slice(0, 10);

  const versionArb = fc.record({ start: fc.integer({ min: 0, max: 2000 }), length: fc.integer({ min: 1, max: 2000 }) });
  const scenario = fc
    .record({
      windows: fc.array(versionArb, { minLength: 1, maxLength: 4 }),
      signatures: fc.array(fc.record({ version: fc.integer({ min: 1, max: 4 }), party: fc.constantFrom('KE', 'UG', 'TZ'), day: fc.integer({ min: -100, max: 3000 }) }), { maxLength: 20 }),
      switches: fc.array(fc.record({ suspend: fc.boolean(), day: fc.integer({ min: 0, max: 4000 }) }), { maxLength: 6 }),
      renewals: fc.array(fc.record({ version: fc.integer({ min: 1, max: 4 }), day: fc.integer({ min: 0, max: 4000 }), length: fc.integer({ min: 1, max: 3000 }) }), { maxLength: 3 }),
      at: fc.integer({ min: -100, max: 5000 }),
    })
    .map(({ windows, signatures, switches, renewals, at }) => {
      const versions = windows.map((w, i) => smallPact([], { version: i + 1, effective: date(w.start), sunset: date(w.start + w.length) }));
      const events: LifecycleEvent[] = [
        ...signatures.map((s) => ({ type: 'signed' as const, version: s.version, party: s.party, at: iso(s.day) })),
        ...switches.map((s) => (s.suspend ? { type: 'suspended' as const, at: iso(s.day) } : { type: 'resumed' as const, at: iso(s.day) })),
        ...renewals.map((r) => ({ type: 'renewed' as const, version: r.version, at: iso(r.day), sunset: date(r.day + r.length) })),
      ];
      return { versions, events, at: new Date(base + at * day + 3_600_000) };
    });

  it('never returns a version outside its window, unsigned, or while suspended', () => {
    let found = 0;
    fc.assert(
      fc.property(scenario, ({ versions, events, at }) => {
        const version = versionInForce(versions, events, at);
        if (!version) return;
        found += 1;
        const past = events.filter((e) => Date.parse(e.at) <= at.getTime()).sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
        expect(Date.parse(`${version.effective}T00:00:00Z`)).toBeLessThanOrEqual(at.getTime());
        const renewedSunsets = past.filter((e) => e.type === 'renewed' && e.version === version.version).map((e) => (e as { sunset: string }).sunset);
        const sunset = renewedSunsets.at(-1) ?? version.sunset;
        expect(at.getTime()).toBeLessThan(Date.parse(`${sunset}T00:00:00Z`));
        for (const party of ['KE', 'UG', 'TZ']) {
          expect(past.some((e) => e.type === 'signed' && e.version === version.version && e.party === party)).toBe(true);
        }
        const lastSwitch = past.filter((e) => e.type === 'suspended' || e.type === 'resumed').at(-1);
        expect(lastSwitch?.type).not.toBe('suspended');
      }),
      { numRuns: 2000 },
    );
    expect(found).toBeGreaterThan(0);
  });

  it('a later signed version that has taken effect always supersedes an earlier one', () => {
    fc.assert(
      fc.property(scenario, ({ versions, events, at }) => {
        const status = statusAt(versions, events, at);
        if (status.state !== 'in-force' && status.state !== 'suspended' && status.state !== 'expired') return;
        const past = events.filter((e) => Date.parse(e.at) <= at.getTime());
        const signedAndStarted = versions.filter(
          (v) =>
            Date.parse(`${v.effective}T00:00:00Z`) <= at.getTime() &&
            v.parties.every((p) => past.some((e) => e.type === 'signed' && e.version === v.version && e.party === p.code)),
        );
        expect(status.version).toBe(Math.max(...signedAndStarted.map((v) => v.version)));
      }),
      { numRuns: 1000 },
    );
  });
});
