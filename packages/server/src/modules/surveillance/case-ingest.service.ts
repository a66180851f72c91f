import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { epiWeek, parseCaseReport, type CaseReport } from '@concord/core';
import type { Actor } from '../../actor.ts';
import { actorLabel } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { FieldKeys } from '../../keys/field-cipher.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import { readCaseCsv } from './case-csv-reader.ts';
import * as cases from './case-reports.repo.ts';
import * as counts from './counts.repo.ts';
import { decryptPersonal, encryptPersonal, PERSONAL_FIELDS, type PersonalValues } from './personal-fields.ts';
import { MAX_LISTED_ERRORS, type RecordError } from './surveillance.errors.ts';
import * as errors from './surveillance.errors.ts';

/** A checked case report and where it came from in its batch (JSON index or CSV line). */
export interface IncomingCase {
  position: { index?: number; line?: number };
  report: CaseReport;
}

export type IngestStatus = 'created' | 'updated' | 'unchanged';

export interface IngestSummary {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Signals raised by the detection run over the series this batch touched. */
  signalsRaised: number;
  results?: { clientId: string; id: string; status: IngestStatus }[];
}

/** Series and weeks a batch changed, for the detection run that follows it. */
export type TouchedWeeks = Map<string, { party: string; disease: string; area: string; weeks: Set<string> }>;

export interface CaseIngestDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  fieldKeys: () => FieldKeys;
  /** The area codes of a party (admin areas the node knows). */
  areasOf: (party: string) => Promise<ReadonlySet<string>>;
  /** Runs detection over what a committed batch touched; returns the signals raised. */
  afterCommit: (touched: TouchedWeeks) => Promise<number>;
}

/**
 * The latest calendar date anywhere on Earth at `now` (UTC+14): a report
 * dated today in Nairobi or Kinshasa must not be "in the future" for a
 * node whose clock runs on UTC.
 */
export const receivingToday = (now: Date): string => new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/** Problems in file order: by line (CSV) or record index (JSON), parse problems before batch checks within a record. */
const byPosition = (problems: readonly RecordError[]): RecordError[] =>
  problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.line ?? a.p.index ?? 0) - (b.p.line ?? b.p.index ?? 0) || a.i - b.i).map(({ p }) => p);

/** The most records one JSON batch may carry; larger loads go as CSV. */
export const MAX_JSON_BATCH = 10_000;

// Arrays of this many rows per statement: large enough to amortise the
// round trip, small enough for the drivers' parameter encoding.
const CHUNK = 5_000;

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

const positionOf = (incoming: IncomingCase): Pick<RecordError, 'index' | 'line'> => incoming.position;

const personalOf = (report: CaseReport): PersonalValues => {
  const values: PersonalValues = {};
  for (const field of PERSONAL_FIELDS) if (report[field] !== undefined) values[field] = report[field];
  return values;
};

const plain = (report: CaseReport) => ({
  party: report.party,
  clientId: report.clientId,
  area: report.area,
  facility: report.facility ?? null,
  disease: report.disease,
  onsetDate: report.onsetDate ?? null,
  reportDate: report.reportDate,
  age: report.age ?? null,
  ageBand: report.ageBand,
  sex: report.sex,
  classification: report.classification,
  outcome: report.outcome ?? null,
  labResult: report.labResult ?? null,
});

const PLAIN_FIELDS = Object.keys(plain({} as CaseReport)) as (keyof ReturnType<typeof plain>)[];

const weekCache = new Map<string, string>();
const isoWeekStart = (day: string): string => {
  let week = weekCache.get(day);
  if (week === undefined) {
    week = epiWeek(day, 'iso').start;
    if (weekCache.size > 20_000) weekCache.clear();
    weekCache.set(day, week);
  }
  return week;
};

const cell = (c: Pick<cases.StoredCase, 'party' | 'disease' | 'area' | 'reportDate' | 'ageBand' | 'sex' | 'classification'>, delta: number): counts.CaseCountDelta => ({
  party: c.party,
  disease: c.disease,
  area: c.area,
  day: c.reportDate,
  weekStart: isoWeekStart(c.reportDate),
  ageBand: c.ageBand,
  sex: c.sex,
  classification: c.classification,
  delta,
});

