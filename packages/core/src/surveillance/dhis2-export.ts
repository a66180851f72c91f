/**
 * Aggregate counts out as a DHIS2 `dataValueSets` payload (bulk variant:
 * period and org unit on every value), using the same mapping as the import
 * read backwards, so a hub can push counts into a national or regional
 * DHIS2. A count the mapping cannot express is returned in `unmapped` with
 * the reason, never dropped quietly.
 */
import { dhis2PeriodId } from './epi-week.ts';
import { ALL, type AggregateCount } from './records.ts';
import type { Dhis2DataValue, Dhis2DataValueSet, Dhis2Mapping } from './dhis2.ts';

export type UnmappedReason = 'SURV_DHIS2_NO_ORG_UNIT' | 'SURV_DHIS2_NO_DATA_ELEMENT' | 'SURV_DHIS2_NO_PERIOD_TYPE';

export interface Dhis2ExportResult {
  dataValueSet: Dhis2DataValueSet;
  unmapped: { count: AggregateCount; reason: UnmappedReason }[];
}

const cellKey = (disease: string, ageBand: string, sex: string, classification: string) => `${disease}|${ageBand}|${sex}|${classification}`;

/**
 * Every (data element, category option combo) pair of the mapping, keyed by
 * the Concord cell it imports into. Identifiers are visited in sorted order
 * so that when two pairs describe the same cell the choice is stable.
 */
const pairsByCell = (mapping: Dhis2Mapping): Map<string, { dataElement: string; categoryOptionCombo: string }> => {
  const pairs = new Map<string, { dataElement: string; categoryOptionCombo: string }>();
  const sorted = <T>(record: Record<string, T>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [dataElement, element] of sorted(mapping.dataElements)) {
    for (const [categoryOptionCombo, combo] of sorted(mapping.categoryOptionCombos)) {
      if (combo.classification && element.classification && combo.classification !== element.classification) continue;
      const key = cellKey(element.disease, combo.ageBand ?? ALL, combo.sex ?? ALL, combo.classification ?? element.classification ?? ALL);
      if (!pairs.has(key)) pairs.set(key, { dataElement, categoryOptionCombo });
    }
  }
  return pairs;
};

const orgUnitsByPlace = (mapping: Dhis2Mapping): Map<string, string> => {
  const places = new Map<string, string>();
  for (const uid of Object.keys(mapping.orgUnits).sort()) {
    const place = mapping.orgUnits[uid]!;
    const key = `${place.party}|${place.area}`;
    if (!places.has(key)) places.set(key, uid);
  }
  return places;
};

export const exportDataValueSet = (
  counts: readonly AggregateCount[],
  mapping: Dhis2Mapping,
  options: { dataSet?: string; completeDate?: string } = {},
): Dhis2ExportResult => {
  const pairs = pairsByCell(mapping);
  const places = orgUnitsByPlace(mapping);
  const dataValues: Dhis2DataValue[] = [];
  const unmapped: Dhis2ExportResult['unmapped'] = [];
  for (const count of counts) {
    const orgUnit = places.get(`${count.party}|${count.area}`);
    const pair = pairs.get(cellKey(count.disease, count.ageBand, count.sex, count.classification));
    const period = dhis2PeriodId(count.periodStart, count.periodEnd);
    if (orgUnit === undefined) unmapped.push({ count, reason: 'SURV_DHIS2_NO_ORG_UNIT' });
    else if (pair === undefined) unmapped.push({ count, reason: 'SURV_DHIS2_NO_DATA_ELEMENT' });
    else if (period === undefined) unmapped.push({ count, reason: 'SURV_DHIS2_NO_PERIOD_TYPE' });
    else dataValues.push({ dataElement: pair.dataElement, period, orgUnit, categoryOptionCombo: pair.categoryOptionCombo, value: String(count.count) });
  }
  const header = { ...(options.dataSet ? { dataSet: options.dataSet } : {}), ...(options.completeDate ? { completeDate: options.completeDate } : {}) };
  return { dataValueSet: { ...header, dataValues }, unmapped };
};
