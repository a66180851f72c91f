/**
 * The disease codes of the catalogue (packages/core/src/catalogue/diseases.ts),
 * in its order; the dashboard does not bundle core, so it keeps this copy and
 * a test keeps the two equal. Names are in the dictionaries under `diseases.`.
 */
export const DISEASE_CODES = [
  'smallpox',
  'polio-wild',
  'influenza-new-subtype',
  'sars',
  'cholera',
  'plague-pneumonic',
  'yellow-fever',
  'ebola',
  'marburg',
  'lassa',
  'cchf',
  'west-nile',
  'rift-valley-fever',
  'dengue',
  'meningococcal',
  'measles',
  'mpox',
  'anthrax',
  'covid-19',
  'malaria',
  'typhoid',
  'shigellosis',
  'rabies',
  'influenza-seasonal',
] as const;

export type DiseaseCode = (typeof DISEASE_CODES)[number];

export const isDiseaseCode = (code: string | null | undefined): code is DiseaseCode => (DISEASE_CODES as readonly string[]).includes(code ?? '');

/** The disease a page opens on when none is asked for: the one the pact's triggers watch. */
export const DEFAULT_DISEASE: DiseaseCode = 'cholera';
