import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';
import { failure, ledgerSnapshot, stockOf, user } from './support.ts';

let node: TestNode;
let facilityKe: { authorization: string };
const staff = user('KE', 'facility-staff');
const FRIDGE = 'KE-cms-fridge-1';

beforeAll(async () => {
  node = await startTestNode();
  facilityKe = await node.signIn(demoEmail('facility.ke'));
  const ledger = stockOf(node).ledger;
  const at = '2025-12-01T09:00:00Z';
  await ledger.receive(staff, 'KE-cms', { product: 'oral-cholera-vaccine', lot: 'OCV-A', expiry: '2027-06-30', quantity: 1000, at });
  await ledger.receive(staff, 'KE-cms', { product: 'mr-vaccine', lot: 'MR-A', expiry: '2027-03-31', quantity: 200, at });
  await ledger.receive(staff, 'KE-cms', { product: 'ors', lot: 'ORS-A', expiry: '2027-03-31', quantity: 100, at });
});
afterAll(() => node.close());

/** Ten-minute readings from `start` for `hours`, at `celsius(minute)`. */
const record = (device: string, start: string, hours: number, celsius: (minute: number) => number): string[] => {
  const lines: string[] = [];
  const t0 = Date.parse(start);
  for (let minute = 0; minute < hours * 60; minute += 10) lines.push(`${device},${new Date(t0 + minute * 60_000).toISOString()},${celsius(minute)}`);
  return lines;
};

const uploadCsv = (lines: string[], header = 'device,time,celsius', headers = facilityKe) =>
  node.app.inject({
    method: 'POST',
    url: '/api/v1/stock/cold-chain/readings/csv',
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: [header, ...lines].join('\n'),
  });

describe('recorders', () => {
  it('registers a +2…+8 °C recorder that guards the vaccines of its store', async () => {
    const response = await node.app.inject({ method: 'POST', url: '/api/v1/stock/cold-chain/devices', headers: facilityKe, payload: { id: FRIDGE, store: 'KE-cms', label: 'Walk-in cold room' } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ minC: 2, maxC: 8, jurisdiction: 'KE' });
    expect(response.json().products).toEqual(expect.arrayContaining(['oral-cholera-vaccine', 'mr-vaccine']));
    expect(response.json().products).not.toContain('ors');
    expect(response.json().products).not.toContain('ebola-vaccine');
    const again = await node.app.inject({ method: 'POST', url: '/api/v1/stock/cold-chain/devices', headers: facilityKe, payload: { id: FRIDGE, store: 'KE-cms', label: 'x' } });
    expect(again.json().code).toBe('STOCK_DEVICE_EXISTS');
  });

  it('refuses readings for a recorder in another country, and unknown recorders', async () => {
    await stockOf(node).coldChain.registerDevice(user('UG', 'facility-staff'), { id: 'UG-cms-fridge-1', store: 'UG-cms', label: 'Cold room' });
    const abroad = await uploadCsv(record('UG-cms-fridge-1', '2026-01-01T00:00:00Z', 1, () => 5));
    expect(abroad.json().code).toBe('ACCESS_OUT_OF_SCOPE');
    const unknown = await uploadCsv(record('nobody', '2026-01-01T00:00:00Z', 1, () => 5));
    expect(unknown.json().code).toBe('STOCK_DEVICE_NOT_FOUND');
  });
});

