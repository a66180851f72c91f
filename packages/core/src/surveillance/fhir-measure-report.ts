/**
 * Aggregate counts in and out of FHIR R4 `MeasureReport` (type `summary`),
 * in the shape of IHE mADX: one group per disease, its `initial-population`
 * count the total, and stratifiers whose strata break the total down by age
 * band, sex and classification (coding convention in fhir-coding.ts).
 *
 * A report is read whole or not at all: it is one statement by one
 * reporter, so any error refuses it and every error is listed with its
 * FHIRPath-style location, ready for an OperationOutcome.
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { isCalendarDate } from './calendar-date.ts';
import {
  CONCORD_CASE_COUNT_MEASURE,
  codeIn,
  DIMENSION_CODES,
  DIMENSION_OF_CODE,
  DIMENSION_SYSTEMS,
  DIMENSION_VALUES,
  diseaseConcept,
  diseaseOfConcept,
  FHIR_SYSTEMS,
  IMPORT_COUNTS_EXTENSION,
  INITIAL_POPULATION,
  type CodeableConcept,
  type Dimension,
} from './fhir-coding.ts';
import { ALL, aggregateKey, type AggregateCount } from './records.ts';

const Concept = z.looseObject({ coding: z.array(z.looseObject({ system: z.string().optional(), code: z.string().optional() })).optional(), text: z.string().optional() });
const Population = z.looseObject({ code: Concept.optional(), count: z.number().optional() });
const Stratum = z.looseObject({
  value: Concept.optional(),
  component: z.array(z.looseObject({ code: Concept, value: Concept })).optional(),
  population: z.array(Population).optional(),
  measureScore: z.looseObject({ value: z.number().optional() }).optional(),
});
const Identified = z.looseObject({ identifier: z.looseObject({ system: z.string().optional(), value: z.string().optional() }).optional() });

const MeasureReportSchema = z.looseObject({
  resourceType: z.literal('MeasureReport'),
  status: z.string(),
  type: z.string(),
  subject: Identified.optional(),
  reporter: Identified.optional(),
  period: z.looseObject({ start: z.string(), end: z.string() }),
  group: z
    .array(
      z.looseObject({
        code: Concept.optional(),
        population: z.array(Population).optional(),
        stratifier: z.array(z.looseObject({ code: z.array(Concept).optional(), stratum: z.array(Stratum).optional() })).optional(),
      }),
    )
    .optional(),
});
type Report = z.infer<typeof MeasureReportSchema>;
type Group = NonNullable<Report['group']>[number];

export interface FhirReadError {
  /** Where in the resource, e.g. `MeasureReport.group[0].stratifier[1].stratum[2]`. */
  path: string;
  code: string;
  message: string;
}

export type FhirReadResult = { ok: true; counts: AggregateCount[] } | { ok: false; errors: FhirReadError[] };

type Frame = { party: string; area: string; periodStart: string; periodEnd: string };

// FHIR dates may carry a time; Concord periods are whole days, so the date part is what counts.
const dateOf = (value: string): string | undefined => (isCalendarDate(value.slice(0, 10)) && (value.length === 10 || value[10] === 'T') ? value.slice(0, 10) : undefined);

const readFrame = (report: Report, errors: FhirReadError[]): Frame | undefined => {
  const at = 'MeasureReport';
  if (report.type !== 'summary') errors.push({ path: `${at}.type`, code: 'SURV_FHIR_TYPE_UNSUPPORTED', message: `only summary reports carry counts, not ${report.type}` });
  if (report.status === 'error') errors.push({ path: `${at}.status`, code: 'SURV_FHIR_STATUS_ERROR', message: 'the reporter marked this report as in error' });
  const area = report.subject?.identifier?.system === FHIR_SYSTEMS.area ? report.subject.identifier.value : undefined;
  const party = report.reporter?.identifier?.system === FHIR_SYSTEMS.party ? report.reporter.identifier.value : undefined;
  if (!area) errors.push({ path: `${at}.subject`, code: 'SURV_FHIR_SUBJECT_MISSING', message: `subject.identifier must name the area in ${FHIR_SYSTEMS.area}` });
  if (!party || !/^[A-Z]{2}$/.test(party)) errors.push({ path: `${at}.reporter`, code: 'SURV_FHIR_REPORTER_MISSING', message: `reporter.identifier must name the party in ${FHIR_SYSTEMS.party}` });
  const [start, end] = [dateOf(report.period.start), dateOf(report.period.end)];
  if (!start || !end || start > end) errors.push({ path: `${at}.period`, code: 'SURV_FHIR_PERIOD_INVALID', message: 'period needs a start and an end date, start first' });
  return area && party && start && end ? { party, area, periodStart: start, periodEnd: end } : undefined;
};

