import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GS } from '@concord/core/stock/index';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';
import { failure, ledgerSnapshot, stockOf, user } from './support.ts';

let node: TestNode;
let facilityKe: { authorization: string };
beforeAll(async () => {
  node = await startTestNode();
  facilityKe = await node.signIn(demoEmail('facility.ke'));
});
afterAll(() => node.close());

const keStaff = user('KE', 'facility-staff');
const post = (url: string, payload: unknown, headers = facilityKe) => node.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });

describe('receiving stock', () => {
  it('reads a raw GS1 DataMatrix scan: GTIN names the product, lot and expiry make the lot', async () => {
    const scan = `]d2010200000100003817270630100CV-2406A${GS}21SN0001`;
    const response = await post('/stock/stores/KE-cms/receipts', { gs1: scan, quantity: 500 });
    expect(response.statusCode).toBe(201);
    expect(response.json().entries).toEqual([expect.objectContaining({ kind: 'receipt', product: 'oral-cholera-vaccine', lot: '0CV-2406A', quantity: 500, balance: 500 })]);
    const lots = (await node.app.inject({ url: '/api/v1/stock/stores/KE-cms/lots', headers: facilityKe })).json().lots;
    expect(lots).toContainEqual(expect.objectContaining({ product: 'oral-cholera-vaccine', lot: '0CV-2406A', expiry: '2027-06-30', quantity: 500, quarantined: false }));
  });

  it('reads the bracketed form and adds to the same lot; a different expiry for a known lot is refused', async () => {
    const ok = await post('/stock/stores/KE-cms/receipts', { gs1: '(01)02000001000038(17)270630(10)0CV-2406A', quantity: 100 });
    expect(ok.json().entries[0].balance).toBe(600);
    const clash = await post('/stock/stores/KE-cms/receipts', { gs1: '(01)02000001000038(17)280630(10)0CV-2406A', quantity: 1 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'STOCK_LOT_EXPIRY_MISMATCH', params: { known: '2027-06-30', given: '2028-06-30' } });
  });

  it('refuses scans that are not usable receipts, writing nothing', async () => {
    const before = await ledgerSnapshot(node);
    const cases: [unknown, string][] = [
      [{ gs1: '(01)02000001000039(17)270630(10)X1', quantity: 1 }, 'STOCK_GS1_GTIN_CHECK_DIGIT'],
      [{ gs1: '(01)02000001000038(10)X1', quantity: 1 }, 'STOCK_GS1_INCOMPLETE'],
      [{ gs1: '(01)09506000134352(17)270630(10)X1', quantity: 1 }, 'STOCK_GTIN_UNKNOWN'],
      [{ gs1: '(01)02000001000038(17)270630(10)X1', product: 'ors', quantity: 1 }, 'STOCK_GTIN_MISMATCH'],
      [{ gs1: '(01)02000001000038(17)251231(10)X1', quantity: 1 }, 'STOCK_LOT_EXPIRED'],
      [{ product: 'ors', lot: 'L1', quantity: 1 }, 'STOCK_RECEIPT_INCOMPLETE'],
      [{ product: 'aspirin', lot: 'L1', expiry: '2027-01-01', quantity: 1 }, 'STOCK_UNKNOWN_PRODUCT'],
      [{ product: 'ors', lot: 'L1', expiry: '2027-01-01', quantity: 1, at: '2026-02-01T00:00:00Z' }, 'STOCK_TIME_IN_FUTURE'],
      [{ product: 'ors', lot: 'L1', expiry: '2027-01-01', quantity: 0 }, 'VALIDATION_FAILED'],
    ];
    for (const [payload, code] of cases) {
      const response = await post('/stock/stores/KE-cms/receipts', payload);
      expect(response.statusCode, code).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, code).toBeLessThan(500);
      expect(response.json().code).toBe(code);
    }
    expect(await ledgerSnapshot(node)).toEqual(before);
  });
});

