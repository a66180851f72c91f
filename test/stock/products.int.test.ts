import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_IDS } from '@concord/core';
import { startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

describe('GET /api/v1/stock/products', () => {
  it('lists the catalogue without sign-in, with names in both languages, GTIN and storage range', async () => {
    const response = await node.app.inject({ url: '/api/v1/stock/products' });
    expect(response.statusCode).toBe(200);
    const { products } = response.json() as { products: Record<string, unknown>[] };
    expect(products.map((p) => p.id)).toEqual([...PRODUCT_IDS]);
    expect(products.find((p) => p.id === 'oral-cholera-vaccine')).toEqual({
      id: 'oral-cholera-vaccine',
      name: { en: 'Oral cholera vaccine (1-dose)', fr: 'Vaccin anticholérique oral (1 dose)' },
      category: 'vaccine',
      gtin: '02000001000038',
      atc: 'J07AE01',
      unit: 'dose',
      storage: { minC: 2, maxC: 8 },
      coldChain: true,
      vvm: 'VVM30',
    });
    expect(products.find((p) => p.id === 'ebola-vaccine')).toMatchObject({ storage: { minC: -80, maxC: -60 }, vvm: null });
  });

  it('answers a method it does not serve with the error shape, not a 5xx', async () => {
    const response = await node.app.inject({ method: 'POST', url: '/api/v1/stock/products', payload: {} });
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json()).toHaveProperty('code');
  });
});