const countOf = (populations: z.infer<typeof Population>[] | undefined, score: number | undefined): number | undefined => {
  const initial = populations?.find((p) => codeIn(p.code, FHIR_SYSTEMS.population) === 'initial-population');
  return initial?.count ?? (populations === undefined ? score : undefined);
};

const isCountValue = (n: number | undefined): n is number => n !== undefined && Number.isSafeInteger(n) && n >= 0;

/** The dimensions one stratum sets, from its components or from `value` with the stratifier's single code. */
const readStratum = (stratum: z.infer<typeof Stratum>, stratifierCodes: CodeableConcept[] | undefined, path: string, errors: FhirReadError[]): Partial<Record<Dimension, string>> | undefined => {
  const parts: { code: CodeableConcept; value: CodeableConcept }[] = [...(stratum.component ?? [])];
  if (stratum.value) {
    if (stratifierCodes?.length !== 1) {
      errors.push({ path, code: 'SURV_FHIR_STRATUM_UNKNOWN', message: 'a stratum value needs a stratifier with exactly one code' });
      return undefined;
    }
    parts.push({ code: stratifierCodes[0]!, value: stratum.value });
  }
  const dims: Partial<Record<Dimension, string>> = {};
  for (const [i, part] of parts.entries()) {
    const dimension = DIMENSION_OF_CODE.get(codeIn(part.code, FHIR_SYSTEMS.stratifier) ?? '');
    if (!dimension) {
      errors.push({ path: `${path}.component[${i}].code`, code: 'SURV_FHIR_STRATUM_UNKNOWN', message: `stratify by ${Object.values(DIMENSION_CODES).join(', ')} in ${FHIR_SYSTEMS.stratifier}` });
      return undefined;
    }
    const value = codeIn(part.value, DIMENSION_SYSTEMS[dimension]);
    if (!value || !DIMENSION_VALUES[dimension].includes(value) || dims[dimension] !== undefined) {
      errors.push({ path: `${path}.component[${i}].value`, code: 'SURV_FHIR_CODE_UNKNOWN', message: `${dimension} must be one of ${DIMENSION_VALUES[dimension].join(', ')} in ${DIMENSION_SYSTEMS[dimension]}, once` });
      return undefined;
    }
    dims[dimension] = value;
  }
  return dims;
};

const readGroup = (group: Group, g: number, frame: Frame, errors: FhirReadError[]): AggregateCount[] => {
  const path = `MeasureReport.group[${g}]`;
  const disease = diseaseOfConcept(group.code);
  if (!disease) {
    errors.push({ path: `${path}.code`, code: 'SURV_FHIR_DISEASE_UNKNOWN', message: `group.code must name a catalogue disease in ${FHIR_SYSTEMS.disease} or ${FHIR_SYSTEMS.icd10}` });
    return [];
  }
  const cell = (dims: Partial<Record<Dimension, string>>, count: number) =>
    ({ ...frame, disease, ageBand: dims.ageBand ?? ALL, sex: dims.sex ?? ALL, classification: dims.classification ?? ALL, count }) as AggregateCount;
  const counts: AggregateCount[] = [];
  if (group.population !== undefined) {
    const total = countOf(group.population, undefined);
    if (isCountValue(total)) counts.push(cell({}, total));
    else errors.push({ path: `${path}.population`, code: 'SURV_FHIR_COUNT_INVALID', message: 'the initial-population count must be a non-negative integer' });
  }
  for (const [s, stratifier] of (group.stratifier ?? []).entries()) {
    for (const [t, stratum] of (stratifier.stratum ?? []).entries()) {
      const at = `${path}.stratifier[${s}].stratum[${t}]`;
      const dims = readStratum(stratum, stratifier.code, at, errors);
      if (!dims) continue;
      const count = countOf(stratum.population, stratum.measureScore?.value);
      if (isCountValue(count)) counts.push(cell(dims, count));
      else errors.push({ path: at, code: 'SURV_FHIR_COUNT_INVALID', message: 'the stratum count (initial-population, or measureScore) must be a non-negative integer' });
    }
  }
  if (group.population === undefined && counts.length === 0) {
    errors.push({ path, code: 'SURV_FHIR_POPULATION_MISSING', message: 'a group needs an initial-population count or strata' });
  }
  return counts;
};

