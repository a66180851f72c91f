/**
 * Health products of the demo region's catalogue.
 *
 * ATC codes are real (WHO Collaborating Centre for Drug Statistics
 * Methodology, ATC/DDD index). GTINs are SYNTHETIC: they use the GS1
 * restricted-circulation prefix 02, so they never collide with a real trade
 * item, and carry a valid GS1 check digit. Storage ranges follow the product
 * labels' usual conditions (+2 to +8 °C for most vaccines; rVSV-ZEBOV is kept
 * ultra-cold). VVM types are WHO vaccine vial monitor categories.
 */
export type ProductCategory = 'vaccine' | 'medicine' | 'diagnostic' | 'ppe' | 'supply';

export interface Product {
  id: string;
  name: { en: string; fr: string };
  category: ProductCategory;
  gtin: string;
  atc: string | null;
  unit: string;
  storage: { minC: number; maxC: number };
  coldChain: boolean;
  vvm: 'VVM2' | 'VVM7' | 'VVM14' | 'VVM30' | null;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'mr-vaccine', name: { en: 'Measles-rubella vaccine (10-dose vial)', fr: 'Vaccin rougeole-rubéole (flacon de 10 doses)' }, category: 'vaccine', gtin: '02000001000014', atc: 'J07BD53', unit: 'dose', storage: { minC: 2, maxC: 8 }, coldChain: true, vvm: 'VVM14' },
  { id: 'yf-vaccine', name: { en: 'Yellow fever vaccine (10-dose vial)', fr: 'Vaccin antiamaril (flacon de 10 doses)' }, category: 'vaccine', gtin: '02000001000021', atc: 'J07BL01', unit: 'dose', storage: { minC: 2, maxC: 8 }, coldChain: true, vvm: 'VVM14' },
  { id: 'oral-cholera-vaccine', name: { en: 'Oral cholera vaccine (1-dose)', fr: 'Vaccin anticholérique oral (1 dose)' }, category: 'vaccine', gtin: '02000001000038', atc: 'J07AE01', unit: 'dose', storage: { minC: 2, maxC: 8 }, coldChain: true, vvm: 'VVM30' },
  { id: 'ebola-vaccine', name: { en: 'Ebola Zaire vaccine, rVSV-ZEBOV', fr: 'Vaccin Ebola Zaïre, rVSV-ZEBOV' }, category: 'vaccine', gtin: '02000001000045', atc: 'J07BX02', unit: 'dose', storage: { minC: -80, maxC: -60 }, coldChain: true, vvm: null },
  { id: 'meningococcal-acwy-vaccine', name: { en: 'Meningococcal ACWY conjugate vaccine', fr: 'Vaccin méningococcique conjugué ACWY' }, category: 'vaccine', gtin: '02000001000052', atc: 'J07AH08', unit: 'dose', storage: { minC: 2, maxC: 8 }, coldChain: true, vvm: 'VVM30' },
  { id: 'ors', name: { en: 'Oral rehydration salts (sachet, 1 L)', fr: 'Sels de réhydratation orale (sachet, 1 L)' }, category: 'medicine', gtin: '02000002000013', atc: 'A07CA', unit: 'sachet', storage: { minC: 0, maxC: 30 }, coldChain: false, vvm: null },
  { id: 'ringer-lactate', name: { en: "Ringer's lactate (1 L bag)", fr: 'Ringer lactate (poche de 1 L)' }, category: 'medicine', gtin: '02000002000020', atc: 'B05BB01', unit: 'bag', storage: { minC: 0, maxC: 30 }, coldChain: false, vvm: null },
  { id: 'ceftriaxone-1g', name: { en: 'Ceftriaxone 1 g powder for injection', fr: 'Ceftriaxone 1 g poudre pour injection' }, category: 'medicine', gtin: '02000002000037', atc: 'J01DD04', unit: 'vial', storage: { minC: 0, maxC: 30 }, coldChain: false, vvm: null },
  { id: 'doxycycline-100mg', name: { en: 'Doxycycline 100 mg tablet', fr: 'Doxycycline 100 mg comprimé' }, category: 'medicine', gtin: '02000002000044', atc: 'J01AA02', unit: 'tablet', storage: { minC: 0, maxC: 30 }, coldChain: false, vvm: null },
  { id: 'artemether-lumefantrine', name: { en: 'Artemether-lumefantrine 20/120 mg (pack of 24)', fr: 'Artéméther-luméfantrine 20/120 mg (boîte de 24)' }, category: 'medicine', gtin: '02000002000051', atc: 'P01BF01', unit: 'pack', storage: { minC: 0, maxC: 30 }, coldChain: false, vvm: null },
  { id: 'oseltamivir-75mg', name: { en: 'Oseltamivir 75 mg capsule', fr: 'Oseltamivir 75 mg gélule' }, category: 'medicine', gtin: '02000002000068', atc: 'J05AH02', unit: 'capsule', storage: { minC: 0, maxC: 25 }, coldChain: false, vvm: null },
  { id: 'malaria-rdt', name: { en: 'Malaria rapid diagnostic test', fr: 'Test de diagnostic rapide du paludisme' }, category: 'diagnostic', gtin: '02000003000012', atc: null, unit: 'test', storage: { minC: 2, maxC: 30 }, coldChain: false, vvm: null },
  { id: 'cholera-rdt', name: { en: 'Cholera rapid diagnostic test', fr: 'Test de diagnostic rapide du choléra' }, category: 'diagnostic', gtin: '02000003000029', atc: null, unit: 'test', storage: { minC: 2, maxC: 30 }, coldChain: false, vvm: null },
  { id: 'nitrile-gloves', name: { en: 'Examination gloves, nitrile (box of 100)', fr: "Gants d'examen en nitrile (boîte de 100)" }, category: 'ppe', gtin: '02000004000011', atc: null, unit: 'box', storage: { minC: 0, maxC: 35 }, coldChain: false, vvm: null },
  { id: 'ffp2-respirator', name: { en: 'FFP2/N95 respirator', fr: 'Masque respiratoire FFP2/N95' }, category: 'ppe', gtin: '02000004000028', atc: null, unit: 'piece', storage: { minC: 0, maxC: 35 }, coldChain: false, vvm: null },
];

const byId = new Map(PRODUCTS.map((p) => [p.id, p]));
const byGtin = new Map(PRODUCTS.map((p) => [p.gtin, p]));

export const findProduct = (id: string): Product | undefined => byId.get(id);
export const findProductByGtin = (gtin: string): Product | undefined => byGtin.get(gtin);
export const PRODUCT_IDS: readonly string[] = PRODUCTS.map((p) => p.id);
