import type { Queryable } from '../../db/database.ts';

export interface Jurisdiction {
  code: string;
  kind: 'party' | 'hub';
  nameEn: string;
  nameFr: string;
  iso3: string | null;
  isoNumeric: string | null;
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
  languages: string[];
}

export interface Area {
  code: string;
  jurisdiction: string;
  name: string;
  level: number;
  population: number | null;
  syntheticPopulation: boolean;
}

export interface Facility {
  id: string;
  jurisdiction: string;
  area: string | null;
  name: string;
  kind: 'hospital' | 'health-centre' | 'laboratory' | 'store' | 'point-of-entry';
  level: string | null;
  latitude: number | null;
  longitude: number | null;
  services: string[];
  beds: number | null;
  synthetic: boolean;
}

type R<T> = T & Record<string, unknown>;

export const listJurisdictions = (q: Queryable) =>
  q.query<R<Jurisdiction>>(
    `SELECT code, kind, name_en AS "nameEn", name_fr AS "nameFr", iso3, iso_numeric AS "isoNumeric", population,
       population_year AS "populationYear", population_source AS "populationSource", languages
     FROM jurisdictions ORDER BY kind DESC, code`,
  );

export const listAreas = (q: Queryable, jurisdiction?: string) =>
  q.query<R<Area>>(
    `SELECT code, jurisdiction, name, level, population, synthetic_population AS "syntheticPopulation"
     FROM areas ${jurisdiction ? 'WHERE jurisdiction = $1' : ''} ORDER BY code`,
    jurisdiction ? [jurisdiction] : [],
  );

export const listFacilities = (q: Queryable, filter: { jurisdiction?: string; kind?: string; service?: string }) => {
  const params: unknown[] = [];
  const where: string[] = [];
  for (const [column, value] of [
    ['jurisdiction', filter.jurisdiction],
    ['kind', filter.kind],
  ] as const) {
    if (value) {
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
  }
  if (filter.service) {
    params.push(filter.service);
    where.push(`$${params.length} = ANY(services)`);
  }
  return q.query<R<Facility>>(
    `SELECT id, jurisdiction, area, name, kind, level, latitude, longitude, services, beds, synthetic
     FROM facilities ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY jurisdiction, name`,
    params,
  );
};

export const insertJurisdiction = (q: Queryable, j: Jurisdiction) =>
  q.query(
    `INSERT INTO jurisdictions (code, kind, name_en, name_fr, iso3, iso_numeric, population, population_year, population_source, languages)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING`,
    [j.code, j.kind, j.nameEn, j.nameFr, j.iso3, j.isoNumeric, j.population, j.populationYear, j.populationSource, j.languages],
  );

export const insertArea = (q: Queryable, a: Area) =>
  q.query(
    `INSERT INTO areas (code, jurisdiction, name, level, population, synthetic_population) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO NOTHING`,
    [a.code, a.jurisdiction, a.name, a.level, a.population, a.syntheticPopulation],
  );

export const insertFacility = (q: Queryable, f: Facility) =>
  q.query(
    `INSERT INTO facilities (id, jurisdiction, area, name, kind, level, latitude, longitude, services, beds, synthetic)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
    [f.id, f.jurisdiction, f.area, f.name, f.kind, f.level, f.latitude, f.longitude, f.services, f.beds, f.synthetic],
  );