/** Reads a MeasureReport into aggregate counts, or lists every reason it cannot. */
export const readMeasureReport = (resource: unknown): FhirReadResult => {
  const parsed = MeasureReportSchema.safeParse(resource);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      path: ['MeasureReport', ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('').replace('MeasureReport.resourceType', 'MeasureReport'),
      code: i.path[0] === 'resourceType' ? 'SURV_FHIR_NOT_MEASURE_REPORT' : 'SURV_FHIR_STRUCTURE_INVALID',
      message: i.message,
    }));
    return { ok: false, errors };
  }
  const errors: FhirReadError[] = [];
  const frame = readFrame(parsed.data, errors);
  if (!frame) return { ok: false, errors };
  const counts = (parsed.data.group ?? []).flatMap((group, g) => readGroup(group, g, frame, errors));
  const seen = new Set<string>();
  for (const count of counts) {
    const key = aggregateKey(count);
    if (seen.has(key)) errors.push({ path: 'MeasureReport.group', code: 'SURV_FHIR_DUPLICATE_CELL', message: `two counts for one cell: ${key}` });
    seen.add(key);
  }
  if (counts.length === 0 && errors.length === 0) errors.push({ path: 'MeasureReport.group', code: 'SURV_FHIR_POPULATION_MISSING', message: 'the report has no counts' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, counts };
};

/** FHIR R4 OperationOutcome for a refused report, one issue per error. */
export const operationOutcomeOf = (errors: readonly FhirReadError[]) => ({
  resourceType: 'OperationOutcome' as const,
  issue: errors.map((e) => ({
    severity: 'error' as const,
    code: e.code === 'SURV_FHIR_TYPE_UNSUPPORTED' || e.code === 'SURV_FHIR_STRATUM_UNKNOWN' ? ('not-supported' as const) : e.code === 'SURV_FHIR_DUPLICATE_CELL' ? ('duplicate' as const) : ('invalid' as const),
    details: { coding: [{ system: FHIR_SYSTEMS.errorCode, code: e.code }], text: e.message },
    expression: [e.path],
  })),
});

export interface ImportCounts {
  /** Counts read from the report. */
  received: number;
  /** Cells that did not exist before. */
  imported: number;
  /** Cells whose earlier count was replaced. */
  updated: number;
  signalsRaised: number;
}

/**
 * The answer to an accepted MeasureReport: a valid FHIR R4 OperationOutcome
 * (one informational issue) whose figures travel in the IMPORT_COUNTS_EXTENSION
 * complex extension, since a resource may carry no elements of its own beyond
 * those R4 defines.
 */
export const importOutcomeOf = (counts: ImportCounts) => ({
  resourceType: 'OperationOutcome' as const,
  extension: [
    {
      url: IMPORT_COUNTS_EXTENSION,
      extension: (['received', 'imported', 'updated', 'signalsRaised'] as const).map((name) => ({ url: name, valueUnsignedInt: counts[name] })),
    },
  ],
  issue: [
    {
      severity: 'information' as const,
      code: 'informational' as const,
      diagnostics: `${counts.received} count(s) stored: ${counts.imported} new, ${counts.updated} replaced; ${counts.signalsRaised} signal(s) raised`,
    },
  ],
});