export const createCaseIngest = (deps: CaseIngestDeps) => {
  const { db, audit, clock } = deps;

  /** Scope, known areas and repeated client ids: every problem of the batch, before anything is written. */
  const checkBatch = async (actor: Actor, incoming: readonly IncomingCase[]): Promise<RecordError[]> => {
    const problems: RecordError[] = [];
    const seen = new Map<string, IncomingCase>();
    const areas = new Map<string, ReadonlySet<string>>();
    for (const item of incoming) {
      const { report } = item;
      if (actor.kind === 'user' && report.party !== actor.jurisdiction) {
        problems.push({ ...positionOf(item), field: 'party', code: 'ACCESS_OUT_OF_SCOPE', message: `you report for ${actor.jurisdiction}, not ${report.party}` });
        continue;
      }
      let known = areas.get(report.party);
      if (!known) areas.set(report.party, (known = await deps.areasOf(report.party)));
      if (!known.has(report.area)) {
        problems.push({ ...positionOf(item), field: 'area', code: 'SURV_AREA_UNKNOWN', message: `${report.area} is not an area of ${report.party}` });
      }
      const key = `${report.party}\u0000${report.clientId}`;
      const first = seen.get(key);
      if (first) {
        const where = first.position.line !== undefined ? `line ${first.position.line}` : `record ${first.position.index}`;
        problems.push({ ...positionOf(item), field: 'clientId', code: 'SURV_CLIENT_ID_REPEATED', message: `${report.clientId} already appears at ${where} of this batch` });
      } else seen.set(key, item);
    }
    return problems;
  };

  const unchanged = (stored: cases.StoredCase, report: CaseReport, keys: FieldKeys): boolean => {
    const next = plain(report);
    if (PLAIN_FIELDS.some((field) => stored[field] !== next[field])) return false;
    const storedPersonal = decryptPersonal(stored.id, stored, keys);
    const personal = personalOf(report);
    return PERSONAL_FIELDS.every((field) => storedPersonal[field] === personal[field]);
  };

  /**
   * Encrypts each report's personal fields under a fresh row id before any
   * transaction opens, so the database waits on no cipher work; a report
   * that turns out to replace a stored one is re-encrypted under that id.
   */
  const prepare = (items: readonly IncomingCase[], keys: FieldKeys) =>
    items.map((item) => {
      const id = randomUUID();
      return { ...item, id, encrypted: encryptPersonal(id, personalOf(item.report), keys) };
    });

  /** Writes one chunk: new reports inserted, changed ones replaced, counts moved by the difference. */
  const writeChunk = async (tx: Db, actor: Actor, items: readonly ReturnType<typeof prepare>[number][], source: cases.StoredCase['source'], synthetic: boolean) => {
    const now = clock.now();
    const keys = deps.fieldKeys();
    const existing = new Map(
      (await cases.findByClientIds(tx, items.map((i) => ({ party: i.report.party, clientId: i.report.clientId })))).map((row) => [
        `${row.party}\u0000${row.clientId}`,
        row,
      ]),
    );
    const inserts: cases.StoredCase[] = [];
    const updates: cases.StoredCase[] = [];
    const deltas: counts.CaseCountDelta[] = [];
    const results: NonNullable<IngestSummary['results']> = [];
    for (const { report, id: freshId, encrypted } of items) {
      const stored = existing.get(`${report.party}\u0000${report.clientId}`);
      if (stored && unchanged(stored, report, keys)) {
        results.push({ clientId: report.clientId, id: stored.id, status: 'unchanged' });
        continue;
      }
      const id = stored?.id ?? freshId;
      const row: cases.StoredCase = {
        id,
        ...plain(report),
        ...(stored ? encryptPersonal(id, personalOf(report), keys) : encrypted),
        source,
        receivedAt: stored?.receivedAt ?? now,
        receivedBy: stored?.receivedBy ?? actorLabel(actor),
        updatedAt: now,
        synthetic,
      };
      if (stored) deltas.push(cell(stored, -1));
      deltas.push(cell(row, +1));
      (stored ? updates : inserts).push(row);
      results.push({ clientId: report.clientId, id, status: stored ? 'updated' : 'created' });
    }
    await cases.insertCases(tx, inserts);
    await cases.updateCases(tx, updates);
    await counts.applyCaseCountDeltas(tx, deltas);
    return { results, deltas };
  };

  /**
   * Stores a checked batch all or nothing: one transaction, a few multi-row
   * statements per chunk, the live aggregates moved in the same
   * transaction, one audit row. Resending a report with the same client id
   * changes nothing; sending it changed replaces it and moves the counts.
   * Detection then runs over the series and weeks the batch touched.
   */
  const ingest = async (
    actor: Actor,
    incoming: readonly IncomingCase[],
    options: { source: cases.StoredCase['source']; synthetic?: boolean; listResults?: boolean; checked?: boolean },
  ): Promise<IngestSummary> => {
    if (incoming.length === 0) throw errors.emptyBatch();
    if (!options.checked) {
      const problems = await checkBatch(actor, incoming);
      if (problems.length > 0) throw errors.batchRejected(problems, problems.length, incoming.length);
    }
    const parties = [...new Set(incoming.map((i) => i.report.party))].sort();
    const prepared = prepare(incoming, deps.fieldKeys());
    const touched: TouchedWeeks = new Map();
    const results = await db.transaction(async (tx) => {
      // Two batches resending the same new client id must not both insert it.
      for (const party of parties) await tx.query("SELECT pg_advisory_xact_lock(hashtext('case-reports/' || $1))", [party]);
      const all: NonNullable<IngestSummary['results']> = [];
      for (const chunk of chunks(prepared)) {
        const written = await writeChunk(tx, actor, chunk, options.source, options.synthetic ?? false);
        all.push(...written.results);
        for (const d of written.deltas) {
          for (const area of [d.area, 'all']) {
            const key = `${d.party}|${d.disease}|${area}`;
            const entry = touched.get(key) ?? { party: d.party, disease: d.disease, area, weeks: new Set<string>() };
            entry.weeks.add(d.weekStart);
            touched.set(key, entry);
          }
        }
      }
      const tally = { created: 0, updated: 0, unchanged: 0 };
      for (const r of all) tally[r.status] += 1;
      await audit.append(tx, actor, {
        action: 'case-reports.ingested',
        entityType: 'case-report-batch',
        entityId: randomUUID(),
        jurisdiction: parties.length === 1 ? parties[0] : null,
        details: { source: options.source, received: incoming.length, ...tally },
      });
      return all;
    });
    const signalsRaised = touched.size > 0 ? await deps.afterCommit(touched) : 0;
    const summary: IngestSummary = { received: incoming.length, created: 0, updated: 0, unchanged: 0, signalsRaised };
    for (const r of results) summary[r.status] += 1;
    if (options.listResults) summary.results = results;
    return summary;
  };

  /** JSON case reports (one or a batch): every record parsed and checked, all stored or none. */
  const submitJson = async (actor: Actor, inputs: readonly unknown[]) => {
    if (inputs.length > MAX_JSON_BATCH) throw errors.batchTooLarge(MAX_JSON_BATCH, inputs.length);
    if (inputs.length === 0) throw errors.emptyBatch();
    const today = receivingToday(clock.now());
    const problems: RecordError[] = [];
    const incoming: IncomingCase[] = [];
    inputs.forEach((input, index) => {
      const parsed = parseCaseReport(input, { today });
      if (parsed.ok) incoming.push({ position: { index }, report: parsed.value });
      else problems.push(...parsed.errors.map((e) => ({ index, ...e })));
    });
    problems.push(...(await checkBatch(actor, incoming)));
    if (problems.length > 0) throw errors.batchRejected(byPosition(problems), problems.length, inputs.length);
    return ingest(actor, incoming, { source: 'api', listResults: true, checked: true });
  };

  /** A CSV line list, read as a stream; a file with any bad line stores nothing and lists every bad line. */
  const submitCsv = async (actor: Actor, body: Readable, maxBytes: number) => {
    const read = await readCaseCsv(body, { today: receivingToday(clock.now()), maxBytes });
    const checks = await checkBatch(actor, read.cases);
    const count = read.errorCount + checks.length;
    if (count > 0) throw errors.batchRejected(byPosition([...read.errors, ...checks]).slice(0, MAX_LISTED_ERRORS), count, read.rows);
    return ingest(actor, read.cases, { source: 'csv', checked: true });
  };

  return { ingest, checkBatch, submitJson, submitCsv };
};

export type CaseIngest = ReturnType<typeof createCaseIngest>;
