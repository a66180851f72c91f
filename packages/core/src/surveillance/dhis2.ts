/**
 * DHIS2 aggregate data in and out: the Web API `dataValueSets` JSON (DXF2,
 * dhis2-docs "Data values" chapter) becomes Concord aggregate counts through
 * a mapping that a national team writes once (data element → disease,
 * category option combo → age band / sex / classification, org unit →
 * party + area). The answer is an import summary in DHIS2's own shape, so a
 * DHIS2 client that pushes to Concord reads it as it would read its own.
 *
 * Nothing is accepted by guessing: a value whose data element, org unit,
 * category option combo or period is not mapped, or whose value is not a
 * count, becomes a conflict and is ignored, and the summary says so.
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { isDiseaseCode } from '../catalogue/diseases.ts';
import { parseDhis2Period, type Dhis2Period } from './epi-week.ts';
import { AGE_BANDS, ALL, aggregateKey, CLASSIFICATIONS, SEXES, type AggregateCount } from './records.ts';
import { mergeConflicts, summarise, type ImportConflict, type ImportSummary } from './dhis2-import-summary.ts';

export const Dhis2MappingSchema = z.strictObject({
  dataElements: z.record(z.string().min(1), z.strictObject({ disease: z.string().refine(isDiseaseCode, 'is not a disease code of the catalogue'), classification: z.enum(CLASSIFICATIONS).optional() })),
  categoryOptionCombos: z.record(
    z.string().min(1),
    z.strictObject({ ageBand: z.enum(AGE_BANDS).optional(), sex: z.enum(SEXES).optional(), classification: z.enum(CLASSIFICATIONS).optional() }),
  ),
  orgUnits: z.record(z.string().min(1), z.strictObject({ party: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'), area: z.string().min(1).max(64) })),
});
export type Dhis2Mapping = z.infer<typeof Dhis2MappingSchema>;

/** Validates a mapping document; throws SURV_DHIS2_MAPPING_INVALID listing every problem. */
export const parseDhis2Mapping = (input: unknown): Dhis2Mapping => {
  const result = Dhis2MappingSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new AppError('SURV_DHIS2_MAPPING_INVALID', `The DHIS2 mapping is invalid: ${problems.join('; ')}`, { params: { problems } });
};

/** DHIS2 sends values as strings; some clients send JSON numbers, which mean the same. */
const DataValueSchema = z.looseObject({
  dataElement: z.string().min(1),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  categoryOptionCombo: z.string().optional(),
  attributeOptionCombo: z.string().optional(),
  value: z.union([z.string(), z.number()]).optional(),
  comment: z.string().optional(),
  deleted: z.boolean().optional(),
});
export type Dhis2DataValue = z.infer<typeof DataValueSchema>;

const DataValueSetSchema = z.looseObject({
  dataSet: z.string().optional(),
  completeDate: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  attributeOptionCombo: z.string().optional(),
  dataValues: z.array(z.unknown()),
});

export interface Dhis2DataValueSet {
  dataSet?: string;
  completeDate?: string;
  period?: string;
  orgUnit?: string;
  dataValues: Dhis2DataValue[];
}

export interface Dhis2ImportOptions {
  /** When set, a period that starts after this date is a conflict (data for the future). */
  today?: string;
  /** All or nothing: any conflict rejects every value (status ERROR). */
  atomic?: boolean;
}

export interface Dhis2ImportResult {
  counts: AggregateCount[];
  summary: ImportSummary;
}

type Outcome = { count: AggregateCount } | { conflict: Omit<ImportConflict, 'indexes'> };

const isCount = /^(0|[1-9]\d*)$/;

const conflict = (errorCode: string, property: string, object: string, value: string): Outcome => ({ conflict: { object, value, errorCode, property } });

type PeriodReader = (id: string) => Dhis2Period | Error;

/** A payload repeats a handful of period ids thousands of times: read each once. */
const periodReader = (): PeriodReader => {
  const cache = new Map<string, Dhis2Period | Error>();
  return (id) => {
    let period = cache.get(id);
    if (period === undefined) {
      try {
        period = parseDhis2Period(id);
      } catch (error) {
        period = error as Error;
      }
      cache.set(id, period);
    }
    return period;
  };
};