/** Reads the figures back out of an import answer (for clients); undefined when the extension is absent. */
export const importCountsOf = (outcome: unknown): ImportCounts | undefined => {
  const extensions = (outcome as { extension?: { url?: string; extension?: { url?: string; valueUnsignedInt?: number }[] }[] } | null)?.extension;
  const found = Array.isArray(extensions) ? extensions.find((e) => e.url === IMPORT_COUNTS_EXTENSION) : undefined;
  if (!found || !Array.isArray(found.extension)) return undefined;
  const value = (name: string) => found.extension!.find((e) => e.url === name)?.valueUnsignedInt;
  const [received, imported, updated, signalsRaised] = ['received', 'imported', 'updated', 'signalsRaised'].map(value);
  if ([received, imported, updated, signalsRaised].some((v) => typeof v !== 'number')) return undefined;
  return { received: received!, imported: imported!, updated: updated!, signalsRaised: signalsRaised! };
};

export interface MeasureReportOptions {
  status?: 'complete' | 'pending';
  /** When the report was produced (ISO instant), passed in: core has no clock. */
  date?: string;
}

const DIMENSIONS: readonly Dimension[] = ['ageBand', 'sex', 'classification'];

const brokenDown = (c: AggregateCount): Dimension[] => DIMENSIONS.filter((d) => c[d] !== ALL);

const stratifierCode = (dimension: Dimension): { coding: { system: string; code: string }[] } => ({ coding: [{ system: FHIR_SYSTEMS.stratifier, code: DIMENSION_CODES[dimension] }] });

const groupOf = (disease: string, counts: readonly AggregateCount[]) => {
  const total = counts.find((c) => brokenDown(c).length === 0);
  const bySignature = new Map<string, AggregateCount[]>();
  for (const c of counts) {
    const signature = brokenDown(c).join('+');
    if (signature !== '') bySignature.set(signature, [...(bySignature.get(signature) ?? []), c]);
  }
  const stratifier = [...bySignature.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, strata]) => ({
      code: brokenDown(strata[0]!).map(stratifierCode),
      stratum: strata.map((c) => ({
        component: brokenDown(c).map((d) => ({ code: stratifierCode(d), value: { coding: [{ system: DIMENSION_SYSTEMS[d], code: c[d] }] } })),
        population: [{ code: INITIAL_POPULATION, count: c.count }],
      })),
    }));
  return {
    code: diseaseConcept(disease),
    ...(total ? { population: [{ code: INITIAL_POPULATION, count: total.count }] } : {}),
    ...(stratifier.length > 0 ? { stratifier } : {}),
  };
};

/**
 * Writes counts as summary MeasureReports, one per party, area and period,
 * one group per disease. Counts for one cell must not repeat.
 */
export const toMeasureReports = (counts: readonly AggregateCount[], options: MeasureReportOptions = {}) => {
  const frames = new Map<string, AggregateCount[]>();
  const seen = new Set<string>();
  for (const c of counts) {
    const cell = aggregateKey(c);
    if (seen.has(cell)) throw new AppError('SURV_FHIR_DUPLICATE_CELL', `Two counts for one cell: ${cell}`, { params: { cell } });
    seen.add(cell);
    const key = [c.party, c.area, c.periodStart, c.periodEnd].join('|');
    frames.set(key, [...(frames.get(key) ?? []), c]);
  }
  return [...frames.values()].map((frame) => {
    const first = frame[0]!;
    const diseases = [...new Set(frame.map((c) => c.disease))].sort();
    return {
      resourceType: 'MeasureReport' as const,
      status: options.status ?? 'complete',
      type: 'summary' as const,
      measure: CONCORD_CASE_COUNT_MEASURE,
      subject: { identifier: { system: FHIR_SYSTEMS.area, value: first.area } },
      ...(options.date ? { date: options.date } : {}),
      reporter: { identifier: { system: FHIR_SYSTEMS.party, value: first.party } },
      period: { start: first.periodStart, end: first.periodEnd },
      group: diseases.map((d) => groupOf(d, frame.filter((c) => c.disease === d))),
    };
  });
};
