import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

/**
 * The region's map: country shapes from Natural Earth (public domain), in
 * the TopoJSON build of the `world-atlas` package (countries-50m.json,
 * https://github.com/topojson/world-atlas). The dashboard draws the partner
 * states in colour and their land neighbours in grey; the whole world file
 * (~750 KB) never reaches the browser, only the arcs these countries use.
 *
 * TopoJSON (https://github.com/topojson/topojson-specification): shapes are
 * rings of shared "arcs"; ring entry `i` is arc i, `~i` (= -i-1) is arc i
 * walked backwards. With a `transform`, arc positions are quantized integers
 * stored as deltas from the previous position.
 */
export type ArcRef = number;
type Position = number[];

interface GeometryBase {
  id?: string | number;
  properties?: Record<string, unknown>;
}
export type TopoGeometry =
  | (GeometryBase & { type: 'Polygon'; arcs: ArcRef[][] })
  | (GeometryBase & { type: 'MultiPolygon'; arcs: ArcRef[][][] })
  | (GeometryBase & { type: string; arcs?: unknown });

export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: Position[][];
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
  bbox?: number[];
}

export interface RegionShapeProperties {
  /** The jurisdiction code (ISO 3166-1 alpha-2) of a partner state; null for a neighbour shown as context. */
  code: string | null;
  role: 'party' | 'context';
  nameEn: string;
  nameFr: string;
}

const arcIndex = (ref: ArcRef) => (ref < 0 ? ~ref : ref);

/** The polygons of a geometry as rings of arc references (other geometry kinds have none). */
export const polygonsOf = (geometry: TopoGeometry): ArcRef[][][] => {
  if (geometry.type === 'Polygon') return [geometry.arcs as ArcRef[][]];
  if (geometry.type === 'MultiPolygon') return geometry.arcs as ArcRef[][][];
  return [];
};

const arcIndexesOf = (geometry: TopoGeometry): Set<number> =>
  new Set(polygonsOf(geometry).flat(2).map(arcIndex));

/** Start and end of an arc reference, as exact keys (quantized integers compare exactly). */
const endpointKeys = (topology: Topology, ref: ArcRef): [string, string] => {
  const arc = topology.arcs[arcIndex(ref)];
  if (!arc || arc.length === 0) throw new Error(`arc ${arcIndex(ref)} is missing from the topology`);
  const first = arc[0]!;
  let last = arc[arc.length - 1]!;
  if (topology.transform) {
    // Delta-encoded: the absolute end is the running sum of every position.
    let x = 0;
    let y = 0;
    for (const position of arc) {
      x += position[0]!;
      y += position[1]!;
    }
    last = [x, y];
  }
  const keys: [string, string] = [`${first[0]},${first[1]}`, `${last[0]},${last[1]}`];
  return ref < 0 ? [keys[1], keys[0]] : keys;
};

/**
 * Dissolves adjacent polygons into one shape: every border arc walked in
 * both directions (once by each side) is interior and dropped, and the
 * remaining arcs are stitched end to start into rings. Polygons with holes
 * are refused, because a hole would have to be re-attached to the right
 * ring; the shapes merged here (Somalia, Somaliland) have none.
 */
export const dissolvePolygons = (topology: Topology, polygons: ArcRef[][][]): ArcRef[][][] => {
  if (polygons.some((polygon) => polygon.length !== 1)) throw new Error('dissolving polygons with holes is not supported');
  const pending: ArcRef[] = [];
  for (const ref of polygons.flatMap((polygon) => polygon[0]!)) {
    const opposite = pending.indexOf(~ref);
    if (opposite >= 0) pending.splice(opposite, 1);
    else pending.push(ref);
  }
  const ends = pending.map((ref) => endpointKeys(topology, ref));
  const used = pending.map(() => false);
  const rings: ArcRef[][][] = [];
  for (let start = 0; start < pending.length; start += 1) {
    if (used[start]) continue;
    const ring: ArcRef[] = [];
    const origin = ends[start]![0];
    let current = start;
    for (;;) {
      used[current] = true;
      ring.push(pending[current]!);
      const to = ends[current]![1];
      if (to === origin) break;
      const next = ends.findIndex((end, i) => !used[i] && end[0] === to);
      if (next < 0) throw new Error('the polygons do not close into rings');
      current = next;
    }
    rings.push([ring]);
  }
  return rings;
};

