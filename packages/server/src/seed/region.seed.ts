import countries from 'i18n-iso-countries';
import { iso31662 } from 'iso-3166';
import { seededRandom } from '@concord/core';
import { regionRepo, type Facility } from '../modules/region/index.ts';
import { BORDER_CROSSINGS, EAC_HUB, EAC_PARTIES, POPULATION_SOURCE, POPULATION_YEAR, type City } from './eac-region.ts';
import type { SeedStep } from './runner.ts';

const nameOf = (code: string, lang: 'en' | 'fr') => countries.getName(code, lang) ?? code;

/** Facilities are synthetic; names say so, and each stands in a real city. */
const hospital = (party: string, id: string, name: string, city: City, services: string[], beds: number, level: string): Facility => ({
  id: `${party}-${id}`,
  jurisdiction: party,
  area: city.area,
  name: `${name}, ${city.name} (synthetic)`,
  kind: 'hospital',
  level,
  latitude: city.latitude,
  longitude: city.longitude,
  services,
  beds,
  synthetic: true,
});

export const regionSeed: SeedStep = {
  name: 'region',
  version: 1,
  description: 'EAC partner states, ISO 3166-2 areas and synthetic facilities',
  async run(tx) {
    const random = seededRandom('demo-region/areas');
    await regionRepo.insertJurisdiction(tx, {
      code: EAC_HUB.code,
      kind: 'hub',
      nameEn: EAC_HUB.nameEn,
      nameFr: EAC_HUB.nameFr,
      iso3: null,
      isoNumeric: null,
      population: EAC_PARTIES.reduce((sum, party) => sum + party.population, 0),
      populationYear: POPULATION_YEAR,
      populationSource: `${POPULATION_SOURCE} (sum of partner states)`,
      languages: ['en', 'fr', 'sw'],
    });
    let areas = 0;
    const facilities: Facility[] = [];
    for (const party of EAC_PARTIES) {
      await regionRepo.insertJurisdiction(tx, {
        code: party.code,
        kind: 'party',
        nameEn: nameOf(party.code, 'en'),
        nameFr: nameOf(party.code, 'fr'),
        iso3: countries.alpha2ToAlpha3(party.code) ?? null,
        isoNumeric: countries.alpha2ToNumeric(party.code) ?? null,
        population: party.population,
        populationYear: POPULATION_YEAR,
        populationSource: POPULATION_SOURCE,
        languages: party.languages,
      });
      // Area populations are synthetic shares of the real national total.
      const subdivisions = iso31662.filter((s) => s.parent === party.code);
      const weights = subdivisions.map(() => 0.4 + random.next() * 1.2);
      const total = weights.reduce((a, b) => a + b, 0);
      for (const [i, s] of subdivisions.entries()) {
        await regionRepo.insertArea(tx, {
          code: s.code,
          jurisdiction: party.code,
          name: s.name,
          level: 1,
          population: Math.round((party.population * weights[i]!) / total),
          syntheticPopulation: true,
        });
        areas += 1;
      }
      facilities.push(
        hospital(party.code, 'nrh', 'National Referral Hospital', party.capital, ['general', 'icu', 'dialysis', 'oncology', 'burns', 'neonatal', 'isolation'], 600, 'national'),
        hospital(party.code, 'rh', 'Regional Hospital', party.secondCity, ['general', 'icu', 'neonatal', 'isolation'], 250, 'regional'),
        {
          ...hospital(party.code, 'nphl', 'National Public Health Laboratory', party.capital, ['laboratory', 'bsl3'], 0, 'national'),
          kind: 'laboratory',
          beds: null,
        },
        {
          ...hospital(party.code, 'cms', 'Central Medical Store', party.capital, ['storage', 'cold-chain'], 0, 'national'),
          kind: 'store',
          beds: null,
        },
      );
    }
    for (const crossing of BORDER_CROSSINGS) {
      for (const [i, party] of crossing.parties.entries()) {
        facilities.push({
          id: `${party}-poe-${crossing.name.toLowerCase()}`,
          jurisdiction: party,
          area: crossing.areas[i]!,
          name: `${crossing.name} point of entry health post (synthetic)`,
          kind: 'point-of-entry',
          level: 'border',
          latitude: crossing.latitude,
          longitude: crossing.longitude,
          services: ['screening', 'isolation'],
          beds: 10,
          synthetic: true,
        });
      }
    }
    facilities.push({
      id: 'EAC-rs',
      jurisdiction: EAC_HUB.code,
      area: EAC_HUB.seat.area,
      name: `EAC Regional Stockpile, ${EAC_HUB.seat.name} (synthetic)`,
      kind: 'store',
      level: 'regional',
      latitude: EAC_HUB.seat.latitude,
      longitude: EAC_HUB.seat.longitude,
      services: ['storage', 'cold-chain', 'ultra-cold-chain'],
      beds: null,
      synthetic: true,
    });
    for (const facility of facilities) await regionRepo.insertFacility(tx, facility);
    return { parties: EAC_PARTIES.length, areas, facilities: facilities.length };
  },
};