describe('who may record stock', () => {
  it("refuses a Kenyan user writing to Uganda's store, and roles that do not keep stock", async () => {
    const ugStore = await post('/stock/stores/UG-cms/receipts', { product: 'ors', lot: 'ORS-1', expiry: '2027-01-01', quantity: 10 });
    expect(ugStore.statusCode).toBe(403);
    expect(ugStore.json()).toMatchObject({ code: 'ACCESS_OUT_OF_SCOPE', params: { jurisdiction: 'UG' } });
    const lab = await node.signIn(demoEmail('lab.ke'));
    const byLab = await post('/stock/stores/KE-cms/receipts', { product: 'ors', lot: 'ORS-1', expiry: '2027-01-01', quantity: 10 }, lab);
    expect(byLab.json().code).toBe('ACCESS_ROLE_DENIED');
    // The hub reads the region but counts only its own shelves.
    const hub = await node.signIn(demoEmail('hub'));
    expect((await post('/stock/stores/KE-cms/receipts', { product: 'ors', lot: 'ORS-1', expiry: '2027-01-01', quantity: 10 }, hub)).json().code).toBe('ACCESS_OUT_OF_SCOPE');
    const hubStore = await post('/stock/stores/EAC-rs/receipts', { product: 'ors', lot: 'ORS-HUB', expiry: '2027-01-01', quantity: 10 }, hub);
    expect(hubStore.statusCode).toBe(201);
    expect((await post('/stock/stores/EAC-rs/receipts', { product: 'ors', lot: 'ORS-HUB', expiry: '2027-01-01', quantity: 10 })).json().code).toBe('ACCESS_OUT_OF_SCOPE');
  });

  it('lets a party read only its own stores, the hub all', async () => {
    expect((await node.app.inject({ url: '/api/v1/stock/stores/UG-cms/lots', headers: facilityKe })).json().code).toBe('ACCESS_OUT_OF_SCOPE');
    const stores = (await node.app.inject({ url: '/api/v1/stock/stores', headers: facilityKe })).json().stores;
    expect(new Set(stores.map((s: { jurisdiction: string }) => s.jurisdiction))).toEqual(new Set(['KE']));
    expect(stores.map((s: { id: string; level: string }) => [s.id, s.level])).toEqual(expect.arrayContaining([['KE-cms', 'national'], ['KE-nrh', 'facility']]));
  });
});

