import { api } from '../../shared/api/client.ts';
import type { Region } from '../../shared/api/types.ts';
import { shapesFromTopology, type MapShape } from '../../shared/map/shapes.ts';
import { regionApi } from './region.api.ts';

export interface RegionMapData {
  region: Region;
  shapes: MapShape[];
}

/** The parties and their shapes, which the map, country and public pages all draw from. */
export const loadRegionMapData = async (signal?: AbortSignal): Promise<RegionMapData> => {
  const region = regionApi(api);
  const [parties, topology] = await Promise.all([region.region(signal), region.geo(signal)]);
  return { region: parties, shapes: shapesFromTopology(topology) };
};

export const jurisdictionName = (j: { nameEn: string; nameFr: string }, language: string) => (language === 'fr' ? j.nameFr : j.nameEn);
