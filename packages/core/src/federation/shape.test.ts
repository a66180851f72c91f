import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Obligation } from '../pact/decision.ts';
import type { AggregateCell, MessageBody } from './message-types.ts';
import { aggregateCells, periodGranularity, shapeMessage, suppressSmallCells, unmetObligations } from './shape.ts';

const K5: Obligation[] = [
  { type: 'aggregate-to', place: 'admin1', time: 'week' },
  { type: 'suppress-below', k: 5 },
  { type: 'retain-until', date: '2031-03-01' },
];
const IDENTIFIERS: Obligation[] = [{ type: 'drop-fields', fields: ['patientName', 'phone', 'nationalId', 'village'] }];

const aggregateBody = (cells: AggregateCell[], time: 'day' | 'week' = 'day'): MessageBody => ({
  type: 'aggregate-submission',
  payload: {
    submissionId: 's',
    party: 'KE',
    disease: 'cholera',
    purpose: 'surveillance',
    granularity: { place: 'admin1', time },
    periodStart: '2026-02-23',
    periodEnd: '2026-03-08',
    cells,
  },
});

const total = (cells: readonly AggregateCell[]) => cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);

describe('periods', () => {
  it('say their own granularity, and impossible dates say none', () => {
    expect(periodGranularity('2026-03-02')).toBe('day');
    expect(periodGranularity('2026-W10')).toBe('week');
    expect(periodGranularity('2026-03')).toBe('month');
    expect(periodGranularity('2026-02-30')).toBeNull();
    expect(periodGranularity('2026-W54')).toBeNull();
  });
});

describe('aggregation', () => {
  it('sums days into ISO weeks per area', () => {
    const result = aggregateCells(
      [
        { area: 'KE-17', period: '2026-02-23', count: 2 },
        { area: 'KE-17', period: '2026-03-01', count: 4 },
        { area: 'KE-17', period: '2026-03-02', count: 1 },
        { area: 'KE-30', period: '2026-02-24', count: 7 },
      ],
      { place: 'admin1', time: 'day' },
      { place: 'admin1', time: 'week' },
    );
    expect(result.ok && result.value).toEqual([
      { area: 'KE-17', period: '2026-W09', count: 6 },
      { area: 'KE-17', period: '2026-W10', count: 1 },
      { area: 'KE-30', period: '2026-W09', count: 7 },
    ]);
  });

  it('refuses what it cannot do honestly: weeks into months, facilities into provinces, suppressed counts', () => {
    expect(aggregateCells([{ period: '2026-W09', count: 1, area: 'a' }], { place: 'admin1', time: 'week' }, { place: 'admin1', time: 'month' }).ok).toBe(false);
    expect(aggregateCells([{ period: '2026-03-01', count: 1, area: 'f' }], { place: 'facility', time: 'day' }, { place: 'admin1', time: 'day' }).ok).toBe(false);
    expect(aggregateCells([{ period: '2026-03-01', count: null, area: 'a' }], { place: 'admin1', time: 'day' }, { place: 'country', time: 'day' }).ok).toBe(false);
    expect(aggregateCells([{ period: '2026-W09', count: 1, area: 'a' }], { place: 'admin1', time: 'day' }, { place: 'admin1', time: 'week' }).ok).toBe(false);
  });

  const day = fc.integer({ min: 0, max: 60 }).map((offset) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10));
  const cells = fc.array(
    fc.record({ area: fc.constantFrom('KE-01', 'KE-17', 'KE-30'), period: day, sex: fc.constantFrom('male' as const, 'female' as const), count: fc.integer({ min: 0, max: 40 }) }),
    { maxLength: 60 },
  );

  it('keeps every case: the total is the same at every coarser granularity (property)', () => {
    fc.assert(
      fc.property(cells, fc.constantFrom('week' as const, 'month' as const), fc.constantFrom('admin1' as const, 'country' as const), (input, time, place) => {
        const result = aggregateCells(input, { place: 'admin1', time: 'day' }, { place, time });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(total(result.value)).toBe(total(input));
        for (const cell of result.value) expect(periodGranularity(cell.period)).toBe(time);
        if (place === 'country') expect(result.value.every((cell) => cell.area === undefined)).toBe(true);
      }),
    );
  });

  it('suppresses every count between 0 and k, and nothing else (property)', () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 2, max: 12 }), (input, k) => {
        const out = suppressSmallCells(input, k);
        out.forEach((cell, i) => {
          const original = input[i]!.count;
          if (original > 0 && original < k) expect(cell).toMatchObject({ count: null, suppressed: true });
          else expect(cell.count).toBe(original);
        });
      }),
    );
  });
});