describe('issuing first-expiry-first-out', () => {
  const store = 'KE-nrh';
  beforeAll(async () => {
    const ledger = stockOf(node).ledger;
    await ledger.receive(keStaff, store, { product: 'ors', lot: 'ORS-LATE', expiry: '2027-12-31', quantity: 50, at: '2025-06-01T00:00:00Z' });
    await ledger.receive(keStaff, store, { product: 'ors', lot: 'ORS-SOON', expiry: '2026-03-31', quantity: 30, at: '2025-06-01T00:00:00Z' });
    await ledger.receive(keStaff, store, { product: 'ors', lot: 'ORS-GONE', expiry: '2026-01-04', quantity: 40, at: '2025-06-01T00:00:00Z' });
    await ledger.receive(keStaff, store, { product: 'ors', lot: 'ORS-HELD', expiry: '2026-02-01', quantity: 20, at: '2025-06-01T00:00:00Z' });
    await node.db.query(`INSERT INTO stock_quarantines (id, store, product, lot, reason, opened_at) VALUES (gen_random_uuid(), $1, 'ors', 'ORS-HELD', 'test hold', now())`, [store]);
  });

  it('takes the earliest usable expiry first and skips expired and quarantined lots', async () => {
    const result = await stockOf(node).ledger.issue(keStaff, store, { product: 'ors', quantity: 40 });
    expect(result.entries.map((e) => [e.lot, e.quantity])).toEqual([['ORS-SOON', 30], ['ORS-LATE', 10]]);
  });

  it('refuses an issue larger than usable stock with STOCK_INSUFFICIENT and changes nothing', async () => {
    const before = await ledgerSnapshot(node);
    const error = await failure(stockOf(node).ledger.issue(keStaff, store, { product: 'ors', quantity: 41 }));
    expect(error).toMatchObject({ code: 'STOCK_INSUFFICIENT', params: { requested: 41, available: 40 } });
    expect(await ledgerSnapshot(node)).toEqual(before);
  });

  it('refuses a loss beyond the lot balance with STOCK_NEGATIVE_BALANCE and changes nothing', async () => {
    const before = await ledgerSnapshot(node);
    const error = await failure(stockOf(node).ledger.loss(keStaff, store, { product: 'ors', lot: 'ORS-GONE', quantity: 41, reason: 'expired' }));
    expect(error).toMatchObject({ code: 'STOCK_NEGATIVE_BALANCE', params: { balance: 40 } });
    expect(await ledgerSnapshot(node)).toEqual(before);
    const written = await stockOf(node).ledger.loss(keStaff, store, { product: 'ors', lot: 'ORS-GONE', quantity: 40, reason: 'expired' });
    expect(written.entries[0]).toMatchObject({ kind: 'loss', balance: 0 });
  });

  it('moves stock inside a country in one step and refuses a transfer across a border', async () => {
    const moved = await stockOf(node).ledger.transfer(keStaff, { from: 'KE-nrh', to: 'KE-rh', product: 'ors', quantity: 5 });
    expect(moved.entries.map((e) => [e.store, e.kind, e.lot, e.quantity])).toEqual([
      ['KE-nrh', 'transfer-out', 'ORS-LATE', 5],
      ['KE-rh', 'transfer-in', 'ORS-LATE', 5],
    ]);
    const abroad = await failure(stockOf(node).ledger.transfer(keStaff, { from: 'KE-nrh', to: 'UG-cms', product: 'ors', quantity: 5 }));
    expect(abroad.code).toBe('STOCK_TRANSFER_CROSS_BORDER');
  });

  it('corrects a count with a signed adjustment and keeps the ledger append-only', async () => {
    const adjusted = await stockOf(node).ledger.adjust(keStaff, store, { product: 'ors', lot: 'ORS-LATE', quantity: -2, reason: 'count found two fewer' });
    expect(adjusted.entries[0]).toMatchObject({ kind: 'adjustment', quantity: -2, balance: 33 });
    await expect(node.db.query('UPDATE stock_entries SET quantity = 1')).rejects.toThrow(/append-only/);
    await expect(node.db.query('DELETE FROM stock_entries')).rejects.toThrow(/append-only/);
  });

  it('derives every balance from the ledger and says so', async () => {
    const report = await stockOf(node).ledger.verify();
    expect(report).toMatchObject({ ok: true, mismatches: [], replayError: null, replayDiffers: [] });
    expect(report.entries).toBeGreaterThan(5);
    // A balance edited behind the ledger's back is caught.
    await node.db.query(`UPDATE stock_balances SET quantity = quantity + 1 WHERE store = 'KE-nrh' AND lot = 'ORS-LATE'`);
    const broken = await stockOf(node).ledger.verify();
    expect(broken.ok).toBe(false);
    expect(broken.mismatches).toEqual([expect.objectContaining({ store: 'KE-nrh', lot: 'ORS-LATE' })]);
    await node.db.query(`UPDATE stock_balances SET quantity = quantity - 1 WHERE store = 'KE-nrh' AND lot = 'ORS-LATE'`);
  });

  it('writes one audit row per movement', async () => {
    const rows = await node.services.audit.search(node.db, { entityType: 'stock-movement', limit: 100 } as never);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['stock.received', 'stock.issued', 'stock.lost', 'stock.transferred', 'stock.adjusted']));
  });
});

describe('movements at the same time', () => {
  it('lets exactly as many concurrent issues through as the lot can bear', async () => {
    const ledger = stockOf(node).ledger;
    await ledger.receive(keStaff, 'KE-rh', { product: 'ringer-lactate', lot: 'RL-RACE', expiry: '2027-01-31', quantity: 50 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => ledger.issue(keStaff, 'KE-rh', { product: 'ringer-lactate', quantity: 10 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
    expect(refusals).toEqual(Array(5).fill('STOCK_INSUFFICIENT'));
    const lots = (await ledger.lots(keStaff, 'KE-rh', 'ringer-lactate')).lots;
    expect(lots.find((l) => l.lot === 'RL-RACE')).toBeUndefined();
  });

  it('completes transfers both ways between two stores at once', async () => {
    const ledger = stockOf(node).ledger;
    await ledger.receive(keStaff, 'KE-rh', { product: 'ceftriaxone-1g', lot: 'CF-1', expiry: '2027-01-31', quantity: 100 });
    await ledger.receive(keStaff, 'KE-cms', { product: 'ceftriaxone-1g', lot: 'CF-2', expiry: '2027-02-28', quantity: 100 });
    const moves = Array.from({ length: 8 }, (_, i) =>
      ledger.transfer(keStaff, i % 2 ? { from: 'KE-rh', to: 'KE-cms', product: 'ceftriaxone-1g', quantity: 5 } : { from: 'KE-cms', to: 'KE-rh', product: 'ceftriaxone-1g', quantity: 5 }),
    );
    const results = await Promise.allSettled(moves);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('fulfilled'));
    expect((await ledger.verify()).ok).toBe(true);
  });
});

