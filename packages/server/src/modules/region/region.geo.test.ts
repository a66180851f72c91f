import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildRegionTopology,
  dissolvePolygons,
  polygonsOf,
  readWorldTopology,
  regionGeoCache,
  subsetTopology,
  type ArcRef,
  type Topology,
} from './region.geo.ts';

/**
 * A rows × cols grid of unit squares, one polygon per cell, every edge one
 * arc shared by the cells on either side (as in TopoJSON). Rings run
 * clockwise in x-right, y-up coordinates, as Natural Earth's exteriors do.
 */
const grid = (rows: number, cols: number) => {
  const arcs: number[][][] = [];
  const horizontal = new Map<string, number>();
  const vertical = new Map<string, number>();
  const h = (x: number, y: number) => {
    const key = `${x},${y}`;
    if (!horizontal.has(key)) horizontal.set(key, arcs.push([[x, y], [x + 1, y]]) - 1);
    return horizontal.get(key)!;
  };
  const v = (x: number, y: number) => {
    const key = `${x},${y}`;
    if (!vertical.has(key)) vertical.set(key, arcs.push([[x, y], [x, y + 1]]) - 1);
    return vertical.get(key)!;
  };
  const polygons: ArcRef[][][] = [];
  for (let y = 0; y < rows; y += 1) {
    for (let x = 0; x < cols; x += 1) {
      // (x,y) → up the left side → along the top → down the right side → back along the bottom.
      polygons.push([[v(x, y), h(x, y + 1), ~v(x + 1, y), ~h(x, y)]]);
    }
  }
  const topology: Topology = { type: 'Topology', arcs, objects: {} };
  return { topology, polygons };
};

/** Decodes a ring into its absolute positions, to check it closes. */
const ringPositions = (topology: Topology, ring: ArcRef[]) =>
  ring.flatMap((ref) => {
    const arc = topology.arcs[ref < 0 ? ~ref : ref]!;
    let positions = arc;
    if (topology.transform) {
      let x = 0;
      let y = 0;
      positions = arc.map(([dx, dy]) => [(x += dx!), (y += dy!)]);
    }
    return ref < 0 ? [...positions].reverse() : positions;
  });

describe('dissolvePolygons', () => {
  it('merges a whole grid of cells into one closed ring along its outline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (rows, cols) => {
        const { topology, polygons } = grid(rows, cols);
        const merged = dissolvePolygons(topology, polygons);
        expect(merged).toHaveLength(1);
        const ring = merged[0]![0]!;
        expect(ring).toHaveLength(2 * (rows + cols));
        const positions = ringPositions(topology, ring);
        expect(positions[0]).toEqual(positions.at(-1));
        // Every step of the outline is a unit edge on the grid's border.
        for (const [x, y] of positions) expect(x === 0 || x === cols || y === 0 || y === rows).toBe(true);
      }),
    );
  });

  it('keeps apart polygons that share no border', () => {
    const { topology, polygons } = grid(1, 3);
    const merged = dissolvePolygons(topology, [polygons[0]!, polygons[2]!]);
    expect(merged).toHaveLength(2);
    expect(merged.map((p) => p[0]!.length)).toEqual([4, 4]);
  });

  it('follows delta-encoded (quantized) arcs', () => {
    // Two squares side by side; arc 0 is the shared edge x=1.
    const topology: Topology = {
      type: 'Topology',
      transform: { scale: [1, 1], translate: [0, 0] },
      arcs: [
        [[1, 0], [0, 1]],
        [[1, 1], [-1, 0], [0, -1], [1, 0]],
        [[1, 0], [1, 0], [0, 1], [-1, 0]],
      ],
      objects: {},
    };
    const merged = dissolvePolygons(topology, [[[0, 1]], [[~0, 2]]]);
    expect(merged).toEqual([[[1, 2]]]);
    const positions = ringPositions(topology, merged[0]![0]!);
    expect(positions[0]).toEqual(positions.at(-1));
  });

  it('refuses polygons with holes rather than misplace a hole', () => {
    const { topology, polygons } = grid(1, 1);
    expect(() => dissolvePolygons(topology, [[polygons[0]![0]!, [0]]])).toThrow(/holes/);
  });
});

