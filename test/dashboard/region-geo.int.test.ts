import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

interface Geometry {
  type: string;
  id: string;
  arcs: unknown;
  properties: { code: string | null; role: string; nameEn: string; nameFr: string };
}

describe('GET /api/v1/region/geo', () => {
  it('answers without sign-in with the partner states by jurisdiction code and their neighbours', async () => {
    const response = await node.app.inject({ url: '/api/v1/region/geo' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const topology = response.json() as { type: string; arcs: unknown[]; objects: { countries: { geometries: Geometry[] } } };
    expect(topology.type).toBe('Topology');
    const geometries = topology.objects.countries.geometries;
    const parties = geometries.filter((g) => g.properties.role === 'party');
    expect(parties.map((g) => g.properties.code).sort()).toEqual(['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG']);
    // Mapped through the jurisdictions table's ISO 3166-1 numeric codes.
    expect(parties.find((g) => g.properties.code === 'KE')!.id).toBe('404');
    expect(geometries.filter((g) => g.properties.role === 'context').length).toBeGreaterThan(0);
    expect(geometries.some((g) => g.properties.nameEn === 'Somaliland')).toBe(false);
  });

  it('gives the same answer twice (built once, then cached)', async () => {
    const first = await node.app.inject({ url: '/api/v1/region/geo' });
    const second = await node.app.inject({ url: '/api/v1/region/geo' });
    expect(second.body).toBe(first.body);
  });

  it('is listed in the OpenAPI document as a public region route', async () => {
    const spec = (await node.app.inject({ url: '/openapi.json' })).json();
    expect(spec.paths['/api/v1/region/geo']?.get?.tags).toEqual(['region']);
  });
});
