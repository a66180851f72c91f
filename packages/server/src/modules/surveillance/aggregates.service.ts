import { addDays, epiWeek, formatWeek, suppressionK } from '@concord/core';
import type { Actor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/database.ts';
import type { AccessGrant, DataAccess } from '../governance/index.ts';
import { regionRepo } from '../region/index.ts';
import * as queries from './count-queries.repo.ts';
import * as counts from './counts.repo.ts';
import { canonicalBreakdown, cellKey, hiddenCells, MAX_PROTECTED_BREAKDOWNS } from './aggregate-suppression.ts';
import { currentWeek } from './detection.service.ts';
import * as errors from './surveillance.errors.ts';

export interface AggregateQuery {
  party?: string;
  disease?: string;
  area?: string;
  from?: string;
  to?: string;
  period: 'week' | 'day';
  weeks: 'iso' | 'mmwr';
  by: queries.Breakdown[];
  source: 'cases' | 'reported';
  purpose: string;
}

export interface Refusal {
  party: string;
  code: string;
  message: string;
}

/**
 * Authorises one read per owning party. Asked for one party, a refusal is
 * the answer (403); asked for the region, refused parties are left out and
 * listed, so the hub still sees everything the pact lets it see.
 */
export const grantsFor = async (
  access: DataAccess,
  actor: Actor,
  parties: readonly string[],
  request: Omit<Parameters<DataAccess['authorize']>[1], 'owner'>,
  explicit: boolean,
): Promise<{ grants: Map<string, AccessGrant>; refused: Refusal[] }> => {
  const { grants, refused } = await access.authorizeEach(actor, parties, request);
  if (explicit && refused[0]) throw refused[0].error;
  return { grants, refused: refused.map(({ party, error }) => ({ party, code: error.code, message: error.message })) };
};

/** The parties a read covers: the one asked for, else the actor's own, else (region-wide roles) every party. */
export const partiesFor = async (db: Db, actor: Actor, party: string | undefined): Promise<{ parties: string[]; explicit: boolean }> => {
  if (party) return { parties: [party], explicit: true };
  if (actor.kind === 'user' && !actor.regionWide) return { parties: [actor.jurisdiction], explicit: true };
  const parties = (await regionRepo.listJurisdictions(db)).filter((j) => j.kind === 'party').map((j) => j.code);
  return { parties, explicit: false };
};

const weekLabel = (start: string, system: 'iso' | 'mmwr') => formatWeek(epiWeek(start, system));

type Read = (by: readonly queries.Breakdown[], area: string | undefined) => Promise<queries.CountRow[]>;

const compareRows = (by: readonly queries.Breakdown[]) => (a: queries.CountRow, b: queries.CountRow) => {
  for (const key of ['party', 'disease', 'periodStart', ...by]) {
    const [x, y] = [String(a[key]), String(b[key])];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/**
 * The answer's cells with the pact's small-cell suppression applied where a
 * grant sets k (docs/suppression.md): primary and complementary, so that no
 * withheld cell follows from this answer and the totals of the other
 * answers the reader can ask for. Patterns span every area, so an area
 * filter reads the breakdown by area and keeps that area's cells.
 */
const suppressedRows = async (read: Read, q: AggregateQuery, kOf: (party: string) => number | null) => {
  const rows = await read(q.by, q.area);
  if (!rows.some((row) => kOf(row.party) !== null)) return rows.map((row) => ({ ...row, count: row.count as number | null, suppressed: false }));
  const withArea = q.area && !q.by.includes('area') ? [...q.by, 'area' as const] : q.by;
  const dims = canonicalBreakdown(withArea);
  if (dims.length > MAX_PROTECTED_BREAKDOWNS) throw errors.breakdownTooDetailed(dims, MAX_PROTECTED_BREAKDOWNS);
  const { hidden, zeros } = await hiddenCells((by) => read(by, undefined), dims, kOf);
  const all = [...(await read(withArea, undefined)), ...zeros].filter((row) => !q.area || row.area === q.area).sort(compareRows(withArea));
  return all.map((row) => {
    const { area, ...rest } = row;
    const cell = q.by.includes('area') ? row : rest;
    return hidden.has(cellKey(row, dims)) ? { ...cell, count: null, suppressed: true } : { ...cell, count: row.count as number | null, suppressed: false };
  });
};

export const createAggregates = (deps: { db: Db; clock: Clock; access: DataAccess }) => {
  const { db, access } = deps;

  /**
   * Counts by place, disease and period, broken down as asked, suppressed
   * as the grant's k says; the granularity asked for (admin1 when broken
   * down by area, day or week) is what the clause must allow.
   */
  const query = async (actor: Actor, q: AggregateQuery) => {
    if (q.period === 'day' && q.weeks === 'mmwr') throw errors.periodTooFine(q.period, q.weeks);
    if (q.source === 'reported' && q.period === 'day') throw errors.reportedByDay();
    const { parties, explicit } = await partiesFor(db, actor, q.party);
    const granularity = { place: q.by.includes('area') || q.area ? ('admin1' as const) : ('country' as const), time: q.period };
    const { grants, refused } = await grantsFor(
      access,
      actor,
      parties,
      { dataset: 'aggregate-counts', purpose: q.purpose, ...(q.disease ? { disease: q.disease } : {}), granularity },
      explicit,
    );
    let permitted = [...grants.keys()];
    if (q.source === 'reported' && q.weeks === 'mmwr' && permitted.length > 0) {
      const isoReporters = await queries.partiesReportingIsoWeeks(db, { parties: permitted, disease: q.disease, area: q.area, from: q.from, to: q.to, by: [] });
      if (explicit && isoReporters.length > 0) throw errors.weeksNotRegroupable(isoReporters[0]!);
      for (const party of isoReporters) {
        const error = errors.weeksNotRegroupable(party);
        refused.push({ party, code: error.code, message: error.message });
        grants.delete(party);
      }
      permitted = [...grants.keys()];
    }
    const period = q.period === 'day' ? 'day' : q.weeks === 'mmwr' ? 'mmwr-week' : 'iso-week';
    const read = (by: readonly queries.Breakdown[], area: string | undefined) => {
      const filter = { parties: permitted, disease: q.disease, area, from: q.from, to: q.to, by };
      return q.source === 'reported' ? queries.reportedCounts(db, filter, q.weeks) : queries.lineListCounts(db, filter, period);
    };
    const kOf = (party: string) => suppressionK(grants.get(party)!.obligations);
    const rows = permitted.length === 0 ? [] : await suppressedRows(read, q, kOf);
    const cells = rows.map((row) => {
      const periodEnd = q.period === 'day' ? row.periodStart : addDays(row.periodStart, 6);
      const period = q.period === 'day' ? row.periodStart : weekLabel(row.periodStart, q.weeks);
      return { ...row, period, periodEnd };
    });
    for (const [party, grant] of grants) {
      if (grant.basis === 'own-jurisdiction') continue;
      await access.record(db, actor, grant, { records: cells.filter((c) => c.party === party).length, fields: ['party', 'disease', 'period', ...q.by, 'count'] });
    }
    return {
      source: q.source,
      period: q.period,
      weeks: q.period === 'week' ? q.weeks : null,
      by: q.by,
      suppression: Object.fromEntries([...grants].map(([party, grant]) => [party, suppressionK(grant.obligations)])),
      refused,
      cells,
    };
  };

  /**
   * Live indicators for the pact's conditions: the cholera incidence per
   * 100 000 in the last complete ISO week, per party, from the larger of the
   * line list and the reported weekly total (the same rule as detection).
   */
  const indicators = async (q: Queryable = db): Promise<Record<string, number>> => {
    const lastComplete = addDays(currentWeek(deps.clock.now()), -7);
    const { lineList, reported } = await counts.partyWeekTotals(q, 'cholera', lastComplete);
    const parties = (await regionRepo.listJurisdictions(q)).filter((j) => j.kind === 'party');
    const out: Record<string, number> = {};
    for (const { code, population } of parties) {
      if (!population) continue;
      const cases = Math.max(lineList.get(code) ?? 0, reported.get(code) ?? 0);
      out[`cholera-weekly-incidence-per-100k.${code}`] = (cases / population) * 100_000;
    }
    return out;
  };

  return { query, indicators };
};

export type Aggregates = ReturnType<typeof createAggregates>;
