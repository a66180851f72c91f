/**
 * Diseases and events Concord knows by code. Codes are stable lower-kebab
 * slugs used in data, pacts and URLs; ICD-10 codes are given for mapping to
 * national systems (WHO ICD-10, 2019 edition).
 *
 * `ihr` places a disease in the IHR (2005) Annex 2 decision instrument:
 * - 'always-notifiable': a single case is always notifiable (smallpox,
 *   wild-type poliomyelitis, human influenza caused by a new subtype, SARS);
 * - 'always-assessed': the instrument shall always be used (cholera,
 *   pneumonic plague, yellow fever, viral haemorrhagic fevers, West Nile
 *   fever, and diseases of special national or regional concern such as
 *   dengue, Rift Valley fever and meningococcal disease);
 * - 'other': enters the instrument only when the event may be of
 *   international public health concern.
 *
 * `endemic` says whether the disease is endemic in the demo region, which
 * decides how 7-1-7 dates emergence (threshold crossing vs index case onset).
 */
export type IhrGroup = 'always-notifiable' | 'always-assessed' | 'other';

export interface Disease {
  code: string;
  name: { en: string; fr: string };
  icd10: string;
  ihr: IhrGroup;
  endemic: boolean;
}

export const DISEASES: readonly Disease[] = [
  { code: 'smallpox', name: { en: 'Smallpox', fr: 'Variole' }, icd10: 'B03', ihr: 'always-notifiable', endemic: false },
  { code: 'polio-wild', name: { en: 'Poliomyelitis (wild-type)', fr: 'Poliomyélite (type sauvage)' }, icd10: 'A80.1', ihr: 'always-notifiable', endemic: false },
  { code: 'influenza-new-subtype', name: { en: 'Human influenza, new subtype', fr: 'Grippe humaine, nouveau sous-type' }, icd10: 'J09', ihr: 'always-notifiable', endemic: false },
  { code: 'sars', name: { en: 'Severe acute respiratory syndrome (SARS)', fr: 'Syndrome respiratoire aigu sévère (SRAS)' }, icd10: 'U04', ihr: 'always-notifiable', endemic: false },
  { code: 'cholera', name: { en: 'Cholera', fr: 'Choléra' }, icd10: 'A00', ihr: 'always-assessed', endemic: true },
  { code: 'plague-pneumonic', name: { en: 'Pneumonic plague', fr: 'Peste pulmonaire' }, icd10: 'A20.2', ihr: 'always-assessed', endemic: false },
  { code: 'yellow-fever', name: { en: 'Yellow fever', fr: 'Fièvre jaune' }, icd10: 'A95', ihr: 'always-assessed', endemic: false },
  { code: 'ebola', name: { en: 'Ebola virus disease', fr: 'Maladie à virus Ebola' }, icd10: 'A98.4', ihr: 'always-assessed', endemic: false },
  { code: 'marburg', name: { en: 'Marburg virus disease', fr: 'Maladie à virus Marburg' }, icd10: 'A98.3', ihr: 'always-assessed', endemic: false },
  { code: 'lassa', name: { en: 'Lassa fever', fr: 'Fièvre de Lassa' }, icd10: 'A96.2', ihr: 'always-assessed', endemic: false },
  { code: 'cchf', name: { en: 'Crimean-Congo haemorrhagic fever', fr: 'Fièvre hémorragique de Crimée-Congo' }, icd10: 'A98.0', ihr: 'always-assessed', endemic: false },
  { code: 'west-nile', name: { en: 'West Nile fever', fr: 'Fièvre du Nil occidental' }, icd10: 'A92.3', ihr: 'always-assessed', endemic: false },
  { code: 'rift-valley-fever', name: { en: 'Rift Valley fever', fr: 'Fièvre de la vallée du Rift' }, icd10: 'A92.4', ihr: 'always-assessed', endemic: false },
  { code: 'dengue', name: { en: 'Dengue', fr: 'Dengue' }, icd10: 'A90', ihr: 'always-assessed', endemic: true },
  { code: 'meningococcal', name: { en: 'Meningococcal disease', fr: 'Méningococcie' }, icd10: 'A39', ihr: 'always-assessed', endemic: true },
  { code: 'measles', name: { en: 'Measles', fr: 'Rougeole' }, icd10: 'B05', ihr: 'other', endemic: true },
  { code: 'mpox', name: { en: 'Mpox', fr: 'Mpox (variole simienne)' }, icd10: 'B04', ihr: 'other', endemic: true },
  { code: 'anthrax', name: { en: 'Anthrax', fr: 'Charbon (anthrax)' }, icd10: 'A22', ihr: 'other', endemic: true },
  { code: 'covid-19', name: { en: 'COVID-19', fr: 'COVID-19' }, icd10: 'U07.1', ihr: 'other', endemic: true },
  { code: 'malaria', name: { en: 'Malaria', fr: 'Paludisme' }, icd10: 'B54', ihr: 'other', endemic: true },
  { code: 'typhoid', name: { en: 'Typhoid fever', fr: 'Fièvre typhoïde' }, icd10: 'A01.0', ihr: 'other', endemic: true },
  { code: 'shigellosis', name: { en: 'Bacillary dysentery (shigellosis)', fr: 'Dysenterie bacillaire (shigellose)' }, icd10: 'A03', ihr: 'other', endemic: true },
  { code: 'rabies', name: { en: 'Rabies', fr: 'Rage' }, icd10: 'A82', ihr: 'other', endemic: true },
  { code: 'influenza-seasonal', name: { en: 'Seasonal influenza', fr: 'Grippe saisonnière' }, icd10: 'J10', ihr: 'other', endemic: true },
];

const byCode = new Map(DISEASES.map((d) => [d.code, d]));

export const findDisease = (code: string): Disease | undefined => byCode.get(code);
export const isDiseaseCode = (code: string): boolean => byCode.has(code);
export const DISEASE_CODES: readonly string[] = DISEASES.map((d) => d.code);
