/**
 * The coding convention Concord uses for aggregate counts in FHIR R4
 * `MeasureReport` (docs/surveillance-ingest.md, "FHIR"). Standard systems are
 * used where one fits (HL7 administrative gender, HL7 measure-population,
 * ICD-10, ISO 3166); Concord's own code systems hang under one canonical
 * base. The base uses the `example.org` domain reserved for documentation
 * (RFC 2606) until the project publishes an implementation guide; it is
 * defined here only, so changing it is a one-line edit.
 */
import { DISEASES } from '../catalogue/diseases.ts';
import { AGE_BANDS, CLASSIFICATIONS, type AgeBand, type Classification, type Sex } from './records.ts';

export const CONCORD_FHIR_BASE = 'https://concord.example.org/fhir';

export const FHIR_SYSTEMS = {
  /** Catalogue disease codes (catalogue/diseases.ts), e.g. `cholera`. */
  disease: `${CONCORD_FHIR_BASE}/CodeSystem/disease`,
  /** WHO ICD-10, as named by HL7; accepted for diseases on input. */
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  /** Stratifier and stratum component codes: `age-band`, `sex`, `classification`. */
  stratifier: `${CONCORD_FHIR_BASE}/CodeSystem/stratifier`,
  ageBand: `${CONCORD_FHIR_BASE}/CodeSystem/age-band`,
  /** HL7 AdministrativeGender (male | female | other | unknown). */
  sex: 'http://hl7.org/fhir/administrative-gender',
  classification: `${CONCORD_FHIR_BASE}/CodeSystem/case-classification`,
  /** HL7 measure-population; Concord counts people in `initial-population`. */
  population: 'http://terminology.hl7.org/CodeSystem/measure-population',
  /** Admin area codes, on `subject.identifier`. */
  area: `${CONCORD_FHIR_BASE}/NamingSystem/area`,
  /** ISO 3166-1 alpha-2 country codes, on `reporter.identifier`. */
  party: 'urn:iso:std:iso:3166',
  /** Concord error codes (SURV_FHIR_…) in OperationOutcome.issue.details. */
  errorCode: `${CONCORD_FHIR_BASE}/CodeSystem/error-code`,
} as const;

/**
 * The complex extension on the OperationOutcome that answers an accepted
 * MeasureReport: sub-extensions `received`, `imported`, `updated` and
 * `signalsRaised`, each a valueUnsignedInt (docs/surveillance-ingest.md).
 */
export const IMPORT_COUNTS_EXTENSION = `${CONCORD_FHIR_BASE}/StructureDefinition/import-counts`;

/** The Measure every Concord count report answers (R4 requires `measure`). */
export const CONCORD_CASE_COUNT_MEASURE = `${CONCORD_FHIR_BASE}/Measure/case-counts`;

export type Dimension = 'ageBand' | 'sex' | 'classification';

/** Stratifier component code ↔ aggregate dimension. */
export const DIMENSION_CODES: Record<Dimension, string> = { ageBand: 'age-band', sex: 'sex', classification: 'classification' };
export const DIMENSION_OF_CODE = new Map<string, Dimension>(Object.entries(DIMENSION_CODES).map(([d, c]) => [c, d as Dimension]));

export const DIMENSION_SYSTEMS: Record<Dimension, string> = { ageBand: FHIR_SYSTEMS.ageBand, sex: FHIR_SYSTEMS.sex, classification: FHIR_SYSTEMS.classification };

/** The values each dimension accepts; FHIR's `other` gender has no Concord counterpart and is refused. */
export const DIMENSION_VALUES: Record<Dimension, readonly string[]> = {
  ageBand: AGE_BANDS,
  sex: ['male', 'female', 'unknown'] satisfies Sex[],
  classification: CLASSIFICATIONS,
};

export type DimensionValue = AgeBand | Sex | Classification;

const diseaseByIcd10 = new Map(DISEASES.map((d) => [d.icd10, d.code]));
const diseaseCodes = new Set(DISEASES.map((d) => d.code));

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

/** The catalogue disease a concept names, by Concord code or by ICD-10 code. */
export const diseaseOfConcept = (concept: CodeableConcept | undefined): string | undefined => {
  for (const coding of concept?.coding ?? []) {
    if (coding.system === FHIR_SYSTEMS.disease && coding.code && diseaseCodes.has(coding.code)) return coding.code;
    if (coding.system === FHIR_SYSTEMS.icd10 && coding.code) {
      const found = diseaseByIcd10.get(coding.code);
      if (found) return found;
    }
  }
  return undefined;
};

/** The code of the first coding in `system`, or the concept's text when it carries no coding at all. */
export const codeIn = (concept: CodeableConcept | undefined, system: string): string | undefined => {
  const coding = concept?.coding?.find((c) => c.system === system);
  if (coding) return coding.code;
  return concept?.coding === undefined || concept.coding.length === 0 ? concept?.text : undefined;
};

export const diseaseConcept = (code: string): { coding: Coding[] } => {
  const disease = DISEASES.find((d) => d.code === code);
  const coding: Coding[] = [{ system: FHIR_SYSTEMS.disease, code, ...(disease ? { display: disease.name.en } : {}) }];
  if (disease) coding.push({ system: FHIR_SYSTEMS.icd10, code: disease.icd10 });
  return { coding };
};

export const INITIAL_POPULATION: CodeableConcept = { coding: [{ system: FHIR_SYSTEMS.population, code: 'initial-population' }] };
