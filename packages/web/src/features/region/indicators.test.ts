import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json';
import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../../shared/api/types.ts';
import { areaKm2, type MapShape, type ShapeProperties } from '../../shared/map/shapes.ts';
import { highestAlertByParty } from '../events/alerts-indicator.ts';
import { incidenceByParty } from '../surveillance/incidence-indicator.ts';
import { densityByParty, indicatorById, populationByParty, REGION_INDICATORS } from './indicators.ts';

const countries = feature(world as unknown as Topology, (world as unknown as Topology).objects.countries as GeometryCollection);
const shapeOf = (isoNumeric: string) => countries.features.find((f) => f.id === isoNumeric)!;

const party = (code: string, population: number | null): Jurisdiction => ({
  code,
  kind: 'party',
  nameEn: code,
  nameFr: code,
  iso3: null,
  isoNumeric: null,
  population,
  populationYear: 2023,
  populationSource: 'test',
  languages: [],
});

const mapShape = (code: string, area: number): MapShape => ({
  id: code,
  code,
  role: 'party',
  name: { en: code, fr: code },
  feature: { type: 'Feature', properties: { code, role: 'party', nameEn: code, nameFr: code }, geometry: { type: 'Point', coordinates: [0, 0] } } as Feature<Geometry, ShapeProperties>,
  areaKm2: area,
});

describe('areas measured on Natural Earth outlines', () => {
  // Official areas (km², land and inland water): Kenya 580,367; Rwanda 26,338; Tanzania 947,303.
  it.each([
    ['404', 580_367],
    ['646', 26_338],
    ['834', 947_303],
  ])('land within 5 %% of the official area for %s', (isoNumeric, official) => {
    const area = areaKm2(shapeOf(isoNumeric));
    expect(Math.abs(area - official) / official).toBeLessThan(0.05);
  });
});

describe('region indicators', () => {
  it('divides population by area for density, and has no value without either', () => {
    const density = densityByParty([party('KE', 1_000_000), party('RW', null), party('XX', 10)], [mapShape('KE', 500), mapShape('RW', 20)]);
    expect(density).toEqual({ KE: 2000, RW: null, XX: null });
  });

  it('reads population as given', () => {
    expect(populationByParty([party('KE', 55_100_586), party('SO', null)])).toEqual({ KE: 55_100_586, SO: null });
  });

  it('reads each party’s weekly cholera incidence from the node’s indicators, and none where it has none', () => {
    const indicators = { 'cholera-weekly-incidence-per-100k.SS': 6.08, 'cholera-weekly-incidence-per-100k.KE': 0, 'events-meeting-7-1-7-share.KE': 0.5 };
    expect(incidenceByParty(indicators, [party('SS', 1), party('KE', 1), party('SO', null)])).toEqual({ SS: 6.08, KE: 0, SO: null });
  });

  it('takes the highest alert level among a party’s open events, 0 with none open', () => {
    const alerts = { CD: { mpox: 3, cholera: 1 }, KE: { measles: 2 } };
    expect(highestAlertByParty(alerts, [party('CD', 1), party('KE', 1), party('RW', 1)])).toEqual({ CD: 3, KE: 2, RW: 0 });
  });

  it('has distinct ids and falls back to the first for an unknown one', () => {
    expect(new Set(REGION_INDICATORS.map((i) => i.id)).size).toBe(REGION_INDICATORS.length);
    expect(indicatorById('nonsense')).toBe(REGION_INDICATORS[0]);
    expect(indicatorById('population').id).toBe('population');
  });
});