describe('excursion → quarantine → VVM decision', () => {
  let quarantines: { id: string; product: string; lot: string }[];

  it('raises a heat alarm after 10 hours above +8 °C and quarantines the exposed cold-chain lots only', async () => {
    // 02:00–13:00 at 9–12 °C (11 h: alarm), 14:00–14:30 at −1 °C (30 min: no freeze alarm).
    const lines = record(FRIDGE, '2026-01-01T00:00:00Z', 24, (m) => (m >= 120 && m < 780 ? 9 + (m % 4) : m >= 840 && m < 870 ? -1 : 5));
    const response = await uploadCsv(lines);
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({ received: 144, stored: 144, duplicates: 0 });
    expect(report.excursions).toEqual([
      expect.objectContaining({ type: 'heat', start: '2026-01-01T02:00:00.000Z', end: '2026-01-01T13:00:00.000Z', minutes: 660, alarm: true }),
      expect.objectContaining({ type: 'freeze', minutes: 30, alarm: false }),
    ]);
    quarantines = report.quarantined;
    expect(quarantines.map((q) => q.lot).sort()).toEqual(['MR-A', 'OCV-A']);
  });

  it('keeps quarantined lots out of FEFO issues', async () => {
    const error = await failure(stockOf(node).ledger.issue(staff, 'KE-cms', { product: 'oral-cholera-vaccine', quantity: 1 }));
    expect(error).toMatchObject({ code: 'STOCK_INSUFFICIENT', params: { available: 0 } });
    const alarms = (await node.app.inject({ url: '/api/v1/stock/cold-chain/alarms', headers: facilityKe })).json().excursions;
    expect(alarms).toEqual([expect.objectContaining({ device: FRIDGE, type: 'heat', alarm: true, openQuarantines: 2 })]);
    // alarm=all lists the 30-minute freeze that raised no alarm too; alarm=false only that one.
    const every = (await node.app.inject({ url: `/api/v1/stock/cold-chain/alarms?alarm=all&device=${FRIDGE}`, headers: facilityKe })).json().excursions;
    expect(every.map((e: { type: string; alarm: boolean }) => [e.type, e.alarm])).toEqual([['freeze', false], ['heat', true]]);
    const quiet = (await node.app.inject({ url: '/api/v1/stock/cold-chain/alarms?alarm=false', headers: facilityKe })).json().excursions;
    expect(quiet).toEqual([expect.objectContaining({ type: 'freeze', alarm: false })]);
    expect((await node.app.inject({ url: '/api/v1/stock/cold-chain/alarms?alarm=maybe', headers: facilityKe })).json().code).toBe('VALIDATION_FAILED');
    const open = (await node.app.inject({ url: '/api/v1/stock/quarantines', headers: facilityKe })).json().quarantines;
    expect(open).toHaveLength(2);
  });

  it('does not alarm twice when the same export is uploaded again', async () => {
    const lines = record(FRIDGE, '2026-01-01T00:00:00Z', 24, (m) => (m >= 120 && m < 780 ? 9 + (m % 4) : m >= 840 && m < 870 ? -1 : 5));
    const report = (await uploadCsv(lines)).json();
    expect(report).toMatchObject({ received: 144, stored: 0, duplicates: 144, quarantined: [] });
  });

  it('needs a VVM reading for a VVM product, then decides by stage: 2 → use first, 3 → discard with a loss', async () => {
    const ocv = quarantines.find((q) => q.product === 'oral-cholera-vaccine')!;
    const mr = quarantines.find((q) => q.product === 'mr-vaccine')!;
    const decide = (id: string, body: unknown) => node.app.inject({ method: 'POST', url: `/api/v1/stock/quarantines/${id}/decision`, headers: facilityKe, payload: body as object });
    expect((await decide(ocv.id, {})).json().code).toBe('STOCK_VVM_REQUIRED');
    const useFirst = await decide(ocv.id, { vvm: { stage: 2 } });
    expect(useFirst.json()).toMatchObject({ action: 'use-first', vvmStage: 2, discarded: null });
    expect((await decide(ocv.id, { vvm: { stage: 1 } })).json().code).toBe('STOCK_QUARANTINE_DECIDED');
    const discard = await decide(mr.id, { vvm: { square: 'matches' } });
    expect(discard.json()).toMatchObject({ action: 'discard', vvmStage: 3, discarded: 200 });
    const lost = await node.db.query<{ kind: string; quantity: number }>(`SELECT kind, quantity FROM stock_entries WHERE reference = $1`, [`quarantine:${mr.id}`]);
    expect(lost).toEqual([{ kind: 'loss', quantity: 200 }]);
  });

  it('issues use-first lots before lots that expire earlier', async () => {
    await stockOf(node).ledger.receive(staff, 'KE-cms', { product: 'oral-cholera-vaccine', lot: 'OCV-B', expiry: '2026-09-30', quantity: 300 });
    const issued = await stockOf(node).ledger.issue(staff, 'KE-cms', { product: 'oral-cholera-vaccine', quantity: 1100 });
    expect(issued.entries.map((e) => [e.lot, e.quantity])).toEqual([['OCV-A', 1000], ['OCV-B', 100]]);
  });
});