/** Keeps only the arcs the geometries use, renumbered, so the output carries nothing else. */
export const subsetTopology = (topology: Topology, geometries: TopoGeometry[], objectName: string): Topology => {
  const renumbered = new Map<number, number>();
  const arcs: Position[][] = [];
  const mapRef = (ref: ArcRef): ArcRef => {
    const index = arcIndex(ref);
    let target = renumbered.get(index);
    if (target === undefined) {
      target = arcs.length;
      renumbered.set(index, target);
      arcs.push(topology.arcs[index]!);
    }
    return ref < 0 ? ~target : target;
  };
  const mapped = geometries.map((geometry) => {
    if (geometry.type === 'Polygon') return { ...geometry, arcs: (geometry.arcs as ArcRef[][]).map((ring) => ring.map(mapRef)) };
    if (geometry.type === 'MultiPolygon') {
      return { ...geometry, arcs: (geometry.arcs as ArcRef[][][]).map((polygon) => polygon.map((ring) => ring.map(mapRef))) };
    }
    return geometry;
  });
  return {
    type: 'Topology',
    ...(topology.transform ? { transform: topology.transform } : {}),
    arcs,
    objects: { [objectName]: { type: 'GeometryCollection', geometries: mapped } },
  };
};

const SOMALIA = '706';

/**
 * Natural Earth draws Somaliland as its own feature with no ISO code (it is
 * not a UN member state). Concord maps by ISO 3166-1 numeric code, and for
 * the EAC it is part of Somalia, a partner state since 2024; left apart it
 * would show as a blank hole in Somalia. So it is dissolved into Somalia.
 */
export const mergeSomaliland = (topology: Topology, geometries: TopoGeometry[]): TopoGeometry[] => {
  const somaliland = geometries.find((g) => g.id === undefined && g.properties?.name === 'Somaliland');
  const somalia = geometries.find((g) => String(g.id) === SOMALIA);
  if (!somaliland || !somalia) return geometries;
  const merged: TopoGeometry = {
    type: 'MultiPolygon',
    id: somalia.id,
    properties: somalia.properties,
    arcs: dissolvePolygons(topology, [...polygonsOf(somalia), ...polygonsOf(somaliland)]),
  };
  return geometries.filter((g) => g !== somaliland).map((g) => (g === somalia ? merged : g));
};

const name = (isoNumeric: string, lang: 'en' | 'fr', fallback: string) => {
  const alpha2 = countries.numericToAlpha2(isoNumeric);
  return (alpha2 && countries.getName(alpha2, lang)) || fallback;
};

/**
 * The partner states (by ISO 3166-1 numeric code) and every country sharing
 * a border arc with one of them, as one GeometryCollection `countries`.
 */
export const buildRegionTopology = (world: Topology, parties: readonly { code: string; isoNumeric: string }[]): Topology => {
  const source = world.objects.countries;
  if (!source) throw new Error('the world topology has no "countries" object');
  const geometries = mergeSomaliland(world, source.geometries);
  const partyCodes = new Map(parties.map((p) => [p.isoNumeric, p.code]));
  const partyShapes = geometries.filter((g) => g.id !== undefined && partyCodes.has(String(g.id)));
  const partyArcs = new Set(partyShapes.flatMap((g) => [...arcIndexesOf(g)]));
  const neighbours = geometries.filter(
    (g) => g.id !== undefined && !partyCodes.has(String(g.id)) && [...arcIndexesOf(g)].some((i) => partyArcs.has(i)),
  );
  const withProperties = [...partyShapes, ...neighbours].map((g): TopoGeometry => {
    const id = String(g.id);
    const naturalEarthName = String(g.properties?.name ?? id);
    const properties: RegionShapeProperties = {
      code: partyCodes.get(id) ?? null,
      role: partyCodes.has(id) ? 'party' : 'context',
      nameEn: name(id, 'en', naturalEarthName),
      nameFr: name(id, 'fr', naturalEarthName),
    };
    return { ...g, id, properties: { ...properties } };
  });
  return subsetTopology(world, withProperties, 'countries');
};

/** Reads Natural Earth 1:50m countries from the world-atlas package. */
export const readWorldTopology = async (): Promise<Topology> => {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  return JSON.parse(await readFile(path, 'utf8')) as Topology;
};

/**
 * Builds the region's topology once per set of parties and keeps the
 * serialised JSON: the world file is read and parsed only on the first call.
 */
export const regionGeoCache = (readWorld: () => Promise<Topology> = readWorldTopology) => {
  let cached: { key: string; json: Promise<string> } | undefined;
  return (parties: readonly { code: string; isoNumeric: string }[]): Promise<string> => {
    const key = parties.map((p) => `${p.code}:${p.isoNumeric}`).sort().join(',');
    if (cached?.key !== key) {
      const json = readWorld().then((world) => JSON.stringify(buildRegionTopology(world, parties)));
      // A failed read is not cached, so the next request tries again.
      json.catch(() => {
        if (cached?.json === json) cached = undefined;
      });
      cached = { key, json };
    }
    return cached.json;
  };
};
