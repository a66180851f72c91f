/**
 * The demo region: the partner states of the East African Community (EAC)
 * and its secretariat as the regional health security hub.
 *
 * Real reference data:
 * - Country codes and names (English, French): ISO 3166-1, from the
 *   `i18n-iso-countries` package.
 * - Administrative areas: ISO 3166-2 subdivisions, from the `iso-3166`
 *   package.
 * - Population: World Bank, World Development Indicators, indicator
 *   SP.POP.TOTL ("Population, total"), year 2023
 *   (https://data.worldbank.org/indicator/SP.POP.TOTL).
 * - Country shapes (in the dashboard): Natural Earth via `world-atlas`.
 *
 * Everything below the country level that is not an ISO code — area
 * populations, facilities, stores, people — is SYNTHETIC and marked so.
 */
export const POPULATION_SOURCE = 'World Bank WDI SP.POP.TOTL, 2023';
export const POPULATION_YEAR = 2023;

export interface PartyFacts {
  code: string;
  /** World Bank WDI SP.POP.TOTL, 2023. */
  population: number;
  /** Official languages among English, French and Kiswahili, for the dashboard's default. */
  languages: string[];
  /** The capital and a second city (real places, with their ISO 3166-2 area), where the synthetic hospitals stand. */
  capital: City;
  secondCity: City;
}

export interface City {
  name: string;
  area: string;
  latitude: number;
  longitude: number;
}

// The EAC's eight partner states (Somalia acceded in 2024, the DR Congo in 2022).
export const EAC_PARTIES: readonly PartyFacts[] = [
  { code: 'BI', population: 13_238_559, languages: ['fr', 'en', 'rn'], capital: { name: 'Gitega', area: 'BI-GI', latitude: -3.4271, longitude: 29.9246 }, secondCity: { name: 'Bujumbura', area: 'BI-BM', latitude: -3.3614, longitude: 29.3599 } },
  { code: 'CD', population: 105_789_731, languages: ['fr'], capital: { name: 'Kinshasa', area: 'CD-KN', latitude: -4.4419, longitude: 15.2663 }, secondCity: { name: 'Goma', area: 'CD-NK', latitude: -1.6792, longitude: 29.2228 } },
  { code: 'KE', population: 55_100_586, languages: ['en', 'sw'], capital: { name: 'Nairobi', area: 'KE-30', latitude: -1.2864, longitude: 36.8172 }, secondCity: { name: 'Mombasa', area: 'KE-28', latitude: -4.0435, longitude: 39.6682 } },
  { code: 'RW', population: 14_094_683, languages: ['rw', 'en', 'fr', 'sw'], capital: { name: 'Kigali', area: 'RW-01', latitude: -1.9441, longitude: 30.0619 }, secondCity: { name: 'Huye', area: 'RW-05', latitude: -2.5967, longitude: 29.7394 } },
  { code: 'SO', population: 18_143_378, languages: ['so', 'ar'], capital: { name: 'Mogadishu', area: 'SO-BN', latitude: 2.0469, longitude: 45.3182 }, secondCity: { name: 'Kismayo', area: 'SO-JH', latitude: -0.3582, longitude: 42.5454 } },
  { code: 'SS', population: 11_088_796, languages: ['en'], capital: { name: 'Juba', area: 'SS-EC', latitude: 4.8594, longitude: 31.5713 }, secondCity: { name: 'Wau', area: 'SS-BW', latitude: 7.7029, longitude: 27.9953 } },
  { code: 'TZ', population: 67_438_106, languages: ['sw', 'en'], capital: { name: 'Dodoma', area: 'TZ-03', latitude: -6.163, longitude: 35.7516 }, secondCity: { name: 'Dar es Salaam', area: 'TZ-02', latitude: -6.7924, longitude: 39.2083 } },
  { code: 'UG', population: 48_582_334, languages: ['en', 'sw'], capital: { name: 'Kampala', area: 'UG-C', latitude: 0.3476, longitude: 32.5825 }, secondCity: { name: 'Gulu', area: 'UG-N', latitude: 2.7724, longitude: 32.2881 } },
];

export const EAC_HUB = {
  code: 'EAC',
  nameEn: 'EAC Regional Health Security Hub',
  nameFr: 'Centre régional de sécurité sanitaire de la CAE',
  seat: { name: 'Arusha', area: 'TZ-01', latitude: -3.3869, longitude: 36.683 },
};

/**
 * Border crossings between partner states (real places), used for the
 * synthetic points of entry and the referral corridors of the demo.
 */
export const BORDER_CROSSINGS: readonly { name: string; parties: [string, string]; areas: [string, string]; latitude: number; longitude: number }[] = [
  { name: 'Busia', parties: ['KE', 'UG'], areas: ['KE-04', 'UG-E'], latitude: 0.4608, longitude: 34.0922 },
  { name: 'Namanga', parties: ['KE', 'TZ'], areas: ['KE-10', 'TZ-01'], latitude: -2.5449, longitude: 36.7907 },
  { name: 'Gatuna', parties: ['RW', 'UG'], areas: ['RW-03', 'UG-W'], latitude: -1.4297, longitude: 30.0143 },
  { name: 'Rusumo', parties: ['RW', 'TZ'], areas: ['RW-02', 'TZ-05'], latitude: -2.3833, longitude: 30.7833 },
  { name: 'Goma', parties: ['CD', 'RW'], areas: ['CD-NK', 'RW-04'], latitude: -1.6792, longitude: 29.2228 },
  { name: 'Nimule', parties: ['SS', 'UG'], areas: ['SS-EE', 'UG-N'], latitude: 3.5942, longitude: 32.0636 },
  { name: 'Kobero', parties: ['BI', 'TZ'], areas: ['BI-MY', 'TZ-05'], latitude: -2.8833, longitude: 30.45 },
  { name: 'Mandera', parties: ['KE', 'SO'], areas: ['KE-24', 'SO-GE'], latitude: 3.9366, longitude: 41.867 },
];