/** Reads one data value; the set-level period and org unit apply where a value has none. */
const readValue = (raw: unknown, set: z.infer<typeof DataValueSetSchema>, mapping: Dhis2Mapping, options: Dhis2ImportOptions, periods: PeriodReader): Outcome => {
  const parsed = DataValueSchema.safeParse(raw);
  if (!parsed.success) return conflict('E7610', 'dataElement', '', 'Data value has no data element or a field of the wrong type');
  const dv = parsed.data;
  if (dv.deleted === true) return conflict('SURV_DHIS2_DELETE_UNSUPPORTED', 'deleted', dv.dataElement, 'Deleted data values are not imported; correct the count instead');
  const element = mapping.dataElements[dv.dataElement];
  if (!element) return conflict('E7610', 'dataElement', dv.dataElement, `Data element not mapped to a disease: \`${dv.dataElement}\``);
  const periodId = dv.period ?? set.period ?? '';
  const period = periods(periodId);
  if (period instanceof Error) return conflict('E7611', 'period', periodId, `Period not valid: \`${periodId}\` (${period.message})`);
  if (options.today !== undefined && period.start > options.today) {
    return conflict('E7641', 'period', period.id, `Period: \`${period.id}\` starts after today: \`${options.today}\``);
  }
  const orgUnitId = dv.orgUnit ?? set.orgUnit ?? '';
  const place = mapping.orgUnits[orgUnitId];
  if (!place) return conflict('E7612', 'orgUnit', orgUnitId, `Organisation unit not mapped to a party and area: \`${orgUnitId}\``);
  const cocId = dv.categoryOptionCombo;
  const combo = cocId === undefined ? {} : mapping.categoryOptionCombos[cocId];
  if (!combo) return conflict('E7613', 'categoryOptionCombo', cocId ?? '', `Category option combo not mapped: \`${cocId}\``);
  if (combo.classification && element.classification && combo.classification !== element.classification) {
    return conflict('SURV_DHIS2_CLASSIFICATION_CONFLICT', 'categoryOptionCombo', cocId ?? '', `Category option combo says ${combo.classification}, data element \`${dv.dataElement}\` says ${element.classification}`);
  }
  const text = dv.value === undefined ? '' : String(dv.value).trim();
  if (text === '') return conflict('E7618', 'value', dv.dataElement, `Data value or comment not specified for data element: \`${dv.dataElement}\``);
  if (!isCount.test(text) || !Number.isSafeInteger(Number(text))) {
    return conflict('E7619', 'value', dv.dataElement, `Value must match data element's \`${dv.dataElement}\` type constraints: a count (non-negative integer), got \`${text}\``);
  }
  return {
    count: {
      ...place,
      disease: element.disease,
      periodStart: period.start,
      periodEnd: period.end,
      ageBand: combo.ageBand ?? ALL,
      sex: combo.sex ?? ALL,
      classification: combo.classification ?? element.classification ?? ALL,
      count: Number(text),
    },
  };
};

/**
 * Imports a `dataValueSets` JSON payload (single form or bulk variant).
 * Throws SURV_DHIS2_PAYLOAD_INVALID only when the payload is not a data
 * value set at all; every problem with an individual value is a conflict.
 * `importCount.imported` counts the accepted values; whether each one
 * creates or updates a stored cell is for the store to say
 * (`settleImportCount`).
 */
export const importDataValueSet = (payload: unknown, mapping: Dhis2Mapping, options: Dhis2ImportOptions = {}): Dhis2ImportResult => {
  const set = DataValueSetSchema.safeParse(payload);
  if (!set.success) {
    throw new AppError('SURV_DHIS2_PAYLOAD_INVALID', 'Not a DHIS2 data value set: expected an object with a dataValues array', { params: { issues: set.error.issues.map((i) => i.message) } });
  }
  const counts: AggregateCount[] = [];
  const conflicts: ImportConflict[] = [];
  const seen = new Map<string, number>();
  const periods = periodReader();
  set.data.dataValues.forEach((raw, index) => {
    const outcome = readValue(raw, set.data, mapping, options, periods);
    if ('conflict' in outcome) {
      conflicts.push({ ...outcome.conflict, indexes: [index] });
      return;
    }
    const key = aggregateKey(outcome.count);
    const first = seen.get(key);
    if (first !== undefined) {
      // Two values for one Concord cell: summing could double-count, keeping either would hide one.
      conflicts.push({ object: key, value: `Value maps to the same Concord cell as data value ${first}`, errorCode: 'SURV_DHIS2_DUPLICATE_CELL', property: 'dataValue', indexes: [index] });
      return;
    }
    seen.set(key, index);
    counts.push(outcome.count);
  });
  const total = set.data.dataValues.length;
  if (options.atomic && conflicts.length > 0) {
    return { counts: [], summary: summarise({ total, accepted: 0, conflicts: mergeConflicts(conflicts), atomic: true }) };
  }
  return { counts, summary: summarise({ total, accepted: counts.length, conflicts: mergeConflicts(conflicts), atomic: false }) };
};
