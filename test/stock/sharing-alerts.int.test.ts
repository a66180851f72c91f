import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestNode, type TestNode } from '../support/test-node.ts';

/**
 * The cholera release condition read the real way: the alert level comes
 * from an open event in the events context (through the pact's
 * DecisionFacts port as wired in the node), not from a test double.
 */
let node: TestNode;
let nfpKe: { authorization: string };

beforeAll(async () => {
  node = await startTestNode();
  nfpKe = await node.signIn(demoEmail('nfp.ke'));
});
afterAll(() => node.close());

const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const response = await node.app.inject({ method, url: `/api/v1${url}`, headers: nfpKe, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
};
const ask = () => call('POST', '/stock/requests', { product: 'oral-cholera-vaccine', quantity: 1000, from: 'UG', reason: 'cholera in Kisumu' });

describe('a sharing request under the alert level of a real event', () => {
  let eventId: string;

  it('is refused while Kenya has no cholera event', async () => {
    expect((await call('GET', '/events/alerts')).body.alerts.KE?.cholera).toBeUndefined();
    expect((await ask()).body.code).toBe('STOCK_REQUEST_NOT_PERMITTED');
  });

  it('is refused at alert level 1 (a low risk)', async () => {
    const opened = await call('POST', '/events', { title: 'Cholera cluster in Kisumu', disease: 'cholera', area: 'KE-17', detectionDate: '2026-01-04' });
    expect(opened.status).toBe(201);
    eventId = opened.body.id;
    expect((await call('POST', `/events/${eventId}/verify`, { outcome: 'confirmed' })).status).toBe(200);
    expect((await call('POST', `/events/${eventId}/risk-assessments`, { likelihood: 'likely', consequences: 'minimal' })).status).toBe(201);
    expect((await call('GET', '/events/alerts')).body.alerts.KE.cholera).toBe(1);
    const refused = await ask();
    expect(refused).toMatchObject({ status: 403, body: { code: 'STOCK_REQUEST_NOT_PERMITTED' } });
    expect(refused.body.params.reasons.join(' ')).toMatch(/release condition/);
  });

  it('is opened once the risk assessment raises Kenya to alert level 2', async () => {
    expect((await call('POST', `/events/${eventId}/risk-assessments`, { likelihood: 'likely', consequences: 'minor' })).status).toBe(201);
    expect((await call('GET', '/events/alerts')).body.alerts.KE.cholera).toBe(2);
    const opened = await ask();
    expect(opened).toMatchObject({ status: 201, body: { status: 'pending', clauseId: 'cholera-stockpile', borrower: 'KE', lender: 'UG' } });
  });
});
