import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * What the fuzz (fuzz.int.test.ts) found, pinned down so it stays fixed:
 * each case once answered a 5xx or left a write behind for a body that
 * should have been refused.
 */
let node: TestNode;
let nfp: { authorization: string };
beforeAll(async () => {
  node = await startTestNode();
  nfp = await node.signIn(demoEmail('nfp.ke'));
});
afterAll(() => node.close());

const auditHead = async () => Number((await node.db.query<{ seq: string }>('SELECT max(seq) AS seq FROM audit_log'))[0]?.seq ?? 0);

describe('fuzz findings', () => {
  it('refuses a line-list upload that is not text/csv with 415, instead of failing on the parsed body (was a 500)', async () => {
    for (const [contentType, payload] of [
      ['text/plain', '{}'],
      ['application/json', '{"clientId":"x"}'],
    ] as const) {
      const response = await node.app.inject({ method: 'POST', url: '/api/v1/surveillance/cases/csv', headers: { ...nfp, 'content-type': contentType }, payload });
      expect(response.statusCode, response.body).toBe(415);
      expect(response.json()).toMatchObject({ code: 'SURV_CSV_EXPECTED', requestId: response.headers['x-request-id'] });
    }
  });

  it('refuses an empty cold-chain CSV, or a header alone, and writes no audit row (was a 201 recording nothing)', async () => {
    const before = await auditHead();
    for (const payload of ['', 'device,time,celsius\n', '\n\n']) {
      const response = await node.app.inject({ method: 'POST', url: '/api/v1/stock/cold-chain/readings/csv', headers: { ...nfp, 'content-type': 'text/csv' }, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'STOCK_CSV_INVALID', params: { line: 1 } });
    }
    expect(await auditHead()).toBe(before);
  });

  it('refuses unknown fields in a detection run (a misspelt field ran detection over everything), and still runs on {}', async () => {
    const before = await auditHead();
    const misspelt = await node.app.inject({ method: 'POST', url: '/api/v1/surveillance/detection/run', headers: nfp, payload: { diseas: 'cholera' } });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().code).toBe('VALIDATION_FAILED');
    expect(await auditHead()).toBe(before);

    const empty = await node.app.inject({ method: 'POST', url: '/api/v1/surveillance/detection/run', headers: nfp, payload: {} });
    expect(empty.statusCode, empty.body).toBe(200);
  });
});