describe('excursions across uploads and bad files', () => {
  it('judges an excursion that continues into the next upload as one, alarming when it reaches 10 hours', async () => {
    await stockOf(node).ledger.receive(staff, 'KE-cms', { product: 'yf-vaccine', lot: 'YF-A', expiry: '2027-01-31', quantity: 50, at: '2025-12-01T00:00:00Z' });
    const heat = (m: number) => (m >= 120 ? 10 : 5);
    const first = (await uploadCsv(record(FRIDGE, '2026-01-02T18:00:00Z', 6, heat))).json();
    expect(first.excursions).toEqual([expect.objectContaining({ type: 'heat', start: '2026-01-02T20:00:00.000Z', ongoing: true, alarm: false })]);
    expect(first.quarantined).toEqual([]);
    const second = (await uploadCsv(record(FRIDGE, '2026-01-03T00:00:00Z', 8, (m) => (m < 420 ? 10 : 5)))).json();
    expect(second.excursions).toEqual([expect.objectContaining({ type: 'heat', start: '2026-01-02T20:00:00.000Z', end: '2026-01-03T07:00:00.000Z', minutes: 660, alarm: true, ongoing: false })]);
    // OCV-B arrived after the excursion ended, so only the yellow fever lot was exposed.
    expect(second.quarantined.map((q: { lot: string }) => q.lot)).toEqual(['YF-A']);
    const rows = await node.db.query('SELECT id FROM cold_chain_excursions WHERE device = $1 AND start_at = $2', [FRIDGE, '2026-01-02T20:00:00Z']);
    expect(rows).toHaveLength(1);
  });

  it('discards a frozen lot on a failed shake test whatever its VVM says', async () => {
    const open = await stockOf(node).coldChain.quarantines(staff, { store: 'KE-cms', open: true, limit: 10 });
    const yf = open.find((q) => q.lot === 'YF-A')!;
    const decided = await stockOf(node).coldChain.decide(staff, yf.id, { vvm: { stage: 1 }, shakeTest: 'fail' });
    expect(decided).toMatchObject({ action: 'discard', discarded: 50 });
  });

  it('refuses a whole upload for one bad line, a reading that contradicts the record, or a missing column — storing nothing', async () => {
    const before = await node.db.query('SELECT count(*)::int8 AS n FROM cold_chain_readings');
    const snapshot = await ledgerSnapshot(node);
    const good = record(FRIDGE, '2026-01-04T00:00:00Z', 2, () => 5);
    const badLine = await uploadCsv([...good, `${FRIDGE},2026-01-04T02:00:00Z,warm`]);
    expect(badLine.json()).toMatchObject({ code: 'COLDCHAIN_READING_INVALID', params: { line: 14 } });
    const badTime = await uploadCsv([...good, `${FRIDGE},yesterday,5`]);
    expect(badTime.json()).toMatchObject({ code: 'COLDCHAIN_READING_INVALID', params: { line: 14 } });
    const contradiction = await uploadCsv([`${FRIDGE},2026-01-01T00:00:00.000Z,6.5`]);
    expect(contradiction.json()).toMatchObject({ code: 'STOCK_READING_CONFLICT', params: { stored: 5, given: 6.5 } });
    const header = await uploadCsv(good, 'device,when,celsius');
    expect(header.json().code).toBe('STOCK_CSV_INVALID');
    const future = await uploadCsv([`${FRIDGE},2026-02-01T00:00:00Z,5`]);
    expect(future.json().code).toBe('COLDCHAIN_READING_INVALID');
    expect(await node.db.query('SELECT count(*)::int8 AS n FROM cold_chain_readings')).toEqual(before);
    expect(await ledgerSnapshot(node)).toEqual(snapshot);
  });

  it('takes readings as JSON too, times without an offset read as UTC', async () => {
    const response = await node.app.inject({
      method: 'POST',
      url: '/api/v1/stock/cold-chain/readings',
      headers: facilityKe,
      payload: { readings: [{ device: FRIDGE, time: '2026-01-04 03:00', celsius: 4.5 }] },
    });
    expect(response.statusCode).toBe(201);
    const stored = await node.db.query<{ time: Date }>(`SELECT time FROM cold_chain_readings WHERE device = $1 AND celsius = 4.5`, [FRIDGE]);
    expect(stored.map((r) => r.time.toISOString())).toEqual(['2026-01-04T03:00:00.000Z']);
  });
});