describe('shaping a message and checking it on arrival', () => {
  it('aggregates an aggregate submission to the clause detail and suppresses counts below k', () => {
    const shaped = shapeMessage(
      aggregateBody([
        { area: 'KE-17', period: '2026-02-23', count: 2 },
        { area: 'KE-17', period: '2026-02-24', count: 1 },
        { area: 'KE-30', period: '2026-02-24', count: 9 },
      ]),
      { primary: { effect: 'permit', obligations: K5 } },
    );
    expect(shaped.ok).toBe(true);
    if (!shaped.ok || shaped.value.body.type !== 'aggregate-submission') return;
    expect(shaped.value.body.payload.granularity).toEqual({ place: 'admin1', time: 'week' });
    expect(shaped.value.body.payload.cells).toEqual([
      { area: 'KE-17', period: '2026-W09', count: null, suppressed: true },
      { area: 'KE-30', period: '2026-W09', count: 9 },
    ]);
  });

  it('drops identifiers from a line list the clause lets cross, and withholds one it does not', () => {
    const alert: MessageBody = {
      type: 'alert',
      payload: {
        alertId: 'a',
        party: 'KE',
        disease: 'cholera',
        level: 3,
        title: 't',
        detectedAt: '2026-03-01T00:00:00Z',
        caseReports: [{ clientId: 'c1', age: 30, patientName: 'A. Person', phone: '+254700000000', village: 'Dunga' }],
      },
    };
    const permitted = shapeMessage(alert, { primary: { effect: 'permit', obligations: [] }, attachment: { effect: 'permit', obligations: IDENTIFIERS } });
    expect(permitted.ok && permitted.value.body.payload).toMatchObject({ caseReports: [{ clientId: 'c1', age: 30 }] });
    expect(JSON.stringify(permitted.ok && permitted.value.body)).not.toMatch(/patientName|Dunga|\+254/);
    const denied = shapeMessage(alert, { primary: { effect: 'permit', obligations: [] }, attachment: { effect: 'deny', obligations: [] } });
    expect(denied.ok && denied.value).toMatchObject({ withheld: 1 });
    expect(denied.ok && 'caseReports' in denied.value.body.payload).toBe(false);
    expect(denied.ok && denied.value.body.payload).toMatchObject({ caseReportsWithheld: 1 });
  });

  it('finds what a careless or hostile sender left in', () => {
    const raw = aggregateBody([{ area: 'KE-17', period: '2026-W09', count: 3 }], 'week');
    expect(unmetObligations(raw, { primary: { effect: 'permit', obligations: K5 } })).toEqual([expect.stringMatching(/below the minimum cell size 5/)]);
    const mislabelled = aggregateBody([{ area: 'KE-17', period: '2026-02-23', count: 30 }], 'week');
    expect(unmetObligations(mislabelled, { primary: { effect: 'permit', obligations: K5 } })).toEqual([expect.stringMatching(/not by week/)]);
  });

  it('what the sender shaped, the receiver accepts (property)', () => {
    const cell = fc.record({
      area: fc.constantFrom('KE-01', 'KE-17'),
      period: fc.integer({ min: 0, max: 27 }).map((offset) => new Date(Date.UTC(2026, 1, 1 + offset)).toISOString().slice(0, 10)),
      count: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        const decisions = { primary: { effect: 'permit' as const, obligations: K5 } };
        const shaped = shapeMessage(aggregateBody(cells), decisions);
        expect(shaped.ok).toBe(true);
        if (shaped.ok) expect(unmetObligations(shaped.value.body, decisions)).toEqual([]);
      }),
    );
  });
});
