import { randomUUID } from 'node:crypto';
import {
  aggregateKey,
  epiWeek,
  importDataValueSet,
  operationOutcomeOf,
  parseAggregateCount,
  parseDhis2Mapping,
  readMeasureReport,
  settleImportCount,
  type AggregateCount,
  type Dhis2Mapping,
  type ImportSummary,
} from '@concord/core';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import type { TouchedWeeks } from './case-ingest.service.ts';
import * as counts from './counts.repo.ts';
import * as mappings from './dhis2-mappings.repo.ts';
import type { RecordError } from './surveillance.errors.ts';
import * as errors from './surveillance.errors.ts';

export type CountSource = counts.ReportedCount['source'];

/** The Monday of the period when the period is exactly one ISO week (what detection reads), else null. */
export const isoWeekOf = (count: Pick<AggregateCount, 'periodStart' | 'periodEnd'>): string | null => {
  const week = epiWeek(count.periodStart, 'iso');
  return week.start === count.periodStart && week.end === count.periodEnd ? week.start : null;
};

export interface AggregateIngestDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  today: () => string;
  areasOf: (party: string) => Promise<ReadonlySet<string>>;
  afterCommit: (touched: TouchedWeeks) => Promise<number>;
}

/**
 * Counts reported as counts, by JSON, DHIS2 dataValueSets or FHIR
 * MeasureReport. A count for a cell that exists replaces it (a corrected
 * weekly report), and every write is all or nothing.
 */
