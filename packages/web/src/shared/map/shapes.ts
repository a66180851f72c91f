import { geoArea } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Country shapes as the node serves them (GET /api/v1/region/geo): Natural
 * Earth 1:50m via world-atlas, as TopoJSON with one GeometryCollection
 * `countries`. Partner states carry their jurisdiction code; neighbours come
 * as grey context with code null.
 */
export interface ShapeProperties {
  code: string | null;
  role: 'party' | 'context';
  nameEn: string;
  nameFr: string;
}

export interface MapShape {
  id: string;
  code: string | null;
  role: 'party' | 'context';
  name: { en: string; fr: string };
  feature: Feature<Geometry, ShapeProperties>;
  /** Surface in km², from the shape itself (see areaKm2). */
  areaKm2: number;
}

export type RegionTopology = Topology<{ countries: GeometryCollection<ShapeProperties> }>;

/** The mean Earth radius R1 of the IUGG (Moritz, Geodetic Reference System 1980), in km. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * d3's geoArea gives the spherical area in steradians; times R² it is km².
 * On a sphere and from 1:50m outlines this lands within a few percent of
 * official land areas — good for a density map, not for a statistics table.
 */
export const areaKm2 = (shape: Feature): number => geoArea(shape) * EARTH_RADIUS_KM * EARTH_RADIUS_KM;

export const shapesFromTopology = (topology: RegionTopology): MapShape[] => {
  const collection = feature(topology, topology.objects.countries);
  return collection.features.map((f) => {
    const properties = f.properties;
    return {
      id: String(f.id),
      code: properties.code,
      role: properties.role,
      name: { en: properties.nameEn, fr: properties.nameFr },
      feature: f,
      areaKm2: areaKm2(f),
    };
  });
};