describe('subsetTopology', () => {
  it('keeps only the arcs in use, renumbered, with their directions', () => {
    const { topology, polygons } = grid(1, 2);
    const out = subsetTopology(topology, [{ type: 'Polygon', arcs: polygons[1]! }], 'cells');
    expect(out.arcs).toHaveLength(4);
    const ring = (out.objects.cells!.geometries[0]! as { arcs: ArcRef[][] }).arcs[0]!;
    expect(ring.map((ref) => (ref < 0 ? 'reversed' : 'forward'))).toEqual(['forward', 'forward', 'reversed', 'reversed']);
    expect(ringPositions(out, ring)).toEqual(ringPositions(topology, polygons[1]![0]!));
  });
});

describe('the EAC region from Natural Earth', () => {
  const EAC = [
    ['BI', '108'],
    ['CD', '180'],
    ['KE', '404'],
    ['RW', '646'],
    ['SO', '706'],
    ['SS', '728'],
    ['TZ', '834'],
    ['UG', '800'],
  ].map(([code, isoNumeric]) => ({ code: code!, isoNumeric: isoNumeric! }));
  let world: Topology;
  let region: Topology;
  beforeAll(async () => {
    world = await readWorldTopology();
    region = buildRegionTopology(world, EAC);
  });

  const geometries = () => region.objects.countries!.geometries;
  const codeOf = (g: { properties?: Record<string, unknown> }) => g.properties?.code;

  it('has every partner state, by its jurisdiction code', () => {
    const parties = geometries().filter((g) => g.properties?.role === 'party');
    expect(parties.map(codeOf).sort()).toEqual(EAC.map((p) => p.code).sort());
  });

  it('adds the countries that border a partner state as context, and no others', () => {
    const context = geometries().filter((g) => g.properties?.role === 'context');
    const ids = context.map((g) => g.id);
    // Ethiopia, Zambia, Sudan, the Central African Republic, Djibouti (beside Somaliland).
    expect(ids).toEqual(expect.arrayContaining(['231', '894', '729', '140', '262']));
    // Nigeria and Egypt border no partner state.
    expect(ids).not.toContain('566');
    expect(ids).not.toContain('818');
    expect(context.every((g) => codeOf(g) === null)).toBe(true);
  });

  it('dissolves Somaliland into Somalia without an inner border', () => {
    const somalia = geometries().find((g) => g.id === '706')!;
    const worldSomalia = world.objects.countries!.geometries.find((g) => g.id === '706')!;
    const somaliland = world.objects.countries!.geometries.find((g) => g.properties?.name === 'Somaliland')!;
    expect(geometries().some((g) => g.properties?.nameEn === 'Somaliland')).toBe(false);
    // Mainland Somalia plus Somaliland become one ring.
    expect(polygonsOf(somalia)).toHaveLength(polygonsOf(worldSomalia).length + polygonsOf(somaliland).length - 1);
  });

  it('carries only the arcs it uses, a small part of the world file', () => {
    const used = new Set(geometries().flatMap((g) => polygonsOf(g).flat(2).map((ref) => (ref < 0 ? ~ref : ref))));
    expect(used.size).toBe(region.arcs.length);
    expect(Math.max(...used)).toBe(region.arcs.length - 1);
    expect(JSON.stringify(region).length).toBeLessThan(JSON.stringify(world).length / 10);
  });

  it('names every shape in English and French', () => {
    const kenya = geometries().find((g) => codeOf(g) === 'KE')!;
    expect(kenya.properties).toMatchObject({ nameEn: 'Kenya', nameFr: 'Kenya' });
    const ethiopia = geometries().find((g) => g.id === '231')!;
    expect(ethiopia.properties).toMatchObject({ nameEn: 'Ethiopia', nameFr: 'Éthiopie' });
  });
});

describe('regionGeoCache', () => {
  it('reads the world once for the same parties and again when they change', async () => {
    let reads = 0;
    const world = await readWorldTopology();
    const geo = regionGeoCache(async () => {
      reads += 1;
      return world;
    });
    const kenya = [{ code: 'KE', isoNumeric: '404' }];
    const first = await geo(kenya);
    expect(await geo(kenya)).toBe(first);
    expect(reads).toBe(1);
    await geo([...kenya, { code: 'UG', isoNumeric: '800' }]);
    expect(reads).toBe(2);
  });

  it('tries again after a failed read', async () => {
    let attempt = 0;
    const geo = regionGeoCache(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('disk hiccup');
      return readWorldTopology();
    });
    await expect(geo([{ code: 'KE', isoNumeric: '404' }])).rejects.toThrow('disk hiccup');
    expect(JSON.parse(await geo([{ code: 'KE', isoNumeric: '404' }])).type).toBe('Topology');
  });
});