export const createAggregateIngest = (deps: AggregateIngestDeps) => {
  const { db, audit, clock } = deps;

  const scopeErrors = async (actor: Actor, items: readonly { index: number; count: AggregateCount }[]): Promise<RecordError[]> => {
    const problems: RecordError[] = [];
    const areas = new Map<string, ReadonlySet<string>>();
    const seen = new Map<string, number>();
    for (const { index, count } of items) {
      if (actor.kind === 'user' && count.party !== actor.jurisdiction) {
        problems.push({ index, field: 'party', code: 'ACCESS_OUT_OF_SCOPE', message: `you report for ${actor.jurisdiction}, not ${count.party}` });
        continue;
      }
      let known = areas.get(count.party);
      if (!known) areas.set(count.party, (known = await deps.areasOf(count.party)));
      if (!known.has(count.area)) problems.push({ index, field: 'area', code: 'SURV_AREA_UNKNOWN', message: `${count.area} is not an area of ${count.party}` });
      const key = aggregateKey(count);
      const first = seen.get(key);
      if (first !== undefined) problems.push({ index, field: 'count', code: 'SURV_DUPLICATE_CELL', message: `the same cell as record ${first}` });
      else seen.set(key, index);
    }
    return problems;
  };

  /** Stores counts that passed every check; returns how many were new and how many replaced a cell. */
  const store = async (actor: Actor, rows: readonly AggregateCount[], source: CountSource, options: { synthetic?: boolean; q?: Db } = {}) => {
    const at = clock.now();
    const touched: TouchedWeeks = new Map();
    const write = async (tx: Db) => {
      const result = { imported: 0, updated: 0 };
      const stored = rows.map((row) => ({ ...row, isoWeekStart: isoWeekOf(row), source, receivedAt: at, receivedBy: actorLabel(actor), synthetic: options.synthetic ?? false }));
      for (let i = 0; i < stored.length; i += 5_000) {
        const part = await counts.upsertReportedCounts(tx, stored.slice(i, i + 5_000));
        result.imported += part.imported;
        result.updated += part.updated;
      }
      for (const row of stored) {
        if (row.isoWeekStart === null || row.ageBand !== 'all' || row.sex !== 'all' || row.classification !== 'all') continue;
        for (const area of [row.area, 'all']) {
          const key = `${row.party}|${row.disease}|${area}`;
          const entry = touched.get(key) ?? { party: row.party, disease: row.disease, area, weeks: new Set<string>() };
          entry.weeks.add(row.isoWeekStart);
          touched.set(key, entry);
        }
      }
      const parties = [...new Set(rows.map((r) => r.party))];
      await audit.append(tx, actor, {
        action: 'aggregate-counts.ingested',
        entityType: 'aggregate-count-batch',
        entityId: randomUUID(),
        jurisdiction: parties.length === 1 ? parties[0] : null,
        details: { source, received: rows.length, ...result },
      });
      return result;
    };
    const result = options.q ? await write(options.q) : await db.transaction(write);
    const signalsRaised = !options.q && touched.size > 0 ? await deps.afterCommit(touched) : 0;
    return { ...result, signalsRaised, touched };
  };

  /** JSON counts: every record checked, all stored or none. */
  const submitJson = async (actor: Actor, inputs: readonly unknown[]) => {
    if (inputs.length === 0) throw errors.emptyBatch();
    const today = deps.today();
    const problems: RecordError[] = [];
    const parsed: { index: number; count: AggregateCount }[] = [];
    inputs.forEach((input, index) => {
      const result = parseAggregateCount(input, { today });
      if (result.ok) parsed.push({ index, count: result.value });
      else problems.push(...result.errors.map((e) => ({ index, ...e })));
    });
    problems.push(...(await scopeErrors(actor, parsed)));
    if (problems.length > 0) throw errors.batchRejected(problems, problems.length, inputs.length);
    const { touched: _touched, ...result } = await store(actor, parsed.map((p) => p.count), 'api');
    return { received: inputs.length, ...result };
  };

  const mappingFor = async (actor: Actor): Promise<Dhis2Mapping> => {
    const jurisdiction = actor.kind === 'user' ? actor.jurisdiction : (actor.jurisdiction ?? '');
    const stored = await mappings.getMapping(db, jurisdiction);
    if (!stored) throw errors.dhis2MappingMissing(jurisdiction);
    return parseDhis2Mapping(stored);
  };

  /**
   * A DHIS2 dataValueSets push, answered with DHIS2's import summary. Values
   * DHIS2 would flag are conflicts; `atomic` (DHIS2 `atomicMode=ALL`)
   * rejects the set on any conflict; `dryRun` checks without storing.
   */
  const submitDhis2 = async (actor: Actor, payload: unknown, options: { atomic: boolean; dryRun: boolean }): Promise<ImportSummary> => {
    const mapping = await mappingFor(actor);
    const { counts: imported, summary } = importDataValueSet(payload, mapping, { today: deps.today(), atomic: options.atomic });
    const problems = await scopeErrors(actor, imported.map((count, index) => ({ index, count })));
    if (problems.length > 0) throw errors.batchRejected(problems, problems.length, imported.length);
    if (imported.length === 0 || options.dryRun) return summary;
    const stored = await store(actor, imported, 'dhis2');
    return settleImportCount(summary, stored);
  };

  /** A FHIR R4 MeasureReport: taken whole or refused with an OperationOutcome. */
  const submitMeasureReport = async (actor: Actor, resource: unknown) => {
    const read = readMeasureReport(resource);
    if (!read.ok) throw errors.fhirRejected(operationOutcomeOf(read.errors), read.errors.length);
    const today = deps.today();
    const future = read.counts.filter((c) => c.periodStart > today);
    if (future.length > 0) {
      const outcome = operationOutcomeOf([{ path: 'MeasureReport.period', code: 'SURV_PERIOD_IN_FUTURE', message: `the period starts ${future[0]!.periodStart}, after today (${today})` }]);
      throw errors.fhirRejected(outcome, 1);
    }
    const problems = await scopeErrors(actor, read.counts.map((count, index) => ({ index, count })));
    if (problems.length > 0) {
      const outcome = operationOutcomeOf(problems.map((p) => ({ path: `MeasureReport (count ${p.index})`, code: p.code, message: p.message })));
      throw errors.fhirRejected(outcome, problems.length);
    }
    const { touched: _touched, ...stored } = await store(actor, read.counts, 'fhir');
    return { counts: read.counts.length, ...stored };
  };

  /** A party's DHIS2 mapping, checked, with every org unit inside the party. */
  const putMapping = async (actor: Actor, input: unknown) => {
    const jurisdiction = actor.kind === 'user' ? actor.jurisdiction : (actor.jurisdiction ?? '');
    const mapping = parseDhis2Mapping(input);
    const known = await deps.areasOf(jurisdiction);
    const foreign = Object.entries(mapping.orgUnits)
      .filter(([, place]) => place.party !== jurisdiction || !known.has(place.area))
      .map(([id]) => id);
    if (foreign.length > 0) throw errors.dhis2MappingForeignOrgUnit(foreign, jurisdiction);
    await db.transaction(async (tx) => {
      await mappings.putMapping(tx, { jurisdiction, mapping, at: clock.now(), by: actorLabel(actor) });
      await audit.append(tx, actor, {
        action: 'dhis2-mapping.saved',
        entityType: 'dhis2-mapping',
        entityId: jurisdiction,
        jurisdiction,
        details: { dataElements: Object.keys(mapping.dataElements).length, categoryOptionCombos: Object.keys(mapping.categoryOptionCombos).length, orgUnits: Object.keys(mapping.orgUnits).length },
      });
    });
    return mapping;
  };

  const getMapping = async (actor: Actor) => mappingFor(actor);

  return { submitJson, submitDhis2, submitMeasureReport, store, mappingFor, putMapping, getMapping };
};

export type AggregateIngest = ReturnType<typeof createAggregateIngest>;
